import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPhaseResults, phaseDurations } from '../../../src/coordinator/build-result.js';
import { IntervalSeries } from '../../../src/metrics/interval-series.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';
import { build, inputs, phases, scenario } from './worker-results-fixture.js';

test('phaseDurations gives the planned durations when the run was not stopped', () => {
  assert.deepEqual(phaseDurations(scenario, null), [2, 10, 10]);
});

for (const { stoppedAfterSec, expected } of [
  { stoppedAfterSec: 14.5, expected: [2, 10, 2.5] },
  { stoppedAfterSec: 1, expected: [1, 0, 0] },
  { stoppedAfterSec: 0, expected: [0, 0, 0] },
  { stoppedAfterSec: 12, expected: [2, 10, 0] },
  { stoppedAfterSec: 100, expected: [2, 10, 10] },
]) {
  test(`phaseDurations of a run stopped ${stoppedAfterSec} s in is ${expected.join(' + ')}`, () => {
    assert.deepEqual(phaseDurations(scenario, stoppedAfterSec), expected);
  });
}

test('phaseDurations of a run stopped 12.5 s into two 10 s phases is 10 + 2.5', () => {
  const two = scenarioWith({
    phases: [
      { name: 'a', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 1 },
      { name: 'b', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 1 },
    ],
  });
  assert.deepEqual(phaseDurations(two, 12.5), [10, 2.5]);
});

test('phase results add up the counters of every worker', () => {
  const steady = build()[1]!;
  assert.equal(steady.acked, 4500);
  assert.equal(steady.sent, 4500 + 7);
  assert.equal(steady.bytes, 450_000);
  assert.equal(steady.queueFullWaits, 2);
  assert.equal(steady.consumed, 4500);
  assert.equal(steady.consumedBytes, 450_000);
});

test('phase results merge the failed error codes of every worker', () => {
  const results = build();
  assert.deepEqual(results[1]!.failed, { ERR__MSG_TIMED_OUT: 3, ERR_NOT_LEADER_FOR_PARTITION: 4 });
  assert.deepEqual(results[2]!.failed, {});
});

test('phase results merge histograms: the latency count equals the summed count of every worker', () => {
  const steady = build()[1]!;
  assert.equal(steady.publishLatencyUs.count, 3000 + 1500);
  assert.equal(steady.endToEndLatencyUs.count, 4000 + 500);
  // 3000 values at 1 ms and 1500 at 5 ms: the median is the first, the max the second.
  assert.ok(Math.abs(steady.publishLatencyUs.p50 - 1000) <= 1);
  assert.ok(Math.abs(steady.publishLatencyUs.max - 5000) <= 5);
});

test('phase results keep per-worker counts so imbalance shows', () => {
  const flatOut = build()[2]!;
  assert.deepEqual(flatOut.producerWorkers, [
    { workerId: 0, sent: 7000, acked: 7000 },
    { workerId: 1, sent: 5000, acked: 5000 },
  ]);
  assert.deepEqual(flatOut.consumerWorkers, [
    { workerId: 2, consumed: 9000 },
    { workerId: 3, consumed: 3000 },
  ]);
});

test('achieved rate is acked messages over the seconds the phase actually ran', () => {
  const results = build([2, 10, 4]);
  assert.equal(results[1]!.achievedRate, 450);
  assert.equal(results[2]!.achievedRate, 12_000 / 4);
  assert.equal(results[2]!.durationSec, 4);
});

test('a phase that never ran has an achieved rate of 0, not NaN or Infinity', () => {
  assert.equal(build([2, 10, 0])[2]!.achievedRate, 0);
});

test('a missing duration falls back to the planned duration', () => {
  const results = buildPhaseResults(inputs({ durationsSec: [] }));
  assert.deepEqual(
    results.map((r) => r.durationSec),
    [2, 10, 10],
  );
});

test('target rate is the scenario rate for paced phases and null for max phases', () => {
  assert.deepEqual(
    build().map((r) => r.targetRate),
    [null, 500, null],
  );
});

test('warmup results are marked not recorded', () => {
  assert.deepEqual(
    build().map((r) => [r.name, r.type, r.recorded]),
    [
      ['warmup', 'warmup', false],
      ['steady', 'constant', true],
      ['flat-out', 'max', true],
    ],
  );
});

test('a producer-only run reports zero consumption and an empty end-to-end histogram', () => {
  const [, steady] = buildPhaseResults(inputs({ consumers: [] }));
  assert.equal(steady!.consumed, 0);
  assert.equal(steady!.endToEndLatencyUs.count, 0);
  assert.equal(steady!.endToEndLatencyUs.max, 0);
  assert.deepEqual(steady!.consumerWorkers, []);
});

test('each phase takes its intervals from its own series', () => {
  const series = phases.map(() => new IntervalSeries(1000));
  series[1]!.add({
    index: 0,
    sent: 10,
    acked: 8,
    consumed: 0,
    ackedBytes: 800,
    publishHistogram: null,
    scheduleDelayHistogram: null,
  });
  const results = buildPhaseResults(inputs({ series }));
  assert.deepEqual(results[0]!.intervals, []);
  assert.equal(results[1]!.intervals.length, 1);
  assert.equal(results[1]!.intervals[0]!.ackedPerSec, 8);
});

test('phase results merge the service and schedule delay histograms of every worker', () => {
  const steady = build()[1]!;
  assert.equal(steady.serviceLatencyUs.count, 3000 + 1500);
  assert.ok(Math.abs(steady.serviceLatencyUs.max - 2500) <= 2, `service max ${steady.serviceLatencyUs.max}`);
  assert.equal(steady.scheduleDelayUs.count, 3002 + 1505);
  assert.equal(steady.scheduleDelayUs.p99, 100);
});
