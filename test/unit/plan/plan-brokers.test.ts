import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planCapacity } from '../../../src/plan/plan-capacity.js';
import type { SweepResult } from '../../../src/sweep/sweep-result-types.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';
import type { Row } from '../sweep/fabricated-points.js';
import { sweepOf } from './sweep-fixture.js';
import { planned, refused } from './plan-outcome.js';

const p99Us = 50_000;

/** N = 1, 2, 4 on each cluster size, T = 10,000 · N^0.9 · B^0.8 with a ±1% wobble; R and K held. */
function brokerRows(sizes: readonly number[]): Row[] {
  return sizes.flatMap((brokers) =>
    [1, 2, 4].map((producers, j) => ({
      producers,
      messageBytes: 100,
      partitions: 2,
      brokers,
      throughput: Math.round(10_000 * producers ** 0.9 * brokers ** 0.8 * (1 + 0.01 * Math.sin(brokers * 5 + j))),
      p99Us: 20_000,
    })),
  );
}

/** The sweep as kload writes it for sweep.brokers, its scenario's topic asking for `replicationFactor`. */
function brokerSweep(sizes: readonly number[], replicationFactor: number): SweepResult {
  const sweep = sweepOf(brokerRows(sizes), { perPointBrokerCounts: [...sizes], brokerCount: Math.max(...sizes) });
  const scenario = scenarioWith({ topics: [{ name: 't', partitions: 2, replicationFactor, configs: {} }] });
  return { ...sweep, scenario };
}

const throughputOf = (sweep: SweepResult, index: number) => sweep.points[index]!.measurement!.throughputMsgsPerSec;

test('the smallest cluster that carried the target is the basis, and brokers come from its per-broker rate', () => {
  const sweep = brokerSweep([1, 3], 1);
  const target = 30_000;
  const plan = planned(planCapacity(sweep, { target: { value: target, unit: 'msg/s' }, p99Us }));
  // #2 is N=4 on 1 broker, the only 1-broker point above 30,000 msg/s.
  assert.ok(throughputOf(sweep, 2) >= target && throughputOf(sweep, 1) < target);
  assert.deepEqual(plan.basis.pointIndices, [2]);
  assert.equal(plan.brokers.value, 1);
  assert.equal(plan.brokers.perBrokerMsgsPerSec, throughputOf(sweep, 2));
  assert.deepEqual(plan.brokers.points, [2]);
  assert.match(
    plan.brokers.evidence,
    /^point #2 on 1 broker: [\d,]+ msg\/s, [\d,]+ msg\/s per broker, at least the target/,
  );
  assert.match(plan.fit.evidence, /, B=1$/);
  assert.match(plan.sweep.cluster, /^1 or 3 brokers, a fresh embedded-temporary cluster per point/);
});

test("points whose cluster was too small for the scenario's replication factor are not scaled from", () => {
  const sweep = brokerSweep([1, 3], 3);
  const target = 30_000;
  const plan = planned(planCapacity(sweep, { target: { value: target, unit: 'msg/s' }, p99Us }));
  assert.equal(plan.basis.brokers, 3, 'the 1-broker points ran with replication factor 1');
  assert.equal(plan.basis.replicationFactor, 3);
  const perBroker = plan.basis.throughputMsgsPerSec / 3;
  assert.equal(plan.brokers.value, Math.max(3, Math.ceil(target / perBroker)));
  assert.match(plan.brokers.evidence, /B=3|on 3 brokers/);
  assert.ok(plan.headroom.capacityMsgsPerSec <= plan.brokers.value! * perBroker + 1e-9);
});

test('brokers beyond the largest cluster are planned within 1.25× it, warning when T grew sublinearly', () => {
  const sweep = brokerSweep([1, 4], 1);
  // #5 is N=4 on 4 brokers, the fastest point; 1.2× it needs 5 brokers at its per-broker rate.
  const fastest = throughputOf(sweep, 5);
  const target = Math.round(fastest * 1.2);
  const plan = planned(planCapacity(sweep, { target: { value: target, unit: 'msg/s' }, p99Us }));
  assert.deepEqual(plan.basis.pointIndices, [5]);
  assert.equal(plan.brokers.value, Math.ceil(target / (fastest / 4)));
  assert.equal(plan.brokers.value, 5);
  assert.match(plan.brokers.evidence, /^⌈[\d,]+ \/ [\d,]+ msg\/s per broker⌉ = 5, from point #5 on 4 brokers/);
  assert.match(plan.brokers.evidence, /the largest cluster measured had 4$/);
  assert.ok(plan.warnings.some((w) => /T ∝ B\^0\.\d\d: throughput grew less than linearly with brokers/.test(w)));
});

test('a plan needing more than 1.25× the largest measured cluster is refused, with the numbers', () => {
  const sweep = brokerSweep([1, 3], 3);
  // #5 (N=4, 3 brokers) is the fastest: 1.2× it is within the throughput range but needs 4 brokers > 3.75.
  const target = Math.round(throughputOf(sweep, 5) * 1.2);
  const refusal = refused(planCapacity(sweep, { target: { value: target, unit: 'msg/s' }, p99Us }));
  assert.deepEqual(
    refusal.reasons.map((r) => r.replace(/\(.*per broker.*?\), /, '(…), ')),
    [
      'the plan needs 4 brokers (…), beyond 1.25× the largest cluster measured, 3 brokers (at most 3.75): ' +
        'per-broker throughput at that size was not measured; sweep larger clusters, or lower the target',
    ],
  );
  assert.match(refusal.reasons[0]!, /⌈[\d,]+ \/ [\d,]+ msg\/s per broker⌉ = 4, from point #5 on 3 brokers/);
  // The extrapolation factor that bounds the throughput bounds the brokers too.
  assert.ok(planCapacity(sweep, { target: { value: target, unit: 'msg/s' }, p99Us, extrapolationFactor: 1.4 }).ok);
});

test("a sweep on one cluster keeps its brokers number: the cluster's size, with no per-broker rate", () => {
  const rows = brokerRows([1]).map(({ brokers: _b, ...row }) => row);
  const plan = planned(planCapacity(sweepOf(rows), { target: { value: 15_000, unit: 'msg/s' }, p99Us }));
  assert.equal(plan.brokers.value, 1);
  assert.equal('perBrokerMsgsPerSec' in plan.brokers, false);
  assert.match(plan.brokers.evidence, /^every point ran on 1 broker/);
});
