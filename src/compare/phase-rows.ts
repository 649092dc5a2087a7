/**
 * The metrics compared for one recorded phase, base against head: achieved throughput, the
 * latency percentiles users feel (publish), the cluster's share (service) and end-to-end, failed
 * deliveries and the integrity counts.
 */
import { decodeHistogram } from '../metrics/histogram.js';
import type { IntegrityCounts, LatencySummaryUs, PhaseResult } from '../result/result-types.js';
import { maxEstimate, quantileEstimate } from './quantile-interval.js';
import type { ComparisonRow, Direction, Estimate, MetricUnit } from './types.js';
import { relativeDelta, verdictOf } from './verdict.js';
import { totalFailed } from '../result/phase-figures.js';

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

interface RowSpec {
  metric: string;
  unit: MetricUnit;
  direction: Direction;
  zeroTolerance: boolean;
  base: Estimate | null;
  head: Estimate | null;
  /** A side's value cannot be judged (integrity while messages are unverified): n/a, whatever the numbers. */
  undecided?: boolean;
}

export function phaseRows(base: PhaseResult, head: PhaseResult, maxRegression: number): ComparisonRow[] {
  const specs: RowSpec[] = [
    // Without repeated runs a rate has no sampling interval; the tolerance is its noise band.
    exactSpec('throughput', 'msg/s', 'higher-is-better', base.achievedRate, head.achievedRate),
    ...LATENCIES.flatMap(({ label, field }) => latencySpecs(label, base[field], head[field])),
    exactSpec('failed', 'count', 'lower-is-better', totalFailed(base), totalFailed(head)),
    ...integritySpecs(base.integrity, head.integrity),
  ];
  return specs.map((spec) => ({
    phase: base.name,
    metric: spec.metric,
    unit: spec.unit,
    direction: spec.direction,
    base: spec.base,
    head: spec.head,
    delta: spec.base === null || spec.head === null ? null : relativeDelta(spec.base.value, spec.head.value),
    verdict: spec.undecided ? 'n/a' : verdictOf(spec, maxRegression),
  }));
}

/** No rows when neither run has samples (a scenario without consumers has no end-to-end latency). */
function latencySpecs(label: string, base: LatencySummaryUs, head: LatencySummaryUs): RowSpec[] {
  if (base.count === 0 && head.count === 0) return [];
  const baseHistogram = base.count === 0 ? null : decodeHistogram(base.histogram);
  const headHistogram = head.count === 0 ? null : decodeHistogram(head.histogram);
  const spec = (metric: string, estimate: (h: NonNullable<typeof baseHistogram>) => Estimate | null): RowSpec => ({
    metric: `${label}.${metric}`,
    unit: 'us',
    direction: 'lower-is-better',
    zeroTolerance: false,
    base: baseHistogram === null ? null : estimate(baseHistogram),
    head: headHistogram === null ? null : estimate(headHistogram),
  });
  return [
    ...QUANTILES.map(({ label: stat, q }) => spec(stat, (h) => quantileEstimate(h, q))),
    spec('max', maxEstimate),
  ];
}

/**
 * No rows when neither run checked integrity (no consumers); n/a when only one did, or when one
 * has unverified messages (its drain did not finish, so its counts are no verdict; a note says so).
 */
function integritySpecs(base: IntegrityCounts | null, head: IntegrityCounts | null): RowSpec[] {
  if (base === null && head === null) return [];
  const undecided = unverifiedOf(base) > 0 || unverifiedOf(head) > 0;
  return INTEGRITY.map((name) => ({
    metric: name,
    unit: 'count',
    direction: 'lower-is-better',
    zeroTolerance: true,
    base: base === null ? null : exact(base[name]),
    head: head === null ? null : exact(head[name]),
    undecided,
  }));
}

/** Absent in results of kload before 0.2. */
export function unverifiedOf(counts: IntegrityCounts | null): number {
  return counts?.unverified ?? 0;
}

function exactSpec(metric: string, unit: MetricUnit, direction: Direction, base: number, head: number): RowSpec {
  return { metric, unit, direction, zeroTolerance: false, base: exact(base), head: exact(head) };
}

function exact(value: number): Estimate {
  return { value, low: value, high: value };
}
