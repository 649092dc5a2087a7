import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describePointLoad, measurePoint } from '../../../src/sweep/measure-point.js';
import type { ConsumerSpec, Scenario } from '../../../src/scenario/types.js';
import { latencies, phaseResult, runResult } from '../../helpers/result-fixture.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

/** A point's scenario: an unpaced warmup, then 4 s flat out with 500 in flight per producer. */
function pointScenario(consumers: Partial<ConsumerSpec> | null): Scenario {
  return scenarioWith({
    consumers,
    phases: [
      { name: 'warmup', type: 'warmup', durationMs: 2000, rateMsgsPerSec: null },
      { name: 'max', type: 'max', durationMs: 4000, maxInFlight: 500 },
    ],
  });
}

test('a point is measured on its last recorded phase; stored messages count every phase', () => {
  const result = runResult([
    phaseResult({ name: 'warmup', type: 'warmup', recorded: false, acked: 3000 }),
    phaseResult({
      name: 'max',
      type: 'max',
      durationSec: 4,
      achievedRate: 20_000,
      acked: 80_000,
      bytes: 8_000_000,
      consumed: 160_000,
      publishLatencyUs: latencies(1000, 2000, 9000),
    }),
  ]);
  const scenario = pointScenario({ groups: ['a', 'b'], membersPerGroup: 2 });
  const m = measurePoint(result, scenario)!;
  assert.equal(m.phase, 'max');
  assert.equal(m.throughputMsgsPerSec, 20_000);
  assert.equal(m.throughputMBPerSec, 2);
  assert.equal(m.consumedMsgsPerSec, 20_000, 'per group: 160,000 over 2 groups in 4 s');
  assert.deepEqual([m.consumerGroups, m.consumerMembersPerGroup], [2, 2]);
  assert.equal(m.maxInFlightPerProducer, 500);
  assert.equal(m.messagesAcked, 83_000);
  assert.ok(m.publishP50Us > 0 && m.publishP99Us >= m.publishP50Us);
});

test('without consumers the consumer numbers are null; without a recorded phase there is nothing to measure', () => {
  const result = runResult([phaseResult({ name: 'max', type: 'max' })]);
  const m = measurePoint(result, pointScenario(null))!;
  assert.equal(m.consumedMsgsPerSec, null);
  assert.equal(m.consumerMembersPerGroup, null);
  assert.equal(
    measurePoint(runResult([phaseResult({ name: 'warmup', type: 'warmup', recorded: false })]), pointScenario(null)),
    null,
  );
});

test('what a point runs is described in words for the sweep result', () => {
  assert.equal(
    describePointLoad(pointScenario(null).phases),
    'warmup 2 s (not recorded, unpaced), then max 4 s with 500 in flight per producer',
  );
});
