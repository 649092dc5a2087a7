/**
 * The metrics compared for one recorded phase of one run: achieved throughput, the latency
 * percentiles users feel (publish), the cluster's share (service) and end-to-end, failed
 * deliveries and the integrity counts. With repeats, every repeat's phase gives one value of
 * each; see phase-rows.ts for how they become a row.
 */
import { decodeHistogram, type Histogram } from '../metrics/histogram.js';
import { totalFailed } from '../result/phase-figures.js';
import type { IntegrityCounts, LatencySummaryUs, PhaseResult } from '../result/result-types.js';
import { maxEstimate, quantileEstimate } from './quantile-interval.js';
import type { Direction, Estimate, MetricUnit } from './types.js';

/** One metric as one run measured it. */
export interface MetricMeasurement {
  metric: string;
  unit: MetricUnit;
  direction: Direction;
  /** Any increase from 0 regresses whatever the tolerance: one lost message is a bug, not a trend. */
  zeroTolerance: boolean;
  /** null when the run has no samples of it (no consumers: no end-to-end latency). */
  estimate: Estimate | null;
  /** The run's value is no verdict (integrity while messages are unverified: the drain did not finish). */
  undecided: boolean;
  /** Which family of rows it is in: a family no run measured at all gets no rows. */
  family: 'throughput' | 'latency' | 'failed' | 'integrity';
}

type LatencyField = 'publishLatencyUs' | 'serviceLatencyUs' | 'endToEndLatencyUs';

const LATENCIES: readonly { label: string; field: LatencyField }[] = [
  { label: 'publish', field: 'publishLatencyUs' },
  { label: 'service', field: 'serviceLatencyUs' },
  { label: 'e2e', field: 'endToEndLatencyUs' },
];

const QUANTILES: readonly { label: string; q: number }[] = [
  { label: 'p50', q: 0.5 },
  { label: 'p99', q: 0.99 },
  { label: 'p999', q: 0.999 },
];

const INTEGRITY = ['lost', 'duplicated', 'outOfOrder'] as const;

/** Always the same metrics in the same order, whatever the phase measured (missing ones: null). */
export function phaseMetrics(phase: PhaseResult): MetricMeasurement[] {
  return [
    exactMetric('throughput', 'msg/s', 'higher-is-better', 'throughput', phase.achievedRate),
    ...LATENCIES.flatMap(({ label, field }) => latencyMetrics(label, phase[field])),
    exactMetric('failed', 'count', 'lower-is-better', 'failed', totalFailed(phase)),
    ...integrityMetrics(phase.integrity),
  ];
}

function latencyMetrics(label: string, summary: LatencySummaryUs): MetricMeasurement[] {
  const histogram = summary.count === 0 ? null : decodeHistogram(summary.histogram);
  const metric = (stat: string, estimate: (h: Histogram) => Estimate | null): MetricMeasurement => ({
    metric: `${label}.${stat}`,
    unit: 'us',
    direction: 'lower-is-better',
    zeroTolerance: false,
    estimate: histogram === null ? null : estimate(histogram),
    undecided: false,
    family: 'latency',
  });
  return [
    ...QUANTILES.map(({ label: stat, q }) => metric(stat, (h) => quantileEstimate(h, q))),
    metric('max', maxEstimate),
  ];
}

function integrityMetrics(counts: IntegrityCounts | null): MetricMeasurement[] {
  return INTEGRITY.map((name) => ({
    metric: name,
    unit: 'count',
    direction: 'lower-is-better',
    zeroTolerance: true,
    estimate: counts === null ? null : exact(counts[name]),
    undecided: unverifiedOf(counts) > 0,
    family: 'integrity',
  }));
}

/** Absent in results of kload before 0.2. */
export function unverifiedOf(counts: IntegrityCounts | null): number {
  return counts?.unverified ?? 0;
}

function exactMetric(
  metric: string,
  unit: MetricUnit,
  direction: Direction,
  family: MetricMeasurement['family'],
  value: number,
): MetricMeasurement {
  return { metric, unit, direction, zeroTolerance: false, estimate: exact(value), undecided: false, family };
}

function exact(value: number): Estimate {
  return { value, low: value, high: value };
}
