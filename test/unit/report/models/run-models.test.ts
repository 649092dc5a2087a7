import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inFlightAtIntervalEnds, LITTLES_LAW_MIN_SAMPLES } from '../../../../src/report/models/phase-littles-law.js';
import { buildRunModels } from '../../../../src/report/models/run-models.js';
import type { PhaseModels, RampKnee } from '../../../../src/report/models/types.js';
import { interval, phaseResult, rampPhase, runResult, steadyPhase } from '../../../helpers/result-fixture.js';

function only(phases: PhaseModels[], name: string): PhaseModels {
  const found = phases.find((p) => p.phase === name);
  assert.ok(found, `no phase ${name}`);
  return found;
}

function kneeOf(models: PhaseModels): RampKnee {
  assert.ok(models.knee !== null, `${models.phase} has no knee entry`);
  return models.knee;
}

// 1,000 -> 10,000 msg/s over 10 s: interval targets 1,450, 2,350, ..., 9,550 msg/s.
const climbing = [1000, 1100, 950, 1000, 1050, 1000, 4000, 6000, 9000, 14_000];

test('a ramp whose p99 climbs for good has its knee at the first interval of the climb', () => {
  const knee = kneeOf(only(buildRunModels(runResult([rampPhase(climbing)])).phases, 'ramp'));
  assert.ok(knee.computed && knee.knee !== null, JSON.stringify(knee));
  assert.equal(knee.knee.offeredRateMsgsPerSec, 1000 + 900 * 6.5);
  assert.equal(knee.points, 10);
  assert.ok(knee.floorP99Us >= 950 && knee.floorP99Us <= 1100, `floor ${knee.floorP99Us}`);
  assert.match(knee.evidence, /stays above for the rest of the ramp/);
});

test('a flat ramp has no knee, and says it never left the floor', () => {
  const knee = kneeOf(
    only(buildRunModels(runResult([rampPhase(climbing.slice(0, 6).concat([1000, 1100, 1000, 900]))])).phases, 'ramp'),
  );
  assert.ok(knee.computed && knee.knee === null, JSON.stringify(knee));
  assert.match(knee.reason, /the ramp never left the floor/);
});

test('a ramp with too few intervals has no knee, and says so plainly', () => {
  const knee = kneeOf(only(buildRunModels(runResult([rampPhase([1000, 9000], 1000, 2000)])).phases, 'ramp'));
  assert.equal(knee.computed, false);
  assert.ok(!knee.computed);
  assert.equal(knee.points, 2);
  assert.match(
    knee.reason,
    /^too few intervals: 2 of the ramp's 2 have a target rate and acks; a knee needs at least 3/,
  );
});

test('intervals without acks and the drain after the ramp ends are not knee points', () => {
  const ramp = rampPhase(climbing.slice(0, 6).concat([1000, 1100, 1000, 900]));
  ramp.intervals[3] = { ...ramp.intervals[3]!, ackedPerSec: 0, publishP99Us: 0 };
  // Late acks after the end: the schedule's rate is still "10,000" there, the p99 is the queue emptying.
  ramp.intervals.push(interval(11, { sentPerSec: 0, ackedPerSec: 400, targetPerSec: 10_000, publishP99Us: 250_000 }));
  const knee = kneeOf(only(buildRunModels(runResult([ramp])).phases, 'ramp'));
  assert.equal(knee.points, 9);
  assert.ok(knee.computed && knee.knee === null, JSON.stringify(knee));
});

test('only ramp phases get a knee entry', () => {
  const models = buildRunModels(runResult([steadyPhase(5000, Array(6).fill(30), 6000), rampPhase(climbing)]));
  assert.deepEqual(
    models.phases.map((p) => [p.phase, p.type, p.knee === null]),
    [
      ['steady', 'constant', true],
      ['ramp', 'ramp', false],
    ],
  );
});

test("Little's law holds when the mean in flight is throughput × mean service latency", () => {
  const steady = steadyPhase(5000, [28, 31, 30, 29, 32, 30, 30, 29, 31, 30], 6000);
  const law = only(buildRunModels(runResult([steady])).phases, 'steady').littlesLaw;
  assert.ok(law.checked, JSON.stringify(law));
  assert.equal(law.samples, 10);
  assert.equal(law.measuredInFlight, 30);
  assert.ok(Math.abs(law.expectedInFlight - 5000 * (steady.serviceLatencyUs.mean / 1e6)) < 1e-9);
  assert.equal(law.consistent, true);
  assert.match(law.evidence, /measured mean 30\.0, gap \d\.\d%, consistent \(within 20%\)$/);
});

test("Little's law fails when ten times more are in flight than throughput × latency explains", () => {
  const law = only(
    buildRunModels(runResult([steadyPhase(5000, Array(8).fill(300), 6000)])).phases,
    'steady',
  ).littlesLaw;
  assert.ok(law.checked && !law.consistent, JSON.stringify(law));
  assert.match(law.evidence, /inconsistent \(over 20%\): more in flight than λ·W explains/);
});

test('the in-flight count runs across phases, so acks of the previous phase do not make it negative', () => {
  const first = steadyPhase(1000, [50, 50, 50, 50, 50], 50_000, { name: 'first' });
  // All 50 left over from `first` are acked in the second's first interval.
  const second = steadyPhase(1000, [0, 0, 0, 0, 0], 1000, { name: 'second' });
  second.intervals[0] = { ...second.intervals[0]!, ackedPerSec: 1050 };
  assert.deepEqual(inFlightAtIntervalEnds([first, second]), [
    [50, 50, 50, 50, 50],
    [0, 0, 0, 0, 0],
  ]);
});

test('the drain after the last phase is not an in-flight snapshot of it', () => {
  const last = steadyPhase(1000, [20, 20, 20, 20, 20], 20_000);
  last.intervals.push(interval(6, { sentPerSec: 0, ackedPerSec: 20, targetPerSec: 1000 }));
  assert.deepEqual(inFlightAtIntervalEnds([last]), [[20, 20, 20, 20, 20]]);
});

test("Little's law is not checked after a failed delivery, whose time the series does not keep", () => {
  const failing = steadyPhase(1000, [20, 20, 20, 20, 20], 20_000, {
    name: 'failing',
    failed: { ERR__MSG_TIMED_OUT: 3 },
  });
  const later = steadyPhase(1000, [20, 20, 20, 20, 20], 20_000, { name: 'later' });
  const models = buildRunModels(runResult([failing, later]));
  for (const name of ['failing', 'later']) {
    const law = only(models.phases, name).littlesLaw;
    assert.ok(
      !law.checked && /^3 deliveries failed up to this phase/.test(law.reason),
      `${name}: ${JSON.stringify(law)}`,
    );
  }
});

test("Little's law is not checked on too few snapshots or without acks", () => {
  const short = steadyPhase(1000, Array(LITTLES_LAW_MIN_SAMPLES - 2).fill(20), 20_000, {
    name: 'warm',
    type: 'warmup',
    recorded: false,
  });
  const silent = phaseResult({ name: 'silent', acked: 0, achievedRate: 0, intervals: [] });
  const models = buildRunModels(runResult([short, silent]));
  const warm = only(models.phases, 'warm').littlesLaw;
  assert.ok(
    !warm.checked && warm.reason.startsWith(`only ${LITTLES_LAW_MIN_SAMPLES - 2} interval snapshot(s)`),
    JSON.stringify(warm),
  );
  const none = only(models.phases, 'silent').littlesLaw;
  assert.ok(!none.checked && /no acknowledged messages/.test(none.reason), JSON.stringify(none));
});
