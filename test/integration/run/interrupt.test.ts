import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { startCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';

test('Ctrl-C during a run writes a partial result marked interrupted and exits non-zero', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const topic = randomTopic('sigint');
  const scenario = writeScenario(`
name: interrupted
topics: [{ name: ${topic}, partitions: 2 }]
producers: { properties: { acks: 1 } }
consumers: { members: 1 }
phases:
  - { name: long, type: constant, duration: 60s, rate: 1000 }
`);
  const out = tempDir('out');
  const cli = startCli(['run', scenario, '--brokers', cluster.bootstrapServers, '--out', out]);
  await cli.waitForOutput(/\[long 2\/60s\]/);
  cli.child.kill('SIGINT');
  const r = await cli.done;
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stderr, /Interrupted/);
  const result = readOnlyResult(out);
  assert.equal(result.status, 'interrupted');
  assert.match(result.statusReason ?? '', /interrupted/);
  const [phase] = result.phases;
  assert.ok(phase!.durationSec > 1 && phase!.durationSec < 20, `ran ${phase!.durationSec} s of 60`);
  assert.ok(phase!.sent >= 1000, 'what was measured before the stop is kept');
  assert.equal(phase!.acked, phase!.sent, 'in-flight messages were drained before writing');
});
