import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSweepReport } from '../../../src/sweep/format-sweep-report.js';
import { lawRows, sweepOf } from '../plan/sweep-fixture.js';

test("a sweep report says what each point ran, then the verdicts, then Little's law point by point", () => {
  const sweep = sweepOf(lawRows());
  const text = formatSweepReport(sweep);
  assert.match(text, /^Sweep steady: 8 of 8 points, 2026-11-22T00:00:00\.000Z$/m);
  assert.match(text, /^Each point: warmup 1 s .* then max 3 s with 1,000 in flight per producer; between points: /m);
  assert.match(text, /^Cluster: embedded-temporary, 1 broker, Kafka 4\.3\.1$/m);
  assert.match(text, /^T = N×R\/K: (holds|does not hold)/m, 'the seed verdicts');
  assert.match(text, /^ {2}a = -?\d\.\d+ \[-?\d\.\d+, -?\d\.\d+\]/m, 'exponents with their intervals');
  assert.match(text, /R² = \d\.\d\d on logs/);
  assert.match(text, /^USL: not fitted \(producers takes 2 value\(s\)/m);
  const perPoint = text.split('\n').filter((line) => /^ {2}#\d+: /.test(line));
  assert.equal(perPoint.length, sweep.models.littlesLaw.length);
  for (const [i, entry] of sweep.models.littlesLaw.entries()) {
    const expected = entry.checked ? /λ·W = .* in flight; measured max .*, gap .*%/ : /not checked: /;
    assert.match(perPoint[i]!, expected);
  }
});

test('a sweep that stopped early says so in its first line', () => {
  const sweep = { ...sweepOf(lawRows()), status: 'interrupted' as const, statusReason: 'Ctrl-C', plannedPoints: 12 };
  assert.match(formatSweepReport(sweep), /^Sweep steady: 8 of 12 points \(interrupted: Ctrl-C\), /);
});

test('a USL reason shared by every group is printed once', () => {
  const base = sweepOf(lawRows());
  const reason = 'too few points: the USL fit needs at least 3 points with N > 1 (got 2 of 3)';
  const group = { messageBytes: 100, partitions: 1, acks: null, compression: null, lingerMs: null };
  const usl = { fits: [], notFitted: [1, 4, 1, 4].map((partitions) => ({ group: { ...group, partitions }, reason })) };
  const text = formatSweepReport({ ...base, models: { ...base.models, usl } });
  const line = text.split('\n').find((l) => l.startsWith('USL: not fitted'));
  assert.equal(line, `USL: not fitted (${reason})`);
});
