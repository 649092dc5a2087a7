import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  mergeEncoded,
  recordUs,
  summarize,
} from '../../../src/metrics/histogram.js';
import { KloadError } from '../../../src/errors.js';

/** 3 significant digits: any reported value is within 0.1% of a recorded one. */
function assertWithinHdrPrecision(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) <= expected * 0.001 + 1, `${actual} is not within 0.1% of ${expected}`);
}

function uniform(fromUs: number, toUs: number) {
  const h = createLatencyHistogram();
  for (let v = fromUs; v <= toUs; v++) recordUs(h, v);
  return h;
}

test('summary of 1..10000 µs uniform has the expected count, mean and percentiles', () => {
  const s = summarize(uniform(1, 10_000));
  assert.equal(s.count, 10_000);
  assertWithinHdrPrecision(s.mean, 5000.5);
  assertWithinHdrPrecision(s.stdev, 2886.75);
  assert.equal(s.min, 1);
  assertWithinHdrPrecision(s.p50, 5000);
  assertWithinHdrPrecision(s.p90, 9000);
  assertWithinHdrPrecision(s.p99, 9900);
  assertWithinHdrPrecision(s.p999, 9990);
  assertWithinHdrPrecision(s.p9999, 9999);
  assertWithinHdrPrecision(s.max, 10_000);
  assert.ok(s.histogram.length > 0);
});

test('encode then decode keeps the count and the percentiles', () => {
  const original = uniform(1, 10_000);
  const decoded = decodeHistogram(encodeHistogram(original));
  assert.equal(decoded.totalCount, original.totalCount);
  for (const p of [50, 90, 99, 99.9]) {
    assert.equal(decoded.getValueAtPercentile(p), original.getValueAtPercentile(p), `p${p}`);
  }
});

test('a decoded histogram still accepts latencies beyond its original range', () => {
  const decoded = decodeHistogram(encodeHistogram(uniform(1, 100)));
  recordUs(decoded, 3_600_000_000); // one hour
  assert.equal(decoded.totalCount, 101);
});

test('merging two encoded histograms sums the counts and keeps the larger max', () => {
  const a = uniform(1, 1000);
  const b = uniform(500, 2000);
  const merged = mergeEncoded([encodeHistogram(a), encodeHistogram(b)]);
  assert.equal(merged.totalCount, 1000 + 1501);
  // Values below 2048 have unit resolution at 3 digits, so max is exact here.
  assert.equal(merged.maxValue, 2000);
});

test('merging keeps a latency above the 60 s sizing', () => {
  const slow = createLatencyHistogram();
  recordUs(slow, 120_000_000);
  const merged = mergeEncoded([encodeHistogram(uniform(1, 10)), encodeHistogram(slow)]);
  assert.equal(merged.totalCount, 11);
  assertWithinHdrPrecision(merged.maxValue, 120_000_000);
});

test('merging an empty list gives an empty histogram', () => {
  assert.equal(mergeEncoded([]).totalCount, 0);
});

test('the summary of an empty histogram is all zeros, never NaN, and still decodable', () => {
  const s = summarize(createLatencyHistogram());
  const { histogram, ...numbers } = s;
  for (const [field, value] of Object.entries(numbers)) assert.equal(value, 0, field);
  assert.equal(decodeHistogram(histogram).totalCount, 0);
});

test('the summary of a decoded empty histogram is all zeros too', () => {
  const s = summarize(decodeHistogram(encodeHistogram(createLatencyHistogram())));
  assert.equal(s.min, 0);
  assert.equal(s.max, 0);
});

test('negative latencies are recorded as 0 and count toward the total', () => {
  const h = createLatencyHistogram();
  recordUs(h, -250);
  recordUs(h, 100);
  const s = summarize(h);
  assert.equal(s.count, 2);
  assert.equal(s.min, 0);
  assert.equal(s.max, 100);
});

test('fractional latencies are rounded to whole microseconds', () => {
  const h = createLatencyHistogram();
  recordUs(h, 1.4);
  recordUs(h, 1.6);
  const s = summarize(h);
  assert.equal(s.min, 1);
  assert.equal(s.max, 2);
});

test('NaN and infinite latencies are ignored', () => {
  const h = createLatencyHistogram();
  recordUs(h, Number.NaN);
  recordUs(h, Number.POSITIVE_INFINITY);
  recordUs(h, 7);
  assert.equal(h.totalCount, 1);
});

test('decoding a string that is not a histogram raises a KloadError', () => {
  assert.throws(() => decodeHistogram('not a histogram'), KloadError);
});
