/** The time series of a repeats result: interval i of the aggregate stands for interval i of every repeat. */
import { mergeEncoded, encodeHistogram } from '../metrics/histogram.js';
import type { IntervalHistograms, IntervalStats, PhaseResult } from './result-types.js';

type NumericKey = { [K in keyof IntervalStats]: IntervalStats[K] extends number ? K : never }[keyof IntervalStats];
type NullableKey = Exclude<keyof IntervalStats, NumericKey>;

const NUMERIC: readonly NumericKey[] = [
  'elapsedSec',
  'sentPerSec',
  'ackedPerSec',
  'consumedPerSec',
  'ackedMBPerSec',
  'publishP50Us',
  'publishP99Us',
  'publishMaxUs',
  'scheduleDelayP99Us',
];
const NULLABLE: readonly NullableKey[] = ['targetPerSec', 'consumerLag'];

/** Interval i is the mean over the repeats that have an interval i (a repeat cut short has fewer). */
export function meanIntervals(series: readonly (readonly IntervalStats[])[]): IntervalStats[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length }, (_, i) => {
    const at = series.flatMap((s) => (s[i] === undefined ? [] : [s[i]]));
    const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const interval = {} as Record<keyof IntervalStats, number | null>;
    for (const key of NUMERIC) interval[key] = mean(at.map((s) => s[key]));
    for (const key of NULLABLE) {
      const values = at.flatMap((s) => (s[key] === null ? [] : [s[key]]));
      interval[key] = values.length === 0 ? null : mean(values);
    }
    return interval as unknown as IntervalStats;
  });
}

const KINDS = ['publish', 'service', 'scheduleDelay', 'endToEnd'] as const;

/** Histogram i of each kind added over the repeats; undefined when a repeat has none (older kload). */
export function addIntervalHistograms(phases: readonly PhaseResult[]): IntervalHistograms | undefined {
  const all = phases.map((p) => p.intervalHistograms);
  if (all.some((h) => h === undefined)) return undefined;
  const present = all as IntervalHistograms[];
  const added = (kind: (typeof KINDS)[number]): (string | null)[] => {
    const length = Math.max(0, ...present.map((h) => h[kind].length));
    return Array.from({ length }, (_, i) => {
      const encoded = present.flatMap((h) => (typeof h[kind][i] === 'string' ? [h[kind][i] as string] : []));
      return encoded.length === 0 ? null : encodeHistogram(mergeEncoded(encoded));
    });
  };
  return {
    intervalSec: (present[0] as IntervalHistograms).intervalSec,
    publish: added('publish'),
    service: added('service'),
    scheduleDelay: added('scheduleDelay'),
    endToEnd: added('endToEnd'),
  };
}
