/**
 * Ordinary least squares for the handful of coefficients our models fit (a power law has at most
 * five, the USL two or three). The caller builds the design matrix, intercept column included when
 * it wants one, so the same routine serves fits with and without an intercept.
 */
import { KloadError } from '../errors.js';

export interface LeastSquaresFit {
  /** β, one per column of X, in column order. */
  coefficients: number[];
  /** Xβ for each row. */
  fitted: number[];
  /** y − Xβ for each row. */
  residuals: number[];
  /** n − p: rows minus coefficients. Always ≥ 1. */
  degreesOfFreedom: number;
  /** σ̂² = Σ residual² / (n − p). */
  residualVariance: number;
  /** Cov(β) = (XᵀX)⁻¹ σ̂²; the standard error of β_j is sqrt(covariance[j][j]). */
  covariance: number[][];
  /**
   * 1 − SSres/SStot with SStot taken around the mean of y. Only meaningful when X has an
   * intercept column; without one it can be negative, which is the honest answer.
   */
  rSquared: number;
}

/**
 * A column is treated as a combination of the earlier ones when less than this fraction of its
 * sum of squares is left after projecting them out (about 7 significant digits of independence
 * lost when the normal equations square the condition number).
 */
const SINGULAR_TOLERANCE = 1e-10;

/** Fits y = Xβ. `columnNames` only serve error messages. */
export function leastSquares(
  x: readonly (readonly number[])[],
  y: readonly number[],
  columnNames?: readonly string[],
): LeastSquaresFit {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  checkShape(x, y, p);
  if (n <= p) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `too few points: ${n} point(s) for ${p} coefficient(s); ` +
        `a least-squares fit with an error estimate needs at least ${p + 1}`,
    );
  }
  const xtx = gram(x, p);
  const inverse = invertSymmetricPositive(xtx, columnNames);
  const xty = Array.from({ length: p }, (_, j) => x.reduce((sum, row, i) => sum + at(row, j) * at(y, i), 0));
  const coefficients = inverse.map((row) => row.reduce((sum, v, k) => sum + v * at(xty, k), 0));
  const fitted = x.map((row) => row.reduce((sum, v, j) => sum + v * at(coefficients, j), 0));
  const residuals = y.map((v, i) => v - at(fitted, i));
  const ssRes = residuals.reduce((sum, r) => sum + r * r, 0);
  const degreesOfFreedom = n - p;
  const residualVariance = ssRes / degreesOfFreedom;
  const mean = y.reduce((sum, v) => sum + v, 0) / n;
  const ssTot = y.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return {
    coefficients,
    fitted,
    residuals,
    degreesOfFreedom,
    residualVariance,
    covariance: inverse.map((row) => row.map((v) => v * residualVariance)),
    rSquared: ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot,
  };
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky (A = LLᵀ). A pivot that has lost
 * almost all of its diagonal means that column is (nearly) a linear combination of earlier ones.
 */
export function invertSymmetricPositive(
  a: readonly (readonly number[])[],
  columnNames?: readonly string[],
): number[][] {
  const p = a.length;
  const l: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    const lj = at(l, j);
    const diagonal = at(at(a, j), j);
    const remaining = diagonal - lj.slice(0, j).reduce((sum, v) => sum + v * v, 0);
    if (!(remaining > SINGULAR_TOLERANCE * diagonal)) {
      const name = columnNames?.[j] ?? `column ${j + 1}`;
      throw new KloadError(
        'INVALID_ARGUMENT',
        `singular matrix: ${name} is (nearly) a linear combination of the other columns, ` +
          'so its coefficient cannot be separated from theirs',
        { hint: 'vary each predictor independently of the others across the sweep' },
      );
    }
    lj[j] = Math.sqrt(remaining);
    for (let i = j + 1; i < p; i++) {
      const li = at(l, i);
      const dot = li.slice(0, j).reduce((sum, v, k) => sum + v * at(lj, k), 0);
      li[j] = (at(at(a, i), j) - dot) / at(lj, j);
    }
  }
  // (LLᵀ)⁻¹ column by column: solve L z = e_k, then Lᵀ x = z.
  const columns = Array.from({ length: p }, (_, k) => backSubstitute(l, forwardSubstitute(l, unit(p, k))));
  return Array.from({ length: p }, (_, i) => columns.map((column) => at(column, i)));
}

function checkShape(x: readonly (readonly number[])[], y: readonly number[], p: number): void {
  if (x.length !== y.length) {
    throw new KloadError('INVALID_ARGUMENT', `X has ${x.length} rows but y has ${y.length} values`);
  }
  if (p === 0) throw new KloadError('INVALID_ARGUMENT', 'too few points or columns: the design matrix is empty');
  x.forEach((row, i) => {
    if (row.length !== p)
      throw new KloadError('INVALID_ARGUMENT', `row ${i} of X has ${row.length} columns, expected ${p}`);
    if (!row.every(Number.isFinite) || !Number.isFinite(at(y, i))) {
      throw new KloadError('INVALID_ARGUMENT', `row ${i} contains a NaN or infinite value`);
    }
  });
}

function gram(x: readonly (readonly number[])[], p: number): number[][] {
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => x.reduce((sum, row) => sum + at(row, i) * at(row, j), 0)),
  );
}

function forwardSubstitute(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const z: number[] = [];
  l.forEach((row, i) => {
    z.push((at(b, i) - z.reduce((sum, v, k) => sum + at(row, k) * v, 0)) / at(row, i));
  });
  return z;
}

function backSubstitute(l: readonly (readonly number[])[], z: readonly number[]): number[] {
  const p = l.length;
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let sum = at(z, i);
    for (let k = i + 1; k < p; k++) sum -= at(at(l, k), i) * at(x, k);
    x[i] = sum / at(at(l, i), i);
  }
  return x;
}

function unit(p: number, k: number): number[] {
  return Array.from({ length: p }, (_, i) => (i === k ? 1 : 0));
}

/** Indexed read for loops whose bounds already guarantee the index exists. */
function at<T>(values: readonly T[], i: number): T {
  return values[i] as T;
}
