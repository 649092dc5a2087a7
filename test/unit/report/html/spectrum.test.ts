import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ninesX, percentileSpectrum } from '../../../../src/report/html/spectrum.js';
import { latencies, realisticRunResult } from '../../../helpers/result-fixture.js';

test('the spectrum of a large histogram is monotone in both position and latency', () => {
  const steady = realisticRunResult().phases[1]!;
  const points = percentileSpectrum(steady.publishLatencyUs.histogram);
  assert.deepEqual(
    points.map((p) => p.label),
    ['p0', 'p50', 'p75', 'p90', 'p95', 'p99', 'p99.5', 'p99.9', 'p99.95', 'p99.99', 'max'],
  );
  for (let i = 1; i < points.length; i++) {
    assert.ok(points[i]!.x > points[i - 1]!.x, `x at ${points[i]!.label}`);
    assert.ok(points[i]!.valueUs >= points[i - 1]!.valueUs, `latency at ${points[i]!.label}`);
  }
});

test('the spectrum places the nines a decade apart and the max at one in N', () => {
  const points = percentileSpectrum(latencies(...Array.from({ length: 5000 }, (_, i) => 100 + i)).histogram);
  const x = Object.fromEntries(points.map((p) => [p.label, p.x]));
  assert.deepEqual([x.p0, x.p90, x.p99, x['p99.9']], [1, 10, 100, 1000]);
  assert.equal(points.at(-1)?.label, 'max');
  assert.equal(points.at(-1)?.x, 5000);
  assert.ok(Math.abs(points.at(-1)!.valueUs - 5099) <= 5, `max ${points.at(-1)!.valueUs}`);
});

test('the spectrum stops at the percentiles the sample can resolve', () => {
  const points = percentileSpectrum(latencies(...Array.from({ length: 150 }, (_, i) => 1000 + i * 10)).histogram);
  assert.deepEqual(
    points.map((p) => p.label),
    ['p0', 'p50', 'p75', 'p90', 'p95', 'p99', 'max'],
  );
  assert.equal(points.at(-1)?.x, 150);
});

test('an empty histogram has no spectrum and a single sample is one point', () => {
  assert.deepEqual(percentileSpectrum(latencies().histogram), []);
  const single = percentileSpectrum(latencies(4200).histogram);
  assert.equal(single.length, 1);
  assert.equal(single[0]?.label, 'max');
  assert.equal(single[0]?.x, 1);
});

test('ninesX maps percentiles onto 1/(1-p) without floating-point dust', () => {
  assert.deepEqual([0, 50, 90, 99, 99.9, 99.99, 99.999].map(ninesX), [1, 2, 10, 100, 1000, 10_000, 100_000]);
});
