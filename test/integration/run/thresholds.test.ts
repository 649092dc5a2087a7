import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { runCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';

test('a run whose thresholds fail exits 99, prints the verdicts and still saves the result with them', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const topic = randomTopic('gate');
  const scenario = writeScenario(`
name: gate
topics: [{ name: ${topic}, partitions: 1 }]
producers: { properties: { acks: 1 } }
consumers: {}
phases:
  - { name: steady, type: constant, duration: 3s, rate: 500 }
thresholds:
  - throughput > 1000000 msg/s
  - steady: publish.p99 < 10s
  - lost == 0
`);
  const out = tempDir('out');
  const r = await runCli(['run', scenario, '--brokers', cluster.bootstrapServers, '--out', out]);
  assert.equal(r.code, 99, r.stderr);
  assert.match(r.stdout, /✗ throughput > 1000000 msg\/s/);
  assert.match(r.stdout, /✓ steady: publish\.p99 < 10s/);
  assert.match(r.stderr, /1 of 3 thresholds failed/);
  const result = readOnlyResult(out);
  assert.equal(result.status, 'complete');
  assert.deepEqual(
    result.thresholds.map((x) => x.pass),
    [false, true, true],
  );
  assert.equal(result.thresholds[2]!.actual, 0, 'lost is measured, not assumed');
});

test('--abort-on-fail stops a run as soon as a latency threshold can no longer pass, and exits 99', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const topic = randomTopic('abort');
  const scenario = writeScenario(`
name: abort
topics: [{ name: ${topic}, partitions: 1 }]
producers: { properties: { acks: 1 } }
phases:
  - { name: long, type: constant, duration: 60s, rate: 500 }
thresholds:
  - publish.max < 1us
`);
  const out = tempDir('out');
  const r = await runCli(['run', scenario, '--brokers', cluster.bootstrapServers, '--out', out, '--abort-on-fail']);
  assert.equal(r.code, 99, r.stderr);
  assert.match(r.stderr, /can no longer pass/);
  assert.ok(r.durationMs < 30_000, `stopped after ${r.durationMs} ms of a 60 s schedule`);
  const result = readOnlyResult(out);
  assert.equal(result.status, 'interrupted');
  assert.match(result.statusReason ?? '', /abort-on-fail/);
  assert.equal(result.thresholds[0]!.pass, false);
});
