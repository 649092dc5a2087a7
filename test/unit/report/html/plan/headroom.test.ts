import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planCapacity } from '../../../../../src/plan/plan-capacity.js';
import { headroomFigures } from '../../../../../src/report/html/plan/headroom.js';
import { referenceLines } from '../../../../../src/report/html/plan/reference-lines.js';
import type { Row } from '../../../sweep/fabricated-points.js';
import { latencyGridRows, sweepOf } from '../../../plan/sweep-fixture.js';

/** N = 1..8 at 100 B, K = 2: msg/s grows with N, p99 flat at 10 ms, then 60 ms from N = 6 on (a knee). */
function kneeRows(): Row[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((producers) => ({
    producers,
    messageBytes: 100,
    partitions: 2,
    throughput: 5000 * producers ** 0.9,
    p50Us: producers < 6 ? 4000 : 30_000,
    p99Us: producers < 6 ? 10_000 : 60_000,
  }));
}

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b)), `${a} ≈ ${b}`);

test('the headroom figures are the plan’s capacity, per-partition load, p99 and knee, set against the target', () => {
  const sweep = sweepOf(kneeRows());
  const outcome = planCapacity(sweep, { target: { value: 15_000, unit: 'msg/s' }, p99Us: 20_000 });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.refusal.reasons.join('\n'));
  const { plan } = outcome;
  const f = headroomFigures(sweep, outcome);

  assert.equal(f.targetMsgsPerSec, 15_000);
  assert.equal(f.p99LimitUs, 20_000);
  assert.deepEqual(f.capacity, { msgsPerSec: plan.headroom.capacityMsgsPerSec, spareFraction: plan.headroom.value });
  const basis = plan.basis;
  assert.equal(f.perPartition?.partitions, plan.partitions.value);
  close(f.perPartition!.loadMsgsPerSec, 15_000 / plan.partitions.value!);
  close(f.perPartition!.producerMsgsPerSec, basis.throughputMsgsPerSec / basis.partitions);
  close(f.perPartition!.consumerMsgsPerSec!, basis.consumedPerGroupMsgsPerSec! / basis.partitions);
  assert.ok(f.perPartition!.ratio >= 1, 'the basis partition carried at least the planned load');
  assert.equal(f.latency?.expectedP99Us, plan.expectedP99Us.value);
  close(f.latency!.limitRatio, 20_000 / plan.expectedP99Us.value!);

  assert.ok(!('reason' in f.knee), 'the fixture has a knee');
  const sixth = sweep.points[5]!.measurement!;
  assert.equal(f.knee.throughputMsgsPerSec, sixth.throughputMsgsPerSec, 'the knee is where p99 leaves its floor');
  close(f.knee.targetShare!, 15_000 / sixth.throughputMsgsPerSec);
});

test('a refusal has only the asked side: target, p99 limit and the knee or why there is none', () => {
  const sweep = sweepOf(latencyGridRows());
  const outcome = planCapacity(sweep, { target: { value: 1e6, unit: 'msg/s' }, p99Us: 1000 });
  assert.ok(!outcome.ok);
  const f = headroomFigures(sweep, outcome);
  assert.equal(f.targetMsgsPerSec, 1e6);
  assert.equal(f.p99LimitUs, 1000);
  assert.equal(f.capacity, null);
  assert.equal(f.perPartition, null);
  assert.equal(f.latency, null);
  assert.ok('reason' in f.knee);
  assert.match(f.knee.reason, /never stayed there/);

  const lines = referenceLines(f, outcome);
  assert.deepEqual(
    lines.map((l) => [l.quantity, l.value]),
    [
      ['throughputMsgsPerSec', 1e6],
      ['publishLatencyMs', 1],
    ],
  );
});

test('a plan draws target and capacity on throughput axes, the limit on latency, load per partition, N, K, R', () => {
  const sweep = sweepOf(kneeRows());
  const outcome = planCapacity(sweep, { target: { value: 15_000, unit: 'msg/s' }, p99Us: 20_000 });
  assert.ok(outcome.ok);
  const f = headroomFigures(sweep, outcome);
  const lines = referenceLines(f, outcome);
  const on = (quantity: string) => lines.filter((l) => l.quantity === quantity).map((l) => l.value);
  assert.deepEqual(on('throughputMsgsPerSec'), [15_000, outcome.plan.headroom.capacityMsgsPerSec]);
  assert.deepEqual(on('publishLatencyMs'), [20]);
  assert.deepEqual(on('perPartitionMsgsPerSec'), [f.perPartition!.loadMsgsPerSec]);
  assert.deepEqual(on('producers'), [outcome.plan.producers.value]);
  assert.deepEqual(on('partitions'), [outcome.plan.partitions.value]);
  assert.deepEqual(on('recordBytes'), [100]);
});
