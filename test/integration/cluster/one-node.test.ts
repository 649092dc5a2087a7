import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { createTopics } from '../../../src/kafka/admin.js';
import { consumeN, produceAll, randomTopic } from '../../helpers/kafka-io.js';

/** Processes whose command line mentions the cluster's directory: its JVMs, if any survived. */
function javaProcessesUnder(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', dir], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

test('a 1-node cluster round-trips a message and leaves nothing behind when stopped', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  assert.equal(cluster.nodes.length, 1);
  assert.match(cluster.bootstrapServers, /^127\.0\.0\.1:\d+$/);
  assert.equal(javaProcessesUnder(cluster.dir).length, 1, 'one JVM runs the node');

  const topic = randomTopic('roundtrip');
  await createTopics(cluster.bootstrapServers, [{ name: topic, partitions: 1, replicationFactor: 1 }]);
  await produceAll(cluster.bootstrapServers, topic, ['hello kafka']);
  const messages = await consumeN(cluster.bootstrapServers, topic, 1);
  assert.deepEqual(
    messages.map((m) => m.value?.toString()),
    ['hello kafka'],
  );

  await cluster.stop();
  assert.deepEqual(javaProcessesUnder(cluster.dir), [], 'no JVM survives stop');
  assert.equal(existsSync(cluster.dir), false, 'the data directory is removed');
});
