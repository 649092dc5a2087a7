import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLatencyHistogram, encodeHistogram, recordUs } from '../../../src/metrics/histogram.js';
import { IntervalSeries } from '../../../src/metrics/interval-series.js';
import type { IntervalDelta } from '../../../src/metrics/interval-types.js';

function encoded(...valuesUs: number[]): string {
  const h = createLatencyHistogram();
  for (const v of valuesUs) recordUs(h, v);
  return encodeHistogram(h);
}

function delta(index: number, overrides: Partial<IntervalDelta> = {}): IntervalDelta {
  return {
    index,
    sent: 0,
    acked: 0,
    consumed: 0,
    ackedBytes: 0,
    publishHistogram: null,
    scheduleDelayHistogram: null,
    ...overrides,
  };
}

test('deltas from two workers in the same interval are folded into one entry', () => {
  const series = new IntervalSeries(1000);
  series.add(
    delta(0, {
      sent: 100,
      acked: 90,
      consumed: 80,
      ackedBytes: 500_000,
      publishHistogram: encoded(100, 200),
      scheduleDelayHistogram: encoded(30),
    }),
  );
  series.add(
    delta(0, {
      sent: 50,
      acked: 60,
      consumed: 70,
      ackedBytes: 250_000,
      publishHistogram: encoded(1000),
      scheduleDelayHistogram: encoded(1500),
    }),
  );
  const [first, ...rest] = series.toArray();
  assert.equal(rest.length, 0);
  assert.deepEqual(first, {
    elapsedSec: 1,
    sentPerSec: 150,
    ackedPerSec: 150,
    consumedPerSec: 150,
    ackedMBPerSec: 0.75,
    publishP50Us: 200,
    publishP99Us: 1000,
    publishMaxUs: 1000,
    scheduleDelayP99Us: 1500,
    targetPerSec: null,
    consumerLag: null,
  });
});

test('intervals come out ordered by index whatever order they arrive in', () => {
  const series = new IntervalSeries(1000);
  series.add(delta(2, { sent: 3 }));
  series.add(delta(0, { sent: 1 }));
  series.add(delta(1, { sent: 2 }));
  const result = series.toArray();
  assert.deepEqual(
    result.map((s) => s.elapsedSec),
    [1, 2, 3],
  );
  assert.deepEqual(
    result.map((s) => s.sentPerSec),
    [1, 2, 3],
  );
});

test('an interval nobody reported shows as zero instead of being skipped', () => {
  const series = new IntervalSeries(1000);
  series.add(delta(0, { sent: 10, publishHistogram: encoded(5) }));
  series.add(delta(2, { sent: 10 }));
  const middle = series.toArray()[1];
  assert.deepEqual(middle, {
    elapsedSec: 2,
    sentPerSec: 0,
    ackedPerSec: 0,
    consumedPerSec: 0,
    ackedMBPerSec: 0,
    publishP50Us: 0,
    publishP99Us: 0,
    publishMaxUs: 0,
    scheduleDelayP99Us: 0,
    targetPerSec: null,
    consumerLag: null,
  });
});

test('rates are per second when the interval is not one second', () => {
  const series = new IntervalSeries(500);
  series.add(delta(0, { acked: 100, ackedBytes: 1_000_000 }));
  series.add(delta(1, { acked: 100 }));
  const result = series.toArray();
  assert.deepEqual(
    result.map((s) => s.elapsedSec),
    [0.5, 1],
  );
  assert.equal(result[0]?.ackedPerSec, 200);
  assert.equal(result[0]?.ackedMBPerSec, 2);
});

test('an empty series has no intervals', () => {
  assert.deepEqual(new IntervalSeries(1000).toArray(), []);
});

test('a negative or fractional interval index is rejected', () => {
  const series = new IntervalSeries(1000);
  assert.throws(() => series.add(delta(-1)), RangeError);
  assert.throws(() => series.add(delta(1.5)), RangeError);
});

test('latency-only deltas past the last counted interval add histograms, not silent seconds', () => {
  const series = new IntervalSeries(1000);
  series.add(delta(0, { sent: 10, acked: 10, publishHistogram: encoded(100), serviceHistogram: encoded(90) }));
  series.add(delta(2, { publishHistogram: encoded(700_000), endToEndHistogram: encoded(800_000) }));
  assert.equal(series.toArray().length, 1);
  const h = series.histograms();
  assert.equal(h.intervalSec, 1);
  assert.deepEqual(
    h.publish.map((e) => (e === null ? null : 'h')),
    ['h', null, 'h'],
  );
  assert.deepEqual(
    h.endToEnd.map((e) => e !== null),
    [false, false, true],
  );
  assert.equal(h.service[0], encoded(90));
  // A segment's deltas carry every kind, so a merge keeps them.
  const again = new IntervalSeries(1000);
  for (const d of series.toDeltas()) again.add(d);
  assert.deepEqual(again.histograms(), h);
});
