import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { decodeCreateAclsResponse, encodeCreateAcls, OPERATION, RESOURCE } from '../../../src/cluster/create-acls.js';
import { nodeProperties } from '../../../src/cluster/node-config.js';
import { checkSecurityOptions, nodeSecurity, prepareSecurity } from '../../../src/cluster/security.js';
import { readPropertiesFile } from '../../../src/coordinator/client-properties.js';
import { tempDir } from '../../helpers/paths.js';

const node = { nodeId: 1, brokerPort: 9092, controllerPort: 9093, internalPort: 9094 };

test('a secured node keeps the broker port for clients and replicates over a PLAINTEXT listener', () => {
  const material = prepareSecurity(tempDir('sec'), { protocol: 'sasl_ssl' });
  const props = nodeProperties({ node, allNodes: [node], logDir: '/d', security: nodeSecurity(material, 9094) });
  assert.equal(props.listeners, 'CLIENT://127.0.0.1:9092,INTERNAL://127.0.0.1:9094,CONTROLLER://127.0.0.1:9093');
  assert.equal(props['advertised.listeners'], 'CLIENT://127.0.0.1:9092,INTERNAL://127.0.0.1:9094');
  assert.equal(props['inter.broker.listener.name'], 'INTERNAL');
  assert.equal(props['listener.security.protocol.map'], 'CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,CLIENT:SASL_SSL');
  assert.equal(props['authorizer.class.name'], 'org.apache.kafka.metadata.authorizer.StandardAuthorizer');
  assert.equal(props['super.users'], 'User:ANONYMOUS;User:admin');
  assert.equal(props['ssl.client.auth'], 'none');
  assert.equal(props['sasl.enabled.mechanisms'], 'SCRAM-SHA-512');
});

test('sasl_ssl with mTLS writes a client.properties librdkafka reads, with per-cluster passwords', () => {
  const dir = tempDir('sec');
  const a = prepareSecurity(dir, { protocol: 'sasl_ssl', mtls: true });
  const b = prepareSecurity(tempDir('sec'), { protocol: 'sasl_ssl', mtls: true });
  const file = readPropertiesFile(a.clientConfigFile);
  assert.deepEqual(file, a.clientConfig);
  assert.equal(file['security.protocol'], 'SASL_SSL');
  assert.equal(file['sasl.mechanisms'], 'SCRAM-SHA-512');
  assert.equal(file['sasl.username'], 'admin');
  assert.match(file['sasl.password']!, /^[0-9a-f]{36}$/);
  assert.notEqual(file['sasl.password'], b.clientConfig['sasl.password'], 'random per cluster');
  for (const key of ['ssl.ca.location', 'ssl.certificate.location', 'ssl.key.location'])
    assert.ok(statSync(file[key]!).isFile(), key);
  assert.match(readFileSync(file['ssl.key.location']!, 'utf8'), /BEGIN ENCRYPTED PRIVATE KEY/);
  assert.equal(statSync(a.clientConfigFile).mode & 0o077, 0, 'only the owner may read the passwords');
  assert.equal(a.readerConfig?.['sasl.username'], 'reader');
  assert.equal(a.brokerProperties['ssl.client.auth'], 'required');
  assert.deepEqual(a.scramArgs, [
    '--add-scram',
    `SCRAM-SHA-512=[name=admin,password=${file['sasl.password']}]`,
    '--add-scram',
    `SCRAM-SHA-512=[name=reader,password=${a.readerConfig?.['sasl.password']}]`,
  ]);
});

test('ssl without mTLS has no identity, so no limited user and no SCRAM users', () => {
  const m = prepareSecurity(tempDir('sec'), { protocol: 'ssl' });
  assert.equal(m.readerConfig, null);
  assert.deepEqual(m.scramArgs, []);
  assert.deepEqual(Object.keys(m.clientConfig).sort(), ['security.protocol', 'ssl.ca.location']);
});

test('sasl_plaintext needs no certificates; --mtls with it is refused', () => {
  const m = prepareSecurity(tempDir('sec'), { protocol: 'sasl_plaintext' });
  assert.equal(m.clientConfig['ssl.ca.location'], undefined);
  assert.equal(m.brokerProperties['ssl.keystore.location'], undefined);
  assert.throws(() => checkSecurityOptions({ protocol: 'sasl_plaintext', mtls: true }), /--mtls needs TLS/);
});

test('a CreateAcls v2 request encodes every grant; the response decodes per grant', () => {
  const frame = encodeCreateAcls(
    [{ resourceType: RESOURCE.topic, resourceName: '*', principal: 'User:reader', operation: OPERATION.read }],
    7,
  );
  assert.equal(frame.readInt32BE(0), frame.length - 4, 'size prefix');
  assert.equal(frame.readInt16BE(4), 30, 'api key CreateAcls');
  assert.equal(frame.readInt16BE(6), 2, 'api version');
  assert.equal(frame.readInt32BE(8), 7, 'correlation id');
  assert.ok(frame.includes(Buffer.from('User:reader')));
  // correlation id, header tags, throttle, 2 results (ok; 31 with a message), tags
  const response = Buffer.from([0, 0, 0, 7, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 31, 3, 0x6e, 0x6f, 0, 0]);
  assert.deepEqual(decodeCreateAclsResponse(response), [
    { errorCode: 0, message: null },
    { errorCode: 31, message: 'no' },
  ]);
});
