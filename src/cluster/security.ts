/**
 * The security of an embedded cluster: a throwaway CA and certificates, SCRAM-SHA-512 users with
 * random passwords, ACLs on, and the librdkafka properties a client needs, written to
 * `client.properties` for `kload run --client-config`. Only the client listener is secured: the
 * controller and inter-broker listeners stay PLAINTEXT on 127.0.0.1 (their ANONYMOUS principal
 * is a super user), which keeps the brokers' own traffic out of what a benchmark measures.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPropertiesFile } from '../coordinator/client-properties.js';
import { KloadError } from '../errors.js';
import { createCertificateAuthority, signCertificate, writePemKeystore } from './certificates.js';
import { OPERATION, RESOURCE, type AclGrant } from './create-acls.js';
import { toPropertiesFile, type NodeSecurity } from './node-config.js';

export const SECURITY_PROTOCOLS = ['ssl', 'sasl_ssl', 'sasl_plaintext'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];

export interface ClusterSecurityOptions {
  protocol: SecurityProtocol;
  /** Brokers require a client certificate (ssl.client.auth=required); ssl and sasl_ssl only. */
  mtls?: boolean;
}

/** The super user that `client.properties` logs in as; the brokers' own principal is ANONYMOUS. */
export const ADMIN_USER = 'admin';
/** May describe and read every topic and group, but neither write nor create a topic. */
export const READER_USER = 'reader';
const MECHANISM = 'SCRAM-SHA-512';

/** What a secured cluster hands its clients (also recorded for a detached cluster). */
export interface ClusterSecurity {
  protocol: SecurityProtocol;
  mtls: boolean;
  /** The super user's librdkafka properties, as written to `clientConfigFile`. */
  clientConfig: Record<string, string>;
  clientConfigFile: string;
  /** The limited user's, in `reader.properties`; null with `ssl` and no mTLS: no identity to limit. */
  readerConfig: Record<string, string> | null;
  readerConfigFile: string | null;
  /** The throwaway CA certificate (PEM) that signed the brokers' certificates. */
  caFile: string;
}

/** What the brokers need on top: properties for every node and arguments for `kafka-storage format`. */
export interface SecurityMaterial extends ClusterSecurity {
  /** Security settings of the listener named CLIENT, the authorizer and the super users. */
  brokerProperties: Record<string, string>;
  /** `--add-scram` arguments creating the SASL users (empty without SASL). */
  scramArgs: string[];
}

/** Rejects combinations that cannot work, before any file or process exists. */
export function checkSecurityOptions(options: ClusterSecurityOptions): void {
  if (!SECURITY_PROTOCOLS.includes(options.protocol)) {
    throw new KloadError('INVALID_ARGUMENT', `--security ${String(options.protocol)}: unknown protocol`, {
      hint: `Choose one of ${SECURITY_PROTOCOLS.join(', ')}.`,
    });
  }
  if (options.mtls && options.protocol === 'sasl_plaintext') {
    throw new KloadError('INVALID_ARGUMENT', '--mtls needs TLS: sasl_plaintext has no certificates to check', {
      hint: 'Use --security ssl --mtls or --security sasl_ssl --mtls.',
    });
  }
}

/** Creates every file under `<clusterDir>/security`; the cluster's stop removes them with the rest. */
export function prepareSecurity(clusterDir: string, options: ClusterSecurityOptions): SecurityMaterial {
  checkSecurityOptions(options);
  const { protocol } = options;
  const mtls = options.mtls ?? false;
  const sasl = protocol !== 'ssl';
  const tls = protocol !== 'sasl_plaintext';
  const dir = join(clusterDir, 'security');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = createCertificateAuthority(dir, 'kload');
  const brokerProperties: Record<string, string> = {
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': `User:ANONYMOUS;User:${ADMIN_USER}`,
  };
  if (tls) {
    const keystore = join(dir, 'broker-keystore.pem');
    writePemKeystore(keystore, signCertificate(dir, ca, 'broker', { serverAltNames: true }), ca);
    Object.assign(brokerProperties, {
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': keystore,
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': ca.certFile,
      'ssl.client.auth': mtls ? 'required' : 'none',
      // A client certificate's "CN=reader" becomes the principal User:reader, as SASL's would.
      'ssl.principal.mapping.rules': 'RULE:^CN=([^,]+).*$/$1/,DEFAULT',
    });
  }
  if (sasl) {
    brokerProperties['sasl.enabled.mechanisms'] = MECHANISM;
    // The server side of SCRAM reads credentials from the metadata log; the JAAS entry only has to exist.
    brokerProperties['listener.name.client.scram-sha-512.sasl.jaas.config'] =
      'org.apache.kafka.common.security.scram.ScramLoginModule required;';
  }
  const identified = sasl || mtls;
  const users = identified ? [ADMIN_USER, READER_USER] : [ADMIN_USER];
  const passwords = new Map(users.map((u) => [u, newPassword()]));
  const configs = users.map((user) => {
    const config: Record<string, string> = { 'security.protocol': protocol.toUpperCase() };
    if (tls) config['ssl.ca.location'] = ca.certFile;
    if (sasl) {
      Object.assign(config, {
        'sasl.mechanisms': MECHANISM,
        'sasl.username': user,
        'sasl.password': passwords.get(user)!,
      });
    }
    if (mtls) {
      const keyPassword = newPassword();
      const cert = signCertificate(dir, ca, user, { keyPassword });
      Object.assign(config, {
        'ssl.certificate.location': cert.certFile,
        'ssl.key.location': cert.keyFile,
        'ssl.key.password': keyPassword,
      });
    }
    return config;
  });
  const admin = identified ? ADMIN_USER : 'ANONYMOUS, no client certificate';
  const clientConfigFile = writeClientConfig(join(clusterDir, 'client.properties'), admin, configs[0]!);
  const reader = identified ? configs[1]! : null;
  return {
    protocol,
    mtls,
    clientConfig: configs[0]!,
    clientConfigFile,
    readerConfig: reader,
    readerConfigFile: reader ? writeClientConfig(join(clusterDir, 'reader.properties'), READER_USER, reader) : null,
    caFile: ca.certFile,
    brokerProperties,
    // kafka-storage takes SCRAM users only as arguments; they are visible in `ps` for the second
    // the tool runs, acceptable for a throwaway cluster on a dev machine.
    scramArgs: sasl
      ? users.flatMap((u) => ['--add-scram', `${MECHANISM}=[name=${u},password=${passwords.get(u)!}]`])
      : [],
  };
}

/** The reader's rights: describe and read every topic, join every group; no write, no create. */
export const READER_GRANTS: AclGrant[] = [
  { resourceType: RESOURCE.topic, resourceName: '*', principal: `User:${READER_USER}`, operation: OPERATION.describe },
  { resourceType: RESOURCE.topic, resourceName: '*', principal: `User:${READER_USER}`, operation: OPERATION.read },
  { resourceType: RESOURCE.group, resourceName: '*', principal: `User:${READER_USER}`, operation: OPERATION.read },
];

export function nodeSecurity(material: SecurityMaterial, internalPort: number): NodeSecurity {
  return { protocol: material.protocol.toUpperCase(), internalPort, properties: material.brokerProperties };
}

/** What clients may know: no broker settings, no storage-tool arguments. */
export function clientSide(material: SecurityMaterial): ClusterSecurity {
  const { brokerProperties: _b, scramArgs: _s, ...security } = material;
  return security;
}

/** A detached cluster's state file names the files only: passwords stay in the 0600 files. */
export type SecurityState = Omit<ClusterSecurity, 'clientConfig' | 'readerConfig'>;

export function securityState(security: ClusterSecurity): SecurityState {
  const { clientConfig: _c, readerConfig: _r, ...files } = security;
  return files;
}

export function readSecurityState(state: SecurityState): ClusterSecurity {
  return {
    ...state,
    clientConfig: readPropertiesFile(state.clientConfigFile),
    readerConfig: state.readerConfigFile ? readPropertiesFile(state.readerConfigFile) : null,
  };
}

/** Hex only: safe in a properties file, a JAAS line and the storage tool's `[name=..,password=..]`. */
function newPassword(): string {
  return randomBytes(18).toString('hex');
}

function writeClientConfig(path: string, user: string, config: Record<string, string>): string {
  const header =
    `# librdkafka properties (user ${user}) for a throwaway kload cluster;\n` +
    `# use with: kload run <scenario> --client-config ${path}\n`;
  writeFileSync(path, header + toPropertiesFile(config), { mode: 0o600 });
  return path;
}
