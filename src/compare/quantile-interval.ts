/**
 * How precisely one run pins down a latency quantile. Distribution-free: with n samples the
 * number of samples below the true q-quantile is Binomial(n, q), so the order statistics at ranks
 * n·q ± z·sqrt(n·q·(1−q)) bracket it with ~95% confidence (normal approximation, z = 1.96),
 * whatever the latency distribution looks like. A p99 of 100 samples is therefore nearly the
 * max and very uncertain; a p99 of a million samples is tight.
 *
 * Ranks are read from the HDR histogram itself, so the interval also spans its bucket
 * resolution (3 significant digits: 0.1%, negligible next to any sensible tolerance).
 */
import type { Histogram } from '../metrics/histogram.js';
import type { Estimate } from './types.js';

const Z_95 = 1.96;

/** The q-quantile (0 < q < 1) with its interval; null for an empty histogram. */
export function quantileEstimate(h: Histogram, q: number): Estimate | null {
  const n = h.totalCount;
  if (n === 0) return null;
  const { low, high } = rankInterval(h, q);
  return { value: h.getValueAtPercentile(q * 100), low, high };
}

/**
 * The sample max has no interval of its own (its rank is always n), so it is treated as the
 * quantile 1 − 1/n: it counts as higher only when a few of the head's top samples all exceed the
 * base's max. One GC pause in either run then reads as noise instead of a regression.
 */
export function maxEstimate(h: Histogram): Estimate | null {
  const n = h.totalCount;
  if (n === 0) return null;
  const { low, high } = rankInterval(h, 1 - 1 / n);
  return { value: h.maxValue, low: Math.min(low, h.maxValue), high: Math.max(high, h.maxValue) };
}

function rankInterval(h: Histogram, q: number): { low: number; high: number } {
  const n = h.totalCount;
  const spread = Z_95 * Math.sqrt(n * q * (1 - q));
  const lowRank = clamp(Math.floor(n * q - spread), 1, n);
  const highRank = clamp(Math.ceil(n * q + spread), 1, n);
  return { low: valueAtRank(h, lowRank), high: valueAtRank(h, highRank) };
}

/** The value of the rank-th smallest sample (1-based). */
function valueAtRank(h: Histogram, rank: number): number {
  // getValueAtPercentile(p) returns the first value whose cumulative count reaches ceil(p/100·n).
  return h.getValueAtPercentile((100 * rank) / h.totalCount);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
