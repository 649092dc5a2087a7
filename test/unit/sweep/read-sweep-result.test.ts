import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { planCapacity } from '../../../src/plan/plan-capacity.js';
import { readSweepResult } from '../../../src/sweep/read-sweep-result.js';
import { tempDir } from '../../helpers/paths.js';
import { phaseResult, runResult } from '../../helpers/result-fixture.js';
import { lawRows, sweepOf } from '../plan/sweep-fixture.js';

function file(name: string, content: string): string {
  const path = join(tempDir('sweep-read'), name);
  writeFileSync(path, content);
  return path;
}

async function rejects(path: string, message: RegExp, exitCode = 2): Promise<void> {
  await assert.rejects(
    readSweepResult(path),
    (e: unknown) => e instanceof KloadError && e.exitCode === exitCode && message.test(e.message),
  );
}

test('a sweep result reads back as written', async () => {
  const sweep = sweepOf(lawRows());
  const back = await readSweepResult(file('s.json', JSON.stringify(sweep)));
  assert.deepEqual(back, JSON.parse(JSON.stringify(sweep)));
});

test("a single run's result, other JSON, a newer version and a missing file are refused plainly", async () => {
  await rejects(
    file('run.json', JSON.stringify(runResult([phaseResult()]))),
    /is the result of a single run, not of a sweep/,
  );
  await rejects(file('other.json', '{"a": 1}'), /is not a kload sweep result/);
  await rejects(file('bad.json', '{'), /is not JSON/);
  await rejects(
    file('new.json', JSON.stringify({ ...sweepOf(lawRows()), schemaVersion: 99 })),
    /has sweep schemaVersion 99; this kload reads version 1/,
  );
  await rejects('/nonexistent/sweep.json', /sweep result not found/);
});

test('a sweep whose saved models are damaged is refused with the field, not a crash in the report', async () => {
  const sweep = JSON.parse(JSON.stringify(sweepOf(lawRows())));
  sweep.models.littlesLaw[0].evidence = 42;
  delete sweep.points[1].result.phases[0].intervals;
  await rejects(file('s.json', JSON.stringify(sweep)), /points\[1\]\.result\.phases\[0\]\.intervals/);
  await rejects(file('s.json', JSON.stringify(sweep)), /models\.littlesLaw\[0\]\.evidence/);
});

test('a sweep over brokers reads back; one saved before brokers existed still reads and plans', async () => {
  const rows = lawRows().map((row, i) => ({ ...row, brokers: i < 4 ? 1 : 3 }));
  const broker = sweepOf(rows, { perPointBrokerCounts: [1, 3], brokerCount: 3 });
  const back = await readSweepResult(file('b.json', JSON.stringify(broker)));
  assert.deepEqual(
    back.points.map((p) => p.parameters.brokers),
    [1, 1, 1, 1, 3, 3, 3, 3],
  );
  await rejects(
    file('bad.json', JSON.stringify({ ...broker, cluster: { ...broker.cluster, perPointBrokerCounts: 'one' } })),
    /cluster\.perPointBrokerCounts/,
  );
  // Written as kload wrote sweeps before this change: no B anywhere, the fit without it.
  const old = await readSweepResult(file('old.json', JSON.stringify(sweepOf(lawRows()))));
  assert.ok(old.points.every((p) => !('brokers' in p.parameters)) && !('perPointBrokerCounts' in old.cluster));
  const outcome = planCapacity(old, { target: { value: 10_000, unit: 'msg/s' }, p99Us: 50_000 });
  assert.ok(outcome.ok && outcome.plan.brokers.value === 1 && outcome.plan.brokers.perBrokerMsgsPerSec === undefined);
});
