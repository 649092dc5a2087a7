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
thresholds: ['lost == 0', 'publish.p99 < 10s']
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
  assert.match(result.statusReason ?? '', /stopped by SIGINT/);
  const [phase] = result.phases;
  assert.ok(phase!.durationSec > 1 && phase!.durationSec < 20, `ran ${phase!.durationSec} s of 60`);
  assert.ok(phase!.sent >= 1000, 'what was measured before the stop is kept');
  assert.equal(phase!.acked, phase!.sent, 'in-flight messages were drained before writing');

  // The stop skips the drain: what was acknowledged and not yet read is unverified, never lost.
  const integrity = phase!.integrity!;
  assert.equal(integrity.lost, 0, 'no loss can be proven without a finished drain');
  assert.ok(integrity.unverified >= 0 && integrity.unverified <= phase!.acked, `unverified ${integrity.unverified}`);
  assert.equal(result.summary.integrity?.unverified, integrity.unverified);
  assert.match(r.stdout, /Integrity \(recorded phases\): 0 lost, \d[\d,]* duplicated, \d[\d,]* out of order/);
  const [lost, latency] = result.thresholds;
  assert.equal(latency!.evaluated, true, 'thresholds that do not depend on the drain are judged as usual');
  if (integrity.unverified > 0) {
    // The usual case: the consumer trails the producers by a few milliseconds when Ctrl-C comes.
    assert.deepEqual([lost!.evaluated, lost!.pass], [false, false]);
    assert.match(lost!.notEvaluatedReason ?? '', /unverified \(the drain did not finish\)/);
    assert.match(r.stdout, /\? lost == 0 .*not evaluated: [\d,]+ messages? unverified/);
    assert.match(r.stdout, /, [\d,]+ unverified \(acknowledged, not yet read/);
  } else {
    // The consumer happened to have read everything: then nothing is in doubt.
    assert.deepEqual([lost!.evaluated, lost!.pass], [true, true]);
  }
});
