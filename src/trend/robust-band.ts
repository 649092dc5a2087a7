/**
 * The noise band of a few runs, robust to the one odd run among them: the median, and the
 * median absolute deviation (MAD) scaled by 1.4826 so it estimates a standard deviation when the
 * runs scatter normally. A mean and standard deviation over ten runs are dragged by a single
 * outlier (a GC storm, a noisy neighbour); the median and MAD ignore it.
 *
 * A value is beyond noise when it is further from the median than both 3 robust standard
 * deviations (the runs' own spread) and the --max-regression tolerance of the median (a change
 * nobody cares about, however steady the runs). Both, because a metric that never moved (a paced
 * rate, MAD 0) would otherwise flag every 0.1% wobble, and a tolerance alone ignores how noisy a
 * metric is.
 */
import type { Direction } from '../compare/types.js';
import type { Movement, TrendBand } from './trend-types.js';

/**
 * Fewer earlier runs than this give no band. The MAD of 3 values is the gap to the nearer
 * neighbour of the middle one, so it is often tiny: in a simulation of 10 runs of pure noise
 * (bench/trend.ts) a baseline of 3 made a false change point at run 4 in 6% of histories alone.
 */
export const MIN_BASELINE_RUNS = 5;
/** How many robust standard deviations from the median a value must be to count as moved. */
export const SPREAD_FACTOR = 3;
/** Scales a MAD to a standard deviation for normally scattered values. */
const MAD_TO_SD = 1.4826;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The band of `runs` earlier runs whose samples (repeats pooled, each run at least one) are
 * `samples`; null with fewer than MIN_BASELINE_RUNS runs.
 */
export function bandOf(samples: readonly number[], runs: number, maxRegression: number): TrendBand | null {
  if (runs < MIN_BASELINE_RUNS || samples.length === 0) return null;
  const center = median(samples);
  const robustSd = MAD_TO_SD * median(samples.map((v) => Math.abs(v - center)));
  const halfWidth = Math.max(SPREAD_FACTOR * robustSd, maxRegression * Math.abs(center));
  // Every trend metric is a rate or a latency: a band reaching below 0 would say nothing more.
  return { runs, median: center, robustSd, low: Math.max(0, center - halfWidth), high: center + halfWidth };
}

/** Which way `value` left the band, in the metric's terms; null inside it (edges included). */
export function movementOf(value: number, band: TrendBand, direction: Direction): Movement | null {
  if (value > band.high) return direction === 'lower-is-better' ? 'worse' : 'better';
  if (value < band.low) return direction === 'lower-is-better' ? 'better' : 'worse';
  return null;
}
