/**
 * Universal Scalability Law: X(N) = λN / (1 + σ(N−1) + κN(N−1)). σ is contention (the serial
 * fraction, which caps throughput at λ/σ), κ is coherency (crosstalk, which makes throughput fall
 * past a peak). Fitted by linear least squares on the linearized form, as Gunther does, rather
 * than by a nonlinear solver whose answer depends on its starting point.
 */
import { KloadError } from '../errors.js';
import { leastSquares } from './linear-algebra.js';
import { formatSignificant } from './power-law-verdict.js';

export interface UslPoint {
  /** N: producers, threads or clients, ≥ 1. */
  concurrency: number;
  /** X(N): throughput in any unit (msg/s, MB/s); λ comes out in the same unit. */
  throughput: number;
}

export interface UslParameters {
  /** Contention, ≥ 0. */
  sigma: number;
  /** Coherency, ≥ 0. */
  kappa: number;
  /** Throughput of one unit of concurrency, X(1). */
  lambda: number;
}

export interface UslFit extends UslParameters {
  /** 'measured': mean of the N = 1 points; 'fitted': from a quadratic fit of N/X when there is none. */
  lambdaSource: 'measured' | 'fitted';
  /** Points used. */
  n: number;
  /** R² of the measured X against the fitted curve (not of the linearized form). */
  rSquared: number;
  /** N* = sqrt((1−σ)/κ); Infinity when κ = 0; 1 when σ ≥ 1 (more concurrency never helps). */
  peakConcurrency: number;
  /** X(N*); for κ = 0 the ceiling λ/σ (Infinity when σ = 0 too). */
  peakThroughput: number;
  /** Clamped coefficients and other caveats, as sentences. */
  notes: string[];
  /** X(N) on the fitted curve. */
  predict(concurrency: number): number;
}

export function uslThroughput(parameters: UslParameters, concurrency: number): number {
  const { sigma, kappa, lambda } = parameters;
  const n = concurrency;
  return (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

export function fitUsl(points: readonly UslPoint[]): UslFit {
  checkPoints(points);
  const notes: string[] = [];
  const singles = points.filter((p) => p.concurrency === 1);
  const lambdaSource = singles.length > 0 ? 'measured' : 'fitted';
  const lambda = singles.length > 0 ? mean(singles.map((p) => p.throughput)) : fitLambda(points);
  const { sigma, kappa } = fitContentionAndCoherency(points, lambda, notes);
  const parameters = { sigma, kappa, lambda };
  const predicted = points.map((p) => uslThroughput(parameters, p.concurrency));
  const observed = points.map((p) => p.throughput);
  const average = mean(observed);
  const ssRes = observed.reduce((sum, x, i) => sum + (x - (predicted[i] as number)) ** 2, 0);
  const ssTot = observed.reduce((sum, x) => sum + (x - average) ** 2, 0);
  const peak = peakOf(parameters, notes);
  return {
    ...parameters,
    lambdaSource,
    n: points.length,
    rSquared: ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot,
    peakConcurrency: peak.concurrency,
    peakThroughput: peak.throughput,
    notes,
    predict: (concurrency: number) => uslThroughput(parameters, concurrency),
  };
}

function checkPoints(points: readonly UslPoint[]): void {
  points.forEach((p, i) => {
    if (!(Number.isFinite(p.concurrency) && p.concurrency >= 1)) {
      throw new KloadError(
        'INVALID_ARGUMENT',
        `point ${i}: concurrency N is ${p.concurrency}; it must be a finite number ≥ 1`,
      );
    }
    if (!(Number.isFinite(p.throughput) && p.throughput > 0)) {
      throw new KloadError(
        'INVALID_ARGUMENT',
        `point ${i}: throughput X is ${p.throughput}; it must be a positive finite number`,
      );
    }
  });
  const levels = new Set(points.map((p) => p.concurrency));
  if (points.length > 1 && levels.size === 1) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `zero variance in concurrency: every point has N = ${points[0]?.concurrency}, so the sweep did not vary it`,
    );
  }
  const beyondOne = points.filter((p) => p.concurrency !== 1).length;
  if (beyondOne < 3) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `too few points: the USL fit needs at least 3 points with N > 1 (got ${beyondOne} of ${points.length})`,
      { hint: 'sweep concurrency over at least 4 levels, e.g. 1, 2, 4, 8' },
    );
  }
}

/**
 * N/X(N) = ((1−σ) + (σ−κ)N + κN²)/λ is a quadratic in N whose coefficients sum to 1/λ, so an
 * ordinary fit with intercept recovers λ without an N = 1 measurement.
 */
function fitLambda(points: readonly UslPoint[]): number {
  const design = points.map((p) => [1, p.concurrency, p.concurrency ** 2]);
  const fit = leastSquares(
    design,
    points.map((p) => p.concurrency / p.throughput),
    ['1', 'N', 'N²'],
  );
  const inverse = fit.coefficients.reduce((sum, c) => sum + c, 0);
  if (!(inverse > 0)) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      'cannot estimate λ from these points: the fitted single-unit throughput is not positive',
      {
        hint: 'add a point at N = 1',
      },
    );
  }
  return 1 / inverse;
}

/**
 * N/C(N) − 1 = σ(N−1) + κN(N−1) with C = X/λ, fitted without intercept. The USL has no meaning
 * for negative σ or κ (faster than linear scaling, or a curve that bends upward), so a negative
 * one is clamped to 0 and the other refitted alone.
 */
function fitContentionAndCoherency(
  points: readonly UslPoint[],
  lambda: number,
  notes: string[],
): { sigma: number; kappa: number } {
  const rows = points.filter((p) => p.concurrency !== 1);
  const y = rows.map((p) => p.concurrency / (p.throughput / lambda) - 1);
  const sigmaColumn = rows.map((p) => p.concurrency - 1);
  const kappaColumn = rows.map((p) => p.concurrency * (p.concurrency - 1));
  const both = leastSquares(
    rows.map((_, i) => [sigmaColumn[i] as number, kappaColumn[i] as number]),
    y,
    ['σ (N−1)', 'κ N(N−1)'],
  );
  let [sigma, kappa] = both.coefficients as [number, number];
  if (sigma >= 0 && kappa >= 0) return { sigma, kappa };
  const refitAlone = (column: number[], name: string): number => {
    const value = leastSquares(
      column.map((v) => [v]),
      y,
      [name],
    ).coefficients[0] as number;
    if (value < 0)
      notes.push(
        `${name.charAt(0)} refitted alone is still negative (${formatSignificant(value)}): clamped to 0 as well.`,
      );
    return Math.max(0, value);
  };
  if (kappa < 0) {
    notes.push(
      `κ fitted as ${formatSignificant(kappa)}; the USL needs κ ≥ 0 (the data bends upward), ` +
        'so κ is clamped to 0 and σ refitted alone.',
    );
    kappa = 0;
    sigma = refitAlone(sigmaColumn, 'σ (N−1)');
  } else {
    notes.push(
      `σ fitted as ${formatSignificant(sigma)}; the USL needs σ ≥ 0 (better than linear scaling), ` +
        'so σ is clamped to 0 and κ refitted alone.',
    );
    sigma = 0;
    kappa = refitAlone(kappaColumn, 'κ N(N−1)');
  }
  return { sigma, kappa };
}

function peakOf(parameters: UslParameters, notes: string[]): { concurrency: number; throughput: number } {
  const { sigma, kappa, lambda } = parameters;
  if (sigma >= 1) {
    notes.push(
      `σ = ${formatSignificant(sigma)} ≥ 1: adding concurrency never raises throughput above the single-unit rate.`,
    );
    return { concurrency: 1, throughput: lambda };
  }
  if (kappa === 0) {
    return { concurrency: Infinity, throughput: sigma === 0 ? Infinity : lambda / sigma };
  }
  const concurrency = Math.max(1, Math.sqrt((1 - sigma) / kappa));
  return { concurrency, throughput: uslThroughput(parameters, concurrency) };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
