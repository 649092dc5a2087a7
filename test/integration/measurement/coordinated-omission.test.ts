import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { startCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';

// Both drivers: the schedule is kload's, but what a full queue and a stalled broker do to each
// client is the driver's.
for (const client of ['native', 'node-rdkafka'] as const) {
  test(
    'a 1 s broker pause shows in publish latency (the schedule is the clock) ' +
      `but not in service latency (${client} driver)`,
    async (t) => {
      const cluster = await EmbeddedCluster.start({ nodes: 1 });
      t.after(() => cluster.stop());
      const topic = randomTopic('co');
      // A small local queue: during the pause produce() must wait instead of buffering the stall away.
      const scenario = writeScenario(`
  name: coordinated-omission
  topics: [{ name: ${topic}, partitions: 1 }]
  producers: { client: ${client}, properties: { acks: 1, queue.buffering.max.messages: 50 } }
  phases:
    - { type: warmup, duration: 2s, rate: 2000 }
    - { name: paused, type: constant, duration: 10s, rate: 2000 }
  `);
      const out = tempDir('out');
      const cli = startCli(['run', scenario, '--brokers', cluster.bootstrapServers, '--out', out]);
      await cli.waitForOutput(/\[paused 4\/10s\]/);
      cluster.pauseNode(1);
      await new Promise((r) => setTimeout(r, 1000)); // the fault itself is a duration: 1 s of SIGSTOP
      cluster.resumeNode(1);
      const r = await cli.done;
      assert.equal(r.code, 0, r.stderr);

      const phase = readOnlyResult(out).phases.find((p) => p.name === 'paused')!;
      assert.equal(phase.acked, 20_000);
      // ~2,000 of 20,000 messages were due during the pause: their latency spreads from 0 to ~1 s.
      assert.ok(phase.publishLatencyUs.p99 > 800_000, `publish p99 ${phase.publishLatencyUs.p99} µs`);
      assert.ok(phase.publishLatencyUs.p90 < phase.publishLatencyUs.p99);
      const p95 = phase.publishLatencyUs; // p95 is not stored; check it from the histogram
      const { decodeHistogram } = await import('../../../src/metrics/histogram.js');
      const h = decodeHistogram(p95.histogram);
      assert.ok(h.getValueAtPercentile(95) > 400_000, `publish p95 ${h.getValueAtPercentile(95)} µs`);
      // Only the few messages already queued when the broker stopped waited in the client.
      assert.ok(phase.serviceLatencyUs.p99 < 300_000, `service p99 ${phase.serviceLatencyUs.p99} µs`);
      assert.ok(phase.scheduleDelayUs.max > 500_000, 'the sends themselves were held back');
      assert.ok(phase.queueFullWaits > 0, 'queue-full waits are counted');
      assert.equal(phase.generatorBound, true);
      assert.match(phase.generatorBoundReasons.join(' '), /queue was full/);
    },
  );
}
