import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { createTopics } from '../../../src/kafka/admin.js';
import { fetchMetadata } from '../../../src/kafka/metadata.js';
import { newConsumer } from '../../../src/kafka/rdkafka.js';
import { startCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';
import { connectClient, disconnectConsumer } from '../../../src/kafka/connection.js';

/**
 * Java's String.hashCode: Kafka places a group's coordinator on __consumer_offsets partition
 * abs(hash) % partitions.
 */
function javaHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

async function leaderOf(brokers: string, topic: string, partition: number): Promise<number> {
  const md = await fetchMetadata(brokers, { topic, timeoutMs: 5000 });
  return md.topics.find((t) => t.name === topic)!.partitions.find((p) => p.id === partition)!.leader;
}

test('on 3 nodes with acks=all, killing a follower during a run loses and duplicates nothing', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 3 });
  t.after(() => cluster.stop());
  const brokers = cluster.bootstrapServers;
  const topic = randomTopic('integrity');
  const group = `${topic}-g`;
  await createTopics(brokers, [{ name: topic, partitions: 1, replicationFactor: 3 }]);

  const scenario = writeScenario(`
name: kill-follower
topics: [{ name: ${topic}, partitions: 1, replicationFactor: 3 }]
producers: { properties: { acks: all, enable.idempotence: true } }
consumers: { groups: [${group}] }
phases:
  - { type: warmup, duration: 2s, rate: 1000 }
  - { name: faulted, type: constant, duration: 10s, rate: 2000 }
`);
  const out = tempDir('out');
  const cli = startCli(['run', scenario, '--brokers', brokers, '--out', out]);
  await cli.waitForOutput(/\[faulted 3\/10s\]/);
  // A follower of the topic that is not the group's coordinator either (10 offsets partitions, see
  // node-config); __consumer_offsets exists once the run's group has joined.
  const leader = await leaderOf(brokers, topic, 0);
  const coordinator = await leaderOf(brokers, '__consumer_offsets', Math.abs(javaHashCode(group)) % 10);
  const victim = [1, 2, 3].find((id) => id !== leader && id !== coordinator)!;
  await cluster.killNode(victim);
  const r = await cli.done;
  assert.equal(r.code, 0, r.stderr);

  const result = readOnlyResult(out);
  const phase = result.phases.find((p) => p.name === 'faulted')!;
  assert.equal(phase.sent, 20_000);
  assert.equal(phase.acked, 20_000);
  assert.deepEqual(phase.failed, {});
  assert.deepEqual(phase.integrity, { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 });
  assert.deepEqual(result.summary.integrity, { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 });
  assert.equal(phase.endToEndClock, 'monotonic');
});

// Both drivers: rebalances and re-reads reach the task through each driver differently.
for (const client of ['native', 'node-rdkafka'] as const) {
  test(
    'a group member that restarts without committing re-reads messages, ' +
      `and the duplicates are counted (${client})`,
    async (t) => {
      const cluster = await EmbeddedCluster.start({ nodes: 1 });
      t.after(() => cluster.stop());
      const brokers = cluster.bootstrapServers;
      const topic = randomTopic('dups');
      const group = `${topic}-g`;
      const scenario = writeScenario(`
  name: duplicates
  topics: [{ name: ${topic}, partitions: 2 }]
  producers: { client: ${client}, properties: { acks: all } }
  consumers: { groups: [${group}], client: ${client}, properties: { enable.auto.commit: false } }
  phases:
    - { name: steady, type: constant, duration: 10s, rate: 1000 }
  `);
      const out = tempDir('out');
      const cli = startCli(['run', scenario, '--brokers', brokers, '--out', out]);
      await cli.waitForOutput(/\[steady 3\/10s\]/);
      // Another member joins the group and leaves: each rebalance hands the partitions back without a
      // committed offset, so kload's member starts over from the earliest message (a restart without commit).
      const intruder = newConsumer(
        { 'bootstrap.servers': brokers, 'group.id': group, 'enable.auto.commit': false, log_level: 0 },
        { 'auto.offset.reset': 'latest' },
      );
      await connectClient(intruder, 'intruder', brokers, 10_000);
      intruder.subscribe([topic]);
      const until = Date.now() + 3000;
      while (Date.now() < until) await new Promise<void>((resolve) => intruder.consume(100, () => resolve()));
      await disconnectConsumer(intruder);
      const r = await cli.done;
      assert.equal(r.code, 0, r.stderr);

      const phase = readOnlyResult(out).phases[0]!;
      assert.equal(phase.acked, 10_000);
      assert.equal(phase.integrity!.lost, 0, "every acknowledged message was read by kload's member in the end");
      assert.ok(phase.integrity!.duplicated > 0, 'the re-read messages are counted as duplicates, not hidden');
      assert.equal(
        phase.consumed,
        phase.acked + phase.integrity!.duplicated,
        'consumed = each message once + the re-reads',
      );
    },
  );
}
