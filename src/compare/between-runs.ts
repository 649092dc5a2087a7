/**
 * How far apart two sets of repeated runs are, given how much runs of the same code differ from
 * each other. Every repeat gives one value of a metric (its throughput, its p99 from its own
 * histogram); the spread of those values is the noise that matters for a verdict (machine load,
 * JIT, GC, broker state, page cache), several times the sampling noise inside one run.
 *
 * The method is Welch's t interval for the difference of the two means (of the logs for latencies
 * and rates, whose run-to-run noise is a factor, not an offset): it assumes neither equal
 * variances nor equal counts, and Student's t (not the normal) keeps it honest with 3 to 10
 * repeats. A rank test (Mann-Whitney) was the other candidate, but with 5 repeats a side it
 * cannot reach the confidence a family-wise level over ~30 metrics asks of each one
 * (its smallest two-sided p is 2/252 ≈ 0.008), while a t interval can.
 */
import { tCritical } from '../model/student-t.js';

export const BETWEEN_RUNS_METHOD =
  "Welch's t interval of the difference of the repeats' means (latencies and rates: of their logs, i.e. a ratio)";

export interface SampleStats {
  n: number;
  mean: number;
  /** Sample variance (n − 1 in the denominator); 0 for one sample. */
  variance: number;
}

export function sampleStats(values: readonly number[]): SampleStats {
  const n = values.length;
  if (n === 0) return { n: 0, mean: Number.NaN, variance: Number.NaN };
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

export interface DifferenceInterval {
  /** mean(head) − mean(base), in the metric's unit. */
  difference: number;
  low: number;
  high: number;
  /** Welch–Satterthwaite degrees of freedom; Infinity when both sides have no spread at all. */
  degreesOfFreedom: number;
}

/**
 * The `confidence` (e.g. 0.95) interval of mean(head) − mean(base). Both sides need 2 or more
 * values: one value carries no spread, and pretending it does is how the false alarms started.
 */
export function welchInterval(
  base: readonly number[],
  head: readonly number[],
  confidence: number,
): DifferenceInterval {
  if (base.length < 2 || head.length < 2) throw new RangeError('welchInterval needs at least 2 values a side');
  const b = sampleStats(base);
  const h = sampleStats(head);
  const difference = h.mean - b.mean;
  const vb = b.variance / b.n;
  const vh = h.variance / h.n;
  const standardError = Math.sqrt(vb + vh);
  // Identical repeats (counts that stay 0, a rate held exactly): no spread, the difference is exact.
  if (standardError === 0) return { difference, low: difference, high: difference, degreesOfFreedom: Infinity };
  const degreesOfFreedom = (vb + vh) ** 2 / (vb ** 2 / (b.n - 1) + vh ** 2 / (h.n - 1));
  const t = tCritical(confidence, degreesOfFreedom);
  return { difference, low: difference - t * standardError, high: difference + t * standardError, degreesOfFreedom };
}
