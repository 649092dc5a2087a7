/**
 * A throwaway certificate authority and the certificates signed by it, made with the openssl
 * command line in the cluster's temp directory. Everything is PEM because both sides read PEM:
 * librdkafka's ssl.ca.location / ssl.certificate.location, and Kafka's `ssl.keystore.type=PEM`.
 * openssl rather than keytool: one keytool call is a JVM start (~1 s on two busy cores), and
 * keytool cannot write the PEM private key librdkafka needs anyway.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KloadError } from '../errors.js';

/** Valid for a month: a throwaway cluster lives for a run, at most a working day. */
const DAYS = '30';

export interface CertificateAuthority {
  certFile: string;
  keyFile: string;
}

export interface SignedCertificate {
  certFile: string;
  keyFile: string;
}

/** A self-signed CA, `<name>-ca.pem` and `<name>-ca.key` in `dir`. */
export function createCertificateAuthority(dir: string, name: string): CertificateAuthority {
  const certFile = join(dir, `${name}-ca.pem`);
  const keyFile = join(dir, `${name}-ca.key`);
  openssl([
    'req',
    '-x509',
    ...EC_KEY,
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    DAYS,
    '-subj',
    `/CN=${name} throwaway CA`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { certFile, keyFile };
}

/**
 * A certificate for `CN=<cn>` signed by the CA. With `keyPassword` the private key is encrypted
 * (PKCS#8, AES-256), as a client key should be; Kafka's PEM keystore gets an unencrypted one.
 * Brokers get SANs for 127.0.0.1 and localhost: librdkafka verifies the host name by default.
 */
export function signCertificate(
  dir: string,
  ca: CertificateAuthority,
  cn: string,
  options: { keyPassword?: string; serverAltNames?: boolean } = {},
): SignedCertificate {
  const keyFile = join(dir, `${cn}.key`);
  const csrFile = join(dir, `${cn}.csr`);
  const certFile = join(dir, `${cn}.pem`);
  const extFile = join(dir, `${cn}.ext`);
  // The password goes through the environment: arguments are visible to every user in `ps`.
  const encrypt = options.keyPassword ? ['-passout', 'env:KLOAD_KEY_PASSWORD'] : ['-nodes'];
  openssl(['req', ...EC_KEY, ...encrypt, '-keyout', keyFile, '-out', csrFile, '-subj', `/CN=${cn}`], {
    KLOAD_KEY_PASSWORD: options.keyPassword ?? '',
  });
  const ext = ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment'];
  if (options.serverAltNames) ext.push('subjectAltName=IP:127.0.0.1,DNS:localhost');
  writeFileSync(extFile, `${ext.join('\n')}\n`);
  openssl([
    'x509',
    '-req',
    '-in',
    csrFile,
    '-CA',
    ca.certFile,
    '-CAkey',
    ca.keyFile,
    '-CAcreateserial',
    '-out',
    certFile,
    '-days',
    DAYS,
    '-extfile',
    extFile,
  ]);
  return { certFile, keyFile };
}

/** Kafka's PEM keystore is one file: the private key, then the certificate chain. */
export function writePemKeystore(path: string, cert: SignedCertificate, ca: CertificateAuthority): void {
  writeFileSync(
    path,
    [readFileSync(cert.keyFile, 'utf8'), readFileSync(cert.certFile, 'utf8'), readFileSync(ca.certFile, 'utf8')].join(
      '',
    ),
    { mode: 0o600 },
  );
}

/** P-256: a key is generated in milliseconds (RSA 2048 takes ~100 ms each) and both sides speak it. */
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];

function openssl(args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync('openssl', args, { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : r.stderr.trim().split('\n').slice(-5).join('\n');
    throw new KloadError('NODE_FAILED_TO_START', `Creating the cluster's TLS certificates failed: ${why}`, {
      hint: 'A secured embedded cluster needs the openssl command (Debian: apt-get install openssl).',
    });
  }
}
