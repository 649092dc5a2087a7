import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { runCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';

test('consumer lag of a consumer reading along is rate × its delay, not rate × a report’s age', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const topic = randomTopic('lag');
  const rate = 2000;
  const scenario = writeScenario(`
name: consumer-lag
topics: [{ name: ${topic}, partitions: 2 }]
producers: { properties: { acks: 1, linger.ms: 1 } }
consumers: { members: 1 }
phases:
  - { type: warmup, duration: 1s, rate: ${rate} }
  - { name: steady, type: constant, duration: 5s, rate: ${rate} }
`);
  const out = tempDir('out');
  const r = await runCli(['run', scenario, '--brokers', cluster.bootstrapServers, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const steady = readOnlyResult(out).phases.find((p) => p.name === 'steady')!;
  const lags = steady.intervals.flatMap((iv) => (iv.consumerLag === null ? [] : [iv.consumerLag]));
  assert.ok(lags.length >= 3, `lag sampled in ${lags.length} of ${steady.intervals.length} seconds`);
  const median = [...lags].sort((a, b) => a - b)[Math.floor(lags.length / 2)]!;
  // Positions are reported every 200 ms: read at a random moment they are 100 ms old on average,
  // which read against a fresh watermark adds rate × 100 ms (200 here). Paired, what is left is
  // rate × the produce-to-consume delay; 40 ms of slack for a busy machine.
  const boundMsgs = rate * (steady.endToEndLatencyUs.p50 / 1e6 + 0.04);
  t.diagnostic(`lag ${JSON.stringify(lags)}, e2e p50 ${steady.endToEndLatencyUs.p50} µs, bound ${boundMsgs}`);
  assert.ok(median <= boundMsgs, `median lag ${median} > ${boundMsgs} (samples ${JSON.stringify(lags)})`);
});
