import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planCapacity } from '../../../../../src/plan/plan-capacity.js';
import type { CapacityPlan, PlanOutcome } from '../../../../../src/plan/plan-types.js';
import { evidencePoints, planRows } from '../../../../../src/report/html/plan/plan-rows.js';
import { pointMarks } from '../../../../../src/report/html/plan/point-marks.js';
import { latencyGridRows, sweepOf } from '../../../plan/sweep-fixture.js';

const sweep = sweepOf(latencyGridRows());

function plan(): CapacityPlan {
  const outcome = planCapacity(sweep, { target: { value: 15_000, unit: 'msg/s' }, p99Us: 50_000, messageBytes: 1000 });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.refusal.reasons.join('\n'));
  return outcome.plan;
}

/** Found by shape, not by name: whatever a plan gains that has a value, points and evidence. */
function planNumberFields(p: CapacityPlan): string[] {
  return Object.entries(p)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'value' in v && 'points' in v && 'evidence' in v)
    .map(([k]) => k);
}

test('the page has one row per planned number of the plan, each with its value, evidence and points', () => {
  const p = plan();
  const rows = planRows(p);
  assert.deepEqual(rows.map((r) => r.key).sort(), planNumberFields(p).sort());
  for (const row of rows) {
    assert.equal(row.number, p[row.key]);
    assert.ok(row.number.evidence.length > 0, row.key);
  }
  const partitions = rows.find((r) => r.key === 'partitions');
  assert.match(
    partitions?.shown ?? '',
    new RegExp(`^${p.partitions.value} \\(producers need ${p.partitions.byProducer}`),
  );
});

test('a number the sweep did not measure shows as "not measured", not as 0', () => {
  const p = plan();
  const noConsumers: CapacityPlan = {
    ...p,
    consumers: { value: null, points: [], evidence: 'not measured: no consumers' },
  };
  const row = planRows(noConsumers).find((r) => r.key === 'consumers');
  assert.equal(row?.shown, 'not measured');
});

test('the evidence points are every point a planned number rests on, each with the numbers resting on it', () => {
  const p = plan();
  const basis = p.basis.pointIndices;
  const every = planRows(p).map((r) => r.label);
  assert.deepEqual(
    [...evidencePoints(p).entries()],
    basis.map((i) => [i, every]),
  );

  // A number resting on other points (say a broker count from a broker sweep) adds them, in order.
  const wider: CapacityPlan = { ...p, brokers: { ...p.brokers, points: [13, 0] } };
  const points = evidencePoints(wider);
  assert.deepEqual(
    [...points.keys()],
    [0, ...basis, 13].sort((a, b) => a - b),
  );
  assert.deepEqual(points.get(13), ['Brokers']);
  assert.ok(!points.get(basis[0]!)?.includes('Brokers'));
});

test('a plan rings its evidence; a refusal the points at the asked record size, or none if R never varied', () => {
  const p = plan();
  const marks = pointMarks(sweep, { ok: true, plan: p });
  assert.equal(marks.label, 'plan evidence');
  assert.deepEqual([...marks.points], [...evidencePoints(p).keys()]);

  const refusal: PlanOutcome = planCapacity(sweep, { target: { value: 1e6, unit: 'msg/s' }, p99Us: 1000 });
  assert.ok(!refusal.ok);
  const atSize = sweep.points.filter((pt) => pt.parameters.messageBytes === 10_000).map((pt) => pt.parameters.index);
  const refused = pointMarks(sweep, refusal);
  assert.equal(refused.label, 'points at R = 10,000 B');
  assert.deepEqual([...refused.points], atSize);

  const oneSize = sweepOf(latencyGridRows().filter((r) => r.messageBytes === 1000));
  const single = planCapacity(oneSize, { target: { value: 1e6, unit: 'msg/s' }, p99Us: 1000 });
  assert.equal(pointMarks(oneSize, single).points.size, 0);
});
