/**
 * Thresholds as kload understands them after parsing: the scenario's strings
 * (`"steady: publish.p99 < 50ms"`) become a phase scope, a metric with its unit, an operator and
 * a limit. The saved verdicts are `ThresholdOutcome`s in result-types.ts.
 *
 * Unit convention: a threshold is judged in the unit its author wrote. `limit` is the number as
 * written and `actual` is converted into that same unit before comparing, so
 * `publish.p99 < 50ms` yields `{ actual: 12.3, limit: 50, unit: "ms" }`. Spelling is normalised
 * ("µs" becomes "us"); counts have the unit "count", and `errors.rate` is "%" when written with a
 * percent sign, else "ratio" (failed / sent, 0..1).
 */
import type { ThresholdOutcome } from '../result/result-types.js';

export type ThresholdOperator = ThresholdOutcome['operator'];

/** Which latency histogram of a phase: ack, service, schedule delay or end-to-end. */
export type LatencySource = 'publish' | 'service' | 'schedule' | 'e2e';
export type LatencyStat = 'p50' | 'p90' | 'p99' | 'p999' | 'p9999' | 'max' | 'mean' | 'min';
export type LatencyUnit = 'us' | 'ms' | 's';

/** Counts read straight from a phase (integrity counts included); `failed` sums every error code. */
export type CountName = 'lost' | 'duplicated' | 'outOfOrder' | 'sent' | 'acked' | 'consumed' | 'failed';

export type ThresholdMetric =
  | {
      kind: 'latency';
      name: `${LatencySource}.${LatencyStat}`;
      source: LatencySource;
      stat: LatencyStat;
      unit: LatencyUnit;
    }
  | { kind: 'throughput'; name: 'throughput.msgs'; unit: 'msg/s' }
  | { kind: 'throughput'; name: 'throughput.mb'; unit: 'MB/s' }
  | { kind: 'count'; name: CountName; unit: 'count' }
  | { kind: 'errorRate'; name: 'errors.rate'; unit: '%' | 'ratio' };

export interface ParsedThreshold {
  /** The text as written, kept for messages and the outcome. */
  expression: string;
  /** The phase named before ":", or null for the whole run (the recorded phases folded). */
  phase: string | null;
  metric: ThresholdMetric;
  operator: ThresholdOperator;
  /** In `metric.unit`, as written. */
  limit: number;
}
