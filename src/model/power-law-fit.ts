/**
 * Fits y = c·Π xᵢ^eᵢ by least squares on logarithms: ln y = ln c + Σ eᵢ ln xᵢ. On the log scale
 * an exponent is a plain regression slope, so its standard error and a t interval come for free,
 * and "does T scale with N?" becomes "does the interval for a contain 1?".
 */
import { KloadError } from '../errors.js';
import { leastSquares } from './linear-algebra.js';
import { formatSignificant, interval, termVerdict, type Interval } from './power-law-verdict.js';
import { tCritical } from './student-t.js';

export type { Interval } from './power-law-verdict.js';

/** One predictor xᵢ with its exponent eᵢ. */
export interface PowerLawTerm<P> {
  /** Field of each point holding xᵢ, e.g. 'producers'. */
  key: keyof P & string;
  /** How the formula names xᵢ, e.g. 'N'. */
  symbol: string;
  /** How the formula names eᵢ, e.g. 'a'. */
  exponent: string;
  /** The exponent the seed formula predicts (T = N×R/K predicts 1 for N); omit when none. */
  predicted?: number;
  /** The sweep holds this predictor constant on purpose: drop it from the fit instead of failing. */
  fixed?: boolean;
}

export interface PowerLawSpec<P> {
  response: { key: keyof P & string; symbol: string };
  terms: readonly PowerLawTerm<P>[];
  /** Two-sided confidence level of the intervals. Default 0.95. */
  confidence?: number;
  /** How many of the largest relative residuals to report. Default 3. */
  worstResidualCount?: number;
}

export interface ExponentEstimate {
  exponent: string;
  predictor: string;
  key: string;
  estimate: number;
  standardError: number;
  interval: Interval;
  /** null when the caller gave no prediction for this term. */
  predicted: number | null;
  /** The prediction lies inside the interval; null without a prediction. */
  holds: boolean | null;
  /** e.g. "a = 0.94 [0.81, 1.07]: consistent with T ∝ N". */
  verdict: string;
}

export interface ResidualPoint {
  /** Index of the point in the caller's array. */
  index: number;
  observed: number;
  fitted: number;
  /** (observed − fitted) / fitted. */
  relativeError: number;
}

export interface PowerLawFit {
  /** e.g. "T = c·N^a·R^b·K^d", all terms including dropped ones. */
  formula: string;
  /** Points used. */
  n: number;
  degreesOfFreedom: number;
  confidence: number;
  /**
   * c = exp(ln c). Back-transformed from the log fit it is the geometric-mean constant, slightly
   * below the arithmetic one when residuals are large.
   */
  constant: { estimate: number; interval: Interval };
  /** Fitted terms only, in the caller's order. */
  exponents: ExponentEstimate[];
  /** Symbols of terms dropped because they were marked fixed and did not vary. */
  dropped: string[];
  /** R² of ln y. */
  rSquared: number;
  /** Residual standard error on the ln scale: roughly the typical relative error of a point. */
  residualStandardError: number;
  worstResiduals: ResidualPoint[];
  /** Every predicted, fitted term holds; null when no fitted term carries a prediction. */
  holds: boolean | null;
  /** One verdict line per fitted exponent. */
  verdicts: string[];
  /** Dropped terms and other caveats, as sentences. */
  notes: string[];
}

export function fitPowerLaw<P extends object>(points: readonly P[], spec: PowerLawSpec<P>): PowerLawFit {
  const confidence = spec.confidence ?? 0.95;
  const responseName = `${spec.response.symbol} (${spec.response.key})`;
  const y = points.map((point, i) => positiveValue(point, i, spec.response.key, responseName));
  const notes: string[] = [];
  const used = spec.terms.filter((term) => keepTerm(points, term, notes));
  const columns = used.map((term) =>
    points.map((point, i) => positiveValue(point, i, term.key, `${term.symbol} (${term.key})`)),
  );
  checkEnoughPoints(points.length, used);

  const design = points.map((_, i) => [1, ...columns.map((column) => Math.log(column[i] as number))]);
  const names = ['ln c', ...used.map((term) => `ln ${term.symbol} (${term.key})`)];
  const fit = leastSquares(design, y.map(Math.log), names);
  const t = tCritical(confidence, fit.degreesOfFreedom);
  const standardErrors = fit.covariance.map((row, j) => Math.sqrt(row[j] as number));
  const logC = fit.coefficients[0] as number;
  const logCInterval = interval(logC, standardErrors[0] as number, t);

  const exponents = used.map((term, k): ExponentEstimate => {
    const estimate = fit.coefficients[k + 1] as number;
    const standardError = standardErrors[k + 1] as number;
    const range = interval(estimate, standardError, t);
    const predicted = term.predicted ?? null;
    const holds = predicted === null ? null : predicted >= range.low && predicted <= range.high;
    const verdict = termVerdict({
      ...term,
      response: spec.response.symbol,
      estimate,
      interval: range,
      predicted,
      holds,
    });
    return {
      exponent: term.exponent,
      predictor: term.symbol,
      key: term.key,
      estimate,
      standardError,
      interval: range,
      predicted,
      holds,
      verdict,
    };
  });
  const judged = exponents.filter((e) => e.holds !== null);
  return {
    formula: `${spec.response.symbol} = c·${spec.terms.map((term) => `${term.symbol}^${term.exponent}`).join('·')}`,
    n: points.length,
    degreesOfFreedom: fit.degreesOfFreedom,
    confidence,
    constant: {
      estimate: Math.exp(logC),
      interval: { low: Math.exp(logCInterval.low), high: Math.exp(logCInterval.high) },
    },
    exponents,
    dropped: spec.terms.filter((term) => !used.includes(term)).map((term) => term.symbol),
    rSquared: fit.rSquared,
    residualStandardError: Math.sqrt(fit.residualVariance),
    worstResiduals: worstResiduals(y, fit.fitted.map(Math.exp), spec.worstResidualCount ?? 3),
    holds: judged.length === 0 ? null : judged.every((e) => e.holds === true),
    verdicts: exponents.map((e) => e.verdict),
    notes,
  };
}

function positiveValue(point: object, index: number, key: string, name: string): number {
  const value: unknown = (point as Record<string, unknown>)[key];
  if (typeof value !== 'number') {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `point ${index}: ${name} is ${value === undefined ? 'missing' : `not a number (${String(value)})`}`,
    );
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `point ${index}: ${name} is ${value}; ` +
        'a power-law fit takes logarithms, so every value must be a positive finite number',
    );
  }
  return value;
}

/** A predictor that never varies has no slope to fit: an error unless the caller said it is fixed. */
function keepTerm<P extends object>(points: readonly P[], term: PowerLawTerm<P>, notes: string[]): boolean {
  const values = points.map((point, i) => positiveValue(point, i, term.key, `${term.symbol} (${term.key})`));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const constant = points.length > 0 && max - min <= 1e-12 * max;
  if (constant && term.fixed === true) {
    notes.push(
      `${term.symbol} (${term.key}) is ${formatSignificant(min)} in every point and marked fixed: ` +
        `dropped from the fit, its effect is folded into c, and ${term.exponent} is not tested.`,
    );
    return false;
  }
  if (constant && points.length > 1) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `zero variance in predictor ${term.symbol} (${term.key}): it is ${formatSignificant(min)} in every point, ` +
        `so the sweep did not vary it and ${term.exponent} cannot be fitted`,
      { hint: `vary ${term.key} across the sweep, or mark it fixed to leave it out of the fit` },
    );
  }
  if (!constant && term.fixed === true) {
    notes.push(`${term.symbol} (${term.key}) is marked fixed but varies across points: fitted anyway.`);
  }
  return true;
}

function checkEnoughPoints<P>(n: number, used: readonly PowerLawTerm<P>[]): void {
  const coefficients = used.length + 1;
  if (n <= coefficients) {
    const list =
      used.length === 0 ? '' : ` and ${used.length} exponent(s) (${used.map((term) => term.exponent).join(', ')})`;
    throw new KloadError(
      'INVALID_ARGUMENT',
      `too few points: ${n} point(s) to fit c${list}; ` +
        `need at least ${coefficients + 1} so the fit has an error estimate`,
    );
  }
}

function worstResiduals(observed: readonly number[], fitted: readonly number[], count: number): ResidualPoint[] {
  return observed
    .map((value, index) => {
      const expected = fitted[index] as number;
      return { index, observed: value, fitted: expected, relativeError: (value - expected) / expected };
    })
    .sort((a, b) => Math.abs(b.relativeError) - Math.abs(a.relativeError))
    .slice(0, count);
}
