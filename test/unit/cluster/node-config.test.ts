import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeProperties, toPropertiesFile } from '../../../src/cluster/node-config.js';
import { parseJavaMajor } from '../../../src/cluster/java.js';
import { newClusterId } from '../../../src/cluster/format-storage.js';

const three = [1, 2, 3].map((id) => ({ nodeId: id, brokerPort: 9000 + 2 * id, controllerPort: 9001 + 2 * id }));

test('a 3-node cluster replicates 3 ways with 2 in-sync replicas required', () => {
  const props = nodeProperties({ node: three[1]!, allNodes: three, logDir: '/d' });
  assert.equal(props['node.id'], '2');
  assert.equal(props['controller.quorum.voters'], '1@127.0.0.1:9003,2@127.0.0.1:9005,3@127.0.0.1:9007');
  assert.equal(props.listeners, 'PLAINTEXT://127.0.0.1:9004,CONTROLLER://127.0.0.1:9005');
  assert.equal(props['default.replication.factor'], '3');
  assert.equal(props['min.insync.replicas'], '2');
  assert.equal(props['offsets.topic.replication.factor'], '3');
});

test('a 1-node cluster uses replication factor 1 everywhere', () => {
  const one = [{ nodeId: 1, brokerPort: 1, controllerPort: 2 }];
  const props = nodeProperties({ node: one[0]!, allNodes: one, logDir: '/d' });
  assert.equal(props['offsets.topic.replication.factor'], '1');
  assert.equal(props['transaction.state.log.min.isr'], '1');
});

test('user broker properties override the defaults', () => {
  const props = nodeProperties({
    node: three[0]!,
    allNodes: three,
    logDir: '/d',
    overrides: { 'num.io.threads': '16', 'min.insync.replicas': '1' },
  });
  assert.equal(props['num.io.threads'], '16');
  assert.equal(props['min.insync.replicas'], '1');
  assert.match(toPropertiesFile(props), /^num\.io\.threads=16$/m);
});

test('java -version output is read for old and new version schemes', () => {
  assert.equal(parseJavaMajor('openjdk version "17.0.15" 2025-04-15'), 17);
  assert.equal(parseJavaMajor('java version "1.8.0_392"'), 8);
  assert.equal(parseJavaMajor('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaMajor('nonsense'), null);
});

test('a cluster id is 16 bytes in base64url, as Kafka expects', () => {
  const id = newClusterId();
  assert.match(id, /^[A-Za-z0-9_-]{22}$/);
  assert.equal(Buffer.from(id, 'base64url').length, 16);
});

test('a cluster id never starts with "-", which the storage tool would take for an option', () => {
  for (let i = 0; i < 2000; i++) assert.ok(!newClusterId().startsWith('-'));
});
