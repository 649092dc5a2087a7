/**
 * The latency percentile spectrum ("nines" plot) of one HDR histogram, computed in Node so the
 * report embeds a handful of points instead of the histogram and a decoder.
 *
 * x is 1 / (1 - percentile/100): 1 at p0, 10 at p90, 100 at p99, 1000 at p99.9, so a log x axis
 * gives every nine the same width: the classic HdrHistogram percentile plot.
 */
import { decodeHistogram } from '../../metrics/histogram.js';

export const SPECTRUM_PERCENTILES = [0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999] as const;

export interface SpectrumPoint {
  /** 0..100; the max point carries the percentile its position stands for. */
  percentile: number;
  /** 1 / (1 - percentile/100); for the max, the sample count (one in N). */
  x: number;
  valueUs: number;
  /** "p99.9" or "max", for tooltips and tests. */
  label: string;
}

/**
 * A percentile finer than one sample in N only repeats the max (99.999% of 1,000 samples is the
 * max), so the points stop where the sample runs out and the max closes the curve at x = N.
 * An empty histogram gives no points.
 */
export function percentileSpectrum(encodedHistogram: string): SpectrumPoint[] {
  const h = decodeHistogram(encodedHistogram);
  const count = h.totalCount;
  if (count === 0) return [];
  const points: SpectrumPoint[] = [];
  for (const percentile of SPECTRUM_PERCENTILES) {
    const x = ninesX(percentile);
    if (x >= count) break;
    points.push({ percentile, x, valueUs: h.getValueAtPercentile(percentile), label: `p${percentile}` });
  }
  // The top percentile is reported as its bucket's highest equivalent value, which can exceed the
  // exact max by a bucket's width; the curve must not bend down at its end.
  const maxUs = Math.max(h.maxValue, points.at(-1)?.valueUs ?? 0);
  points.push({ percentile: 100 * (1 - 1 / count), x: count, valueUs: maxUs, label: 'max' });
  return points;
}

/** Rounded to 10 significant digits: p99.9 gives 1000, not 1000.0000000001102. */
export function ninesX(percentile: number): number {
  return Number((1 / (1 - percentile / 100)).toPrecision(10));
}
