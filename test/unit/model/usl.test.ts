import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitUsl, uslThroughput, type UslParameters, type UslPoint } from '../../../src/model/usl.js';
import { assertClose, assertInvalid, logNormalNoise } from './helpers.js';

const truth: UslParameters = { sigma: 0.05, kappa: 0.001, lambda: 10_000 };
const levels = [1, 2, 4, 8, 16, 32, 64];

function curve(parameters: UslParameters, concurrencies: readonly number[], sd: number, seed: number): UslPoint[] {
  const noise = logNormalNoise(seed, sd);
  return concurrencies.map((concurrency) => ({
    concurrency,
    throughput: uslThroughput(parameters, concurrency) * noise(),
  }));
}

test('an exact USL curve gives back σ, κ, λ, the peak at sqrt((1−σ)/κ) and R² = 1', () => {
  const fit = fitUsl(curve(truth, levels, 0, 1));
  assertClose(fit.sigma, 0.05, 1e-9, 'σ');
  assertClose(fit.kappa, 0.001, 1e-11, 'κ');
  assert.equal(fit.lambda, 10_000);
  assert.equal(fit.lambdaSource, 'measured');
  assertClose(fit.peakConcurrency, Math.sqrt(0.95 / 0.001), 1e-6, 'N*');
  assertClose(fit.peakThroughput, uslThroughput(truth, Math.sqrt(0.95 / 0.001)), 1e-6, 'X(N*)');
  assertClose(fit.rSquared, 1, 1e-12, 'R²');
  assert.deepEqual(fit.notes, []);
  assert.equal(fit.n, 7);
});

test('a noisy USL curve is recovered within tolerance and predict follows the fitted curve', () => {
  const fit = fitUsl(curve(truth, [1, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64], 0.02, 2));
  assertClose(fit.lambda, 10_000, 400, 'λ');
  assertClose(fit.sigma, 0.05, 0.015, 'σ');
  assertClose(fit.kappa, 0.001, 0.0003, 'κ');
  assertClose(fit.peakConcurrency, 30.8, 5, 'N*');
  assert.ok(fit.rSquared > 0.97, `R² ${fit.rSquared}`);
  assert.equal(fit.predict(10), uslThroughput(fit, 10));
});

test('without an N = 1 point λ is fitted from the quadratic form and still lands near the truth', () => {
  const fit = fitUsl(curve(truth, [2, 4, 8, 16, 32, 64], 0.01, 3));
  assert.equal(fit.lambdaSource, 'fitted');
  assertClose(fit.lambda, 10_000, 500, 'λ');
  assertClose(fit.sigma, 0.05, 0.02, 'σ');
  assertClose(fit.kappa, 0.001, 0.0003, 'κ');
});

test('data that bends upward (κ < 0) is clamped to κ = 0 with a note, and the peak moves to infinity', () => {
  const bending = curve({ sigma: 0.2, kappa: -0.002, lambda: 1000 }, [1, 2, 4, 8, 12, 16], 0, 4);
  const fit = fitUsl(bending);
  assert.equal(fit.kappa, 0);
  assert.ok(fit.sigma > 0);
  assert.match(fit.notes[0] ?? '', /κ fitted as -0\.002; the USL needs κ ≥ 0 .* clamped to 0 and σ refitted alone/);
  assert.equal(fit.peakConcurrency, Infinity);
  assertClose(fit.peakThroughput, 1000 / fit.sigma, 1e-9, 'ceiling λ/σ');
});

test('better than linear scaling (σ < 0) is clamped to σ = 0 with a note', () => {
  const fit = fitUsl(curve({ sigma: -0.02, kappa: 0.002, lambda: 1000 }, [1, 2, 4, 8, 16], 0, 5));
  assert.equal(fit.sigma, 0);
  assert.ok(fit.kappa > 0);
  assert.match(fit.notes[0] ?? '', /σ fitted as -0\.02; the USL needs σ ≥ 0/);
  assert.equal(fit.notes.length, 1);
});

test('superlinear data clamps both coefficients to 0, each with a note', () => {
  const fit = fitUsl(curve({ sigma: -0.05, kappa: 0.001, lambda: 1000 }, [1, 2, 4, 8, 16], 0, 5));
  assert.equal(fit.sigma, 0);
  assert.equal(fit.kappa, 0);
  assert.match(fit.notes[1] ?? '', /κ refitted alone is still negative .*: clamped to 0 as well/);
});

test('perfectly linear scaling has σ = κ = 0 and no peak', () => {
  const fit = fitUsl([1, 2, 4, 8].map((concurrency) => ({ concurrency, throughput: 500 * concurrency })));
  assertClose(fit.sigma, 0, 1e-12, 'σ');
  assertClose(fit.kappa, 0, 1e-12, 'κ');
  assert.equal(fit.peakConcurrency, Infinity);
  assert.equal(fit.peakThroughput, Infinity);
});

test('σ ≥ 1 puts the peak at N = 1 with a note', () => {
  const fit = fitUsl(curve({ sigma: 1.5, kappa: 0.01, lambda: 1000 }, [1, 2, 3, 4, 6], 0, 6));
  assert.equal(fit.peakConcurrency, 1);
  assert.equal(fit.peakThroughput, 1000);
  assert.match(fit.notes.at(-1) ?? '', /σ = 1\.5 ≥ 1: adding concurrency never raises throughput/);
});

const degenerate: { name: string; points: UslPoint[]; message: RegExp }[] = [
  {
    name: 'a single point',
    points: [{ concurrency: 4, throughput: 100 }],
    message: /too few points: the USL fit needs at least 3 points with N > 1 \(got 1 of 1\)/,
  },
  {
    name: 'two levels beyond N = 1',
    points: [1, 2, 4].map((concurrency) => ({ concurrency, throughput: 100 * concurrency })),
    message: /too few points.*got 2 of 3/,
  },
  {
    name: 'one concurrency level repeated',
    points: [8, 8, 8, 8].map((concurrency) => ({ concurrency, throughput: 100 })),
    message: /zero variance in concurrency: every point has N = 8/,
  },
  {
    name: 'a NaN throughput',
    points: [1, 2, 4, 8].map((concurrency) => ({ concurrency, throughput: concurrency === 4 ? Number.NaN : 100 })),
    message: /point 2: throughput X is NaN/,
  },
  {
    name: 'a zero throughput',
    points: [1, 2, 4, 8].map((concurrency) => ({ concurrency, throughput: concurrency === 8 ? 0 : 100 })),
    message: /point 3: throughput X is 0/,
  },
  {
    name: 'a concurrency below 1',
    points: [0, 2, 4, 8].map((concurrency) => ({ concurrency, throughput: 100 })),
    message: /point 0: concurrency N is 0; it must be a finite number ≥ 1/,
  },
];

for (const { name, points, message } of degenerate) {
  test(`the USL fit rejects ${name} with a clear message`, () => {
    assertInvalid(() => fitUsl(points), message);
  });
}
