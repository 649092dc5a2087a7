import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { runCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';

test('segments run by hand on one start time merge into one result that accounts for every message', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const topic = randomTopic('segments');
  const file = writeScenario(`
name: by-hand
topics: [{ name: ${topic}, partitions: 4 }]
producers:
  count: 4
  properties: { acks: all, enable.idempotence: true }
consumers: { groups: [g], members: 2 }
phases:
  - { name: steady, type: constant, duration: 5s, rate: 1000 }
thresholds: ["lost == 0", "duplicated == 0"]
`);
  const parts = tempDir('parts');
  const startAt = new Date(Date.now() + 15_000).toISOString();
  const common = ['--brokers', cluster.bootstrapServers, '--run-id', '777', '--start-at', startAt, '--out', parts];
  const runs = await Promise.all(
    ['1/2', '2/2'].map((s) => runCli(['run', file, '--segment', s, ...common], { timeoutMs: 120_000 })),
  );
  for (const r of runs) assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  const files = readdirSync(parts).filter((f) => /^by-hand-segment-\dof2-.*\.json$/.test(f));
  assert.equal(files.length, 2, files.join(', '));

  const out = tempDir('merged');
  const merged = await runCli(['merge', ...files.map((f) => join(parts, f)), '--out', out, '--label', 'abc1234']);
  assert.equal(merged.code, 0, merged.stderr);
  assert.match(merged.stdout, /segment 1\/2: complete, clock -?\d+\.\d ms ± \d+\.\d ms/);
  const result = readOnlyResult(out);
  const [steady] = result.phases;
  assert.equal(steady!.sent, 5000, 'two halves of the open-loop schedule make the whole');
  assert.equal(steady!.acked, 5000);
  assert.equal(steady!.consumed, 5000);
  assert.deepEqual(steady!.integrity, { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 });
  assert.equal(result.distribution?.runId, 777);
  assert.equal(result.label, 'abc1234', 'kload merge --label labels the merged result');
  assert.ok(steady!.intervals.length >= 5 && steady!.intervals.length <= 6, `${steady!.intervals.length} intervals`);

  const incomplete = await runCli(['merge', join(parts, files[0]!), '--out', tempDir('never')]);
  assert.equal(incomplete.code, 2);
  assert.match(incomplete.stderr, /segment 2 of 2 missing/);
});
