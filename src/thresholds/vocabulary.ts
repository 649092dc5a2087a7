/** The words of the threshold language: metric names, operators and units, with their meaning. */
import type { CountName, LatencySource, LatencyStat, LatencyUnit, ThresholdOperator } from './types.js';

export const LATENCY_SOURCES: readonly LatencySource[] = ['publish', 'service', 'schedule', 'e2e'];
export const LATENCY_STATS: readonly LatencyStat[] = ['p50', 'p90', 'p99', 'p999', 'p9999', 'max', 'mean', 'min'];
export const COUNT_NAMES: readonly CountName[] = [
  'lost',
  'duplicated',
  'outOfOrder',
  'sent',
  'acked',
  'consumed',
  'failed',
];

/** Longest first, so a scanner that tries them in order never reads "<=" as "<". */
export const OPERATORS: readonly ThresholdOperator[] = ['<=', '>=', '==', '!=', '<', '>'];

/** What people type when they mean one of ours (SQL, JavaScript, or the arrow written backwards). */
export const OPERATOR_MISSPELLINGS: Readonly<Record<string, ThresholdOperator>> = {
  '=': '==',
  '===': '==',
  '!==': '!=',
  '<>': '!=',
  '=<': '<=',
  '=>': '>=',
};

/**
 * Both micro signs: "µ" (U+00B5, what most keyboards type) and "μ" (U+03BC, Greek mu, what
 * autocorrect and some fonts produce) look the same, and rejecting one would baffle the author.
 */
export const LATENCY_UNITS: Readonly<Record<string, LatencyUnit>> = { us: 'us', µs: 'us', μs: 'us', ms: 'ms', s: 's' };
export const LATENCY_UNIT_LIST = 'us, µs, ms or s';

export const MICROSECONDS_PER: Readonly<Record<LatencyUnit, number>> = { us: 1, ms: 1_000, s: 1_000_000 };

export const THROUGHPUT_UNITS = ['msg/s', 'MB/s'] as const;

/** The histogram field of a PhaseResult behind each latency source. */
export const LATENCY_FIELDS = {
  publish: 'publishLatencyUs',
  service: 'serviceLatencyUs',
  schedule: 'scheduleDelayUs',
  e2e: 'endToEndLatencyUs',
} as const satisfies Record<LatencySource, string>;

/** Every metric name an author can write, for "did you mean". */
export const WRITABLE_METRICS: readonly string[] = [
  ...LATENCY_SOURCES.flatMap((source) => LATENCY_STATS.map((stat) => `${source}.${stat}`)),
  'throughput',
  'errors.rate',
  ...COUNT_NAMES,
];

export const METRIC_LIST =
  'a latency such as publish.p99 or e2e.p999, throughput, errors.rate, or a count: ' + COUNT_NAMES.join(', ');
