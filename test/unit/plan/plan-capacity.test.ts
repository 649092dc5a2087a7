import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planCapacity } from '../../../src/plan/plan-capacity.js';
import { lawRows, sweepOf } from './sweep-fixture.js';
import { planned, refused } from './plan-outcome.js';

// lawRows(), R = 1000 bytes: #2 N1 K1 9,825 msg/s p99 15 ms; #3 N1 K4 11,647 p99 15 ms;
// #6 N2 K1 19,058 p99 30 ms; #7 N2 K4 21,322 p99 30 ms. R = 100: #4 N2 K1 37,488 p99 20 ms.
const ms = (n: number) => n * 1000;

test(
  'the cheapest measured configuration that sustained the target within p99 is the basis; ' +
    'its rates give the numbers',
  () => {
    const plan = planned(planCapacity(sweepOf(lawRows()), { target: { value: 10_000, unit: 'msg/s' }, p99Us: ms(50) }));
    assert.deepEqual(plan.basis.pointIndices, [6], 'N=2, K=1: fewest partitions among #3, #6, #7');
    assert.equal(plan.request.messageBytes, 1000);
    assert.match(plan.request.messageBytesChoice, /the largest of 100, 1000 bytes/);
    assert.equal(plan.partitions.value, 1, '⌈10,000 / (19,058 / 1)⌉');
    assert.equal(plan.producers.value, 2, '⌈10,000 / (19,058 / 2)⌉');
    assert.equal(plan.consumers.value, 1, '⌈10,000 / 19,058 per consumer⌉');
    assert.equal(plan.brokers.value, 1);
    assert.equal(plan.expectedP99Us.value, ms(30));
    assert.equal(plan.headroom.capacityMsgsPerSec, 19_058);
    assert.ok(Math.abs(plan.headroom.value! - (19_058 / 10_000 - 1)) < 1e-12);
    assert.deepEqual(plan.partitions.points, [6]);
    assert.match(plan.partitions.evidence, /point #6 \(N=2, K=1, R=1000 B: 19,058 msg\/s, p99 30\.0 ms\)/);
    assert.match(plan.consumers.evidence, /lower bound .* kept up/);
    assert.ok(plan.fit.rSquared > 0.9);
    assert.deepEqual(plan.warnings, []);
  },
);

test('a target in MB/s is converted with the record size (MB = 10^6 bytes)', () => {
  const plan = planned(planCapacity(sweepOf(lawRows()), { target: { value: 10, unit: 'MB/s' }, p99Us: ms(50) }));
  assert.equal(plan.request.targetMsgsPerSec, 10_000);
  assert.equal(plan.request.targetMBPerSec, 10);
  assert.deepEqual(plan.basis.pointIndices, [6]);
});

test('--message-bytes plans for another measured size', () => {
  const plan = planned(
    planCapacity(sweepOf(lawRows()), { target: { value: 30_000, unit: 'msg/s' }, p99Us: ms(50), messageBytes: 100 }),
  );
  assert.deepEqual(plan.basis.pointIndices, [4]);
  assert.equal(plan.request.messageBytesChoice, 'given with --message-bytes');
  assert.equal(plan.partitions.value, 1);
  assert.equal(plan.producers.value, 2, '⌈30,000 / 18,744⌉');
});

test('a target a little above every point within p99 is extrapolated from the fastest one, with a warning', () => {
  const plan = planned(planCapacity(sweepOf(lawRows()), { target: { value: 12_000, unit: 'msg/s' }, p99Us: ms(25) }));
  assert.deepEqual(plan.basis.pointIndices, [3], 'N=1, K=4: the fastest of the points within 25 ms');
  assert.equal(plan.partitions.value, 5, '⌈12,000 / (11,647 / 4)⌉');
  assert.equal(plan.producers.value, 2);
  assert.equal(plan.consumers.value, 2);
  assert.ok(Math.abs(plan.headroom.capacityMsgsPerSec - 5 * (11_647 / 4)) < 1e-9);
  assert.ok(plan.warnings.some((w) => /extrapolates 1\.03× from point #3/.test(w)));
  assert.match(plan.expectedP99Us.evidence, /extrapolated, not measured at the target/);
  assert.match(plan.brokers.evidence, /within that/);
});

test('consumers slower than producers decide the partitions, and every needed consumer gets one', () => {
  const rows = lawRows({ members: 4 });
  const plan = planned(planCapacity(sweepOf(rows), { target: { value: 10_000, unit: 'msg/s' }, p99Us: ms(50) }));
  assert.equal(plan.consumers.value, 3, '⌈10,000 / (19,058 / 4)⌉');
  assert.equal(plan.partitions.value, 3);
  assert.match(plan.partitions.evidence, /raised to 3 so each of the 3 consumers gets a partition/);
});

test('without consumers in the sweep the consumer count is unknown, and says so', () => {
  const plan = planned(
    planCapacity(sweepOf(lawRows({ consumed: null })), { target: { value: 10_000, unit: 'msg/s' }, p99Us: ms(50) }),
  );
  assert.equal(plan.consumers.value, null);
  assert.match(plan.consumers.evidence, /not measured: the sweep ran no consumers/);
  assert.match(plan.partitions.evidence, /c is taken as p/);
});

test('refuses a target beyond the extrapolation factor, with the highest measured point and the limit', () => {
  const refusal = refused(
    planCapacity(sweepOf(lawRows()), { target: { value: 15_000, unit: 'msg/s' }, p99Us: ms(25) }),
  );
  assert.equal(refusal.reasons.length, 1);
  assert.match(
    refusal.reasons[0]!,
    new RegExp(
      String.raw`target 15,000 msg\/s is outside the measured range: ` +
        String.raw`the highest throughput measured within the p99 limit is 11,647 msg\/s ` +
        String.raw`\(point #3, N=1, K=4, R=1000 B\), and a plan may reach at most 1\.25× that \(14,559 msg\/s\), ` +
        String.raw`while the target is 1\.3× it`,
    ),
  );
});

test('refuses when the throughput fit explains less than R² = 0.8 of the points', () => {
  const scattered = lawRows().map((row, i) => ({
    ...row,
    throughput: [30_000, 9_000, 12_000, 31_000, 10_000, 29_000, 28_000, 11_000][i]!,
  }));
  const sweep = sweepOf(scattered);
  assert.ok(sweep.models.throughput.checked && sweep.models.throughput.fit.rSquared < 0.8);
  const refusal = refused(planCapacity(sweep, { target: { value: 5_000, unit: 'msg/s' }, p99Us: ms(50) }));
  assert.equal(refusal.reasons.length, 1);
  assert.match(
    refusal.reasons[0]!,
    /^the throughput fit T = c·N\^a·R\^b·K\^d has R² = 0\.\d\d < 0\.80: the points scatter too much/,
  );
});

test('refuses when the sweep has no throughput fit at all', () => {
  const refusal = refused(
    planCapacity(sweepOf(lawRows().slice(0, 3)), {
      target: { value: 5_000, unit: 'msg/s' },
      p99Us: ms(50),
      messageBytes: 100,
    }),
  );
  assert.match(
    refusal.reasons.join('\n'),
    /the sweep has no throughput fit to check the points against: .*too few points/,
  );
});

test('refuses when no point meets the p99 limit, naming the lowest p99 measured', () => {
  const refusal = refused(planCapacity(sweepOf(lawRows()), { target: { value: 5_000, unit: 'msg/s' }, p99Us: ms(5) }));
  assert.equal(refusal.reasons.length, 1);
  assert.match(
    refusal.reasons[0]!,
    new RegExp(
      String.raw`no measured point with 1000-byte messages meets p99 ≤ 5\.0 ms: ` +
        String.raw`the lowest measured p99 was 15\.0 ms \(point #2, N=1, K=1, R=1000 B\)`,
    ),
  );
});

test('refuses a record size the sweep did not measure', () => {
  const refusal = refused(
    planCapacity(sweepOf(lawRows()), { target: { value: 5_000, unit: 'msg/s' }, p99Us: ms(50), messageBytes: 500 }),
  );
  assert.deepEqual(refusal.reasons, [
    'no point measured 500-byte messages (measured: 100, 1000 bytes); ' +
      'plan for a measured size or sweep messageBytes over 500',
  ]);
  assert.equal(refusal.request.messageBytes, null);
});

test('a refusal lists every reason at once', () => {
  const refusal = refused(
    planCapacity(sweepOf(lawRows()), { target: { value: 1_000_000, unit: 'msg/s' }, p99Us: ms(1) }),
  );
  assert.equal(refusal.reasons.length, 2);
  assert.match(refusal.reasons[0]!, /meets p99/);
  assert.match(refusal.reasons[1]!, /outside the measured range: the highest throughput measured is 21,322 msg\/s/);
  assert.equal(refusal.kind, 'kload-plan-refusal');
});

test('points that failed are not planned from', () => {
  const rows = lawRows();
  rows[6] = { ...rows[6]!, status: 'failed' };
  const plan = planned(planCapacity(sweepOf(rows), { target: { value: 10_000, unit: 'msg/s' }, p99Us: ms(50) }));
  assert.deepEqual(plan.basis.pointIndices, [3], 'with #6 gone, #3 (K=4, N=1) is the cheapest that sustained 10,000');
});
