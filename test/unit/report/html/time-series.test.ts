import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IntervalStats } from '../../../../src/result/result-types.js';
import { phaseTimeSeries } from '../../../../src/report/html/time-series.js';
import { interval as fixtureInterval, phaseResult } from '../../../helpers/result-fixture.js';

/** One second of a 5,000 msg/s phase with consumers. */
function interval(elapsedSec: number, overrides: Partial<IntervalStats> = {}): IntervalStats {
  return fixtureInterval(elapsedSec, {
    sentPerSec: 5000,
    ackedPerSec: 4990,
    consumedPerSec: 4980,
    ackedMBPerSec: 0.5,
    publishP50Us: 1500,
    publishP99Us: 4200,
    publishMaxUs: 12_000,
    scheduleDelayP99Us: 80,
    targetPerSec: 5000,
    consumerLag: 120,
    ...overrides,
  });
}

test('interval stats become chart columns in msg/s and ms, sorted by time', () => {
  const ts = phaseTimeSeries(phaseResult({ intervals: [interval(2, { publishP99Us: 9000 }), interval(1)] }));
  assert.deepEqual(ts.elapsedSec, [1, 2]);
  assert.deepEqual(ts.sentPerSec, [5000, 5000]);
  assert.deepEqual(ts.ackedPerSec, [4990, 4990]);
  assert.deepEqual(ts.consumedPerSec, [4980, 4980]);
  assert.deepEqual(ts.targetPerSec, [5000, 5000]);
  assert.deepEqual(ts.publishP50Ms, [1.5, 1.5]);
  assert.deepEqual(ts.publishP99Ms, [4.2, 9]);
  assert.deepEqual(ts.publishMaxMs, [12, 12]);
  assert.deepEqual(ts.scheduleDelayP99Ms, [0.08, 0.08]);
  assert.deepEqual(ts.consumerLag, [120, 120]);
});

test('an unpaced phase has no target and no schedule delay column', () => {
  const ts = phaseTimeSeries(
    phaseResult({
      type: 'max',
      targetRate: null,
      intervals: [interval(1, { targetPerSec: null, scheduleDelayP99Us: 0 })],
    }),
  );
  assert.equal(ts.targetPerSec, null);
  assert.equal(ts.scheduleDelayP99Ms, null);
});

test('a phase without consumers has no consumed or lag column', () => {
  const ts = phaseTimeSeries(
    phaseResult({
      consumed: 0,
      consumerWorkers: [],
      integrity: null,
      endToEndClock: null,
      intervals: [interval(1, { consumedPerSec: 0, consumerLag: null })],
    }),
  );
  assert.equal(ts.consumedPerSec, null);
  assert.equal(ts.consumerLag, null);
  assert.deepEqual(ts.sentPerSec, [5000]);
});

test('a phase without intervals gives empty columns', () => {
  const ts = phaseTimeSeries(phaseResult({ intervals: [] }));
  assert.deepEqual(ts.elapsedSec, []);
  assert.deepEqual(ts.publishP99Ms, []);
  assert.equal(ts.targetPerSec, null);
  assert.equal(ts.consumerLag, null);
});
