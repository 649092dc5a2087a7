import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { createTopics } from '../../../src/kafka/admin.js';
import { fetchMetadata } from '../../../src/kafka/metadata.js';
import { produceAll, randomTopic, waitFor } from '../../helpers/kafka-io.js';

async function isrOf(brokers: string, topic: string): Promise<number[][]> {
  const md = await fetchMetadata(brokers, { topic, timeoutMs: 5000 });
  const t = md.topics.find((x) => x.name === topic);
  return (t?.partitions ?? []).map((p) => [...p.isrs].sort());
}

test('a 3-node cluster keeps accepting acks=all writes with one node down, and the node rejoins the ISR', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 3 });
  t.after(() => cluster.stop());
  const brokers = cluster.bootstrapServers;
  const md = await fetchMetadata(brokers, { timeoutMs: 5000 });
  assert.equal(md.brokers.length, 3);

  const topic = randomTopic('isr');
  await createTopics(brokers, [{ name: topic, partitions: 3, replicationFactor: 3 }]);
  await waitFor('every partition to have 3 in-sync replicas', async () =>
    (await isrOf(brokers, topic)).every((isr) => isr.length === 3),
  );
  const acksAll = { acks: 'all', 'message.timeout.ms': '30000' };
  await produceAll(brokers, topic, ['before-1', 'before-2', 'before-3'], acksAll);

  await cluster.killNode(3);
  await waitFor(
    'node 3 to leave the ISR',
    async () => (await isrOf(brokers, topic)).every((isr) => !isr.includes(3)),
    60_000,
  );
  // min.insync.replicas=2: two live replicas of three must still take acks=all writes.
  await produceAll(brokers, topic, ['during-1', 'during-2', 'during-3'], acksAll);

  await cluster.restartNode(3);
  await waitFor(
    'node 3 to rejoin the ISR of every partition',
    async () => (await isrOf(brokers, topic)).every((isr) => isr.includes(3)),
    60_000,
  );
});
