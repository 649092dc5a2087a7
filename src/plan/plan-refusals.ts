/**
 * Pure: the reasons a sweep cannot support a plan. Each is a sentence with the numbers that
 * decided it and what to measure instead; `planCapacity` refuses when there is any.
 */
import { formatExponent } from '../model/power-law-verdict.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../text/format.js';
import type { SeedModel } from '../sweep/sweep-result-types.js';
import { describeConfiguration, pointList } from './configurations.js';
import type { BrokerSizing } from './plan-brokers.js';
import type { MeasuredConfiguration, PlanTarget } from './plan-types.js';

export interface SizeChoice {
  bytes: number | null;
  choice: string;
  reason: string | null;
}

/** The record size to plan for: the one asked for if measured; else the only one, else the largest. */
export function chooseMessageBytes(
  configs: readonly MeasuredConfiguration[],
  requested: number | undefined,
): SizeChoice {
  const sizes = [...new Set(configs.map((c) => c.messageBytes))].sort((a, b) => a - b);
  const list = sizes.join(', ');
  if (sizes.length === 0) {
    return {
      bytes: null,
      choice: 'none measured',
      reason: 'the sweep has no completed point with a positive throughput to plan from',
    };
  }
  if (requested !== undefined) {
    if (sizes.includes(requested)) return { bytes: requested, choice: 'given with --message-bytes', reason: null };
    const reason =
      `no point measured ${requested}-byte messages (measured: ${list} bytes); ` +
      `plan for a measured size or sweep messageBytes over ${requested}`;
    return { bytes: null, choice: 'given with --message-bytes', reason };
  }
  const largest = sizes[sizes.length - 1] as number;
  const choice =
    sizes.length === 1 ? 'the only size measured' : `the largest of ${list} bytes; --message-bytes chooses another`;
  return { bytes: largest, choice, reason: null };
}

/** The plan scales measured points; a fit that explains them poorly means they are too noisy to scale. */
export function fitProblem(model: SeedModel, minRSquared: number): string | null {
  if (!model.checked) return `the sweep has no throughput fit to check the points against: ${model.reason}`;
  const r2 = model.fit.rSquared;
  if (r2 >= minRSquared) return null;
  return (
    `the throughput fit ${model.fit.formula} has R² = ${formatExponent(r2)} < ${formatExponent(minRSquared)}: ` +
    'the points scatter too much ' +
    'around any consistent law to scale from; add repeats or longer points (pointDuration) to the sweep'
  );
}

export function noPointMeetsP99(atSize: readonly MeasuredConfiguration[], p99Us: number, bytes: number): string {
  const best = [...atSize].sort((a, b) => a.publishP99Us - b.publishP99Us)[0];
  const lowest =
    best === undefined
      ? ''
      : `: the lowest measured p99 was ${formatMsFromUs(best.publishP99Us)} ms ` +
        `(point ${pointList(best)}, ${describeConfiguration(best)})`;
  return (
    `no measured point with ${bytes}-byte messages meets p99 ≤ ${formatMsFromUs(p99Us)} ms${lowest}; ` +
    'a max-load sweep measures latency at full load, ' +
    'so lower maxInFlight in the sweep or sweep a paced load (load: scenario)'
  );
}

/** Null when the target lies within `factor` × the highest throughput measured within the SLO. */
export function beyondRange(
  targetMsgsPerSec: number,
  target: PlanTarget,
  range: readonly MeasuredConfiguration[],
  factor: number,
  withinSlo: boolean,
): string | null {
  const best = [...range].sort((a, b) => b.throughputMsgsPerSec - a.throughputMsgsPerSec)[0];
  if (best === undefined) return null;
  const limit = factor * best.throughputMsgsPerSec;
  if (targetMsgsPerSec <= limit) return null;
  const asked =
    target.unit === 'MB/s'
      ? `${formatDecimal(target.value, 2)} MB/s (${formatCount(targetMsgsPerSec)} msg/s)`
      : `${formatCount(targetMsgsPerSec)} msg/s`;
  return (
    `target ${asked} is outside the measured range: ` +
    `the highest throughput measured${withinSlo ? ' within the p99 limit' : ''} is ` +
    `${formatCount(best.throughputMsgsPerSec)} msg/s (point ${pointList(best)}, ${describeConfiguration(best)}), ` +
    'and a plan may reach at most ' +
    `${formatDecimal(factor, 2)}× that (${formatCount(limit)} msg/s), ` +
    `while the target is ${formatDecimal(targetMsgsPerSec / best.throughputMsgsPerSec, 1)}× it; ` +
    'sweep more producers and partitions, or a larger cluster'
  );
}

/** Null when the brokers the plan needs lie within `factor` × the largest cluster the sweep ran on. */
export function brokersBeyondRange(sizing: BrokerSizing | null, factor: number): string | null {
  if (sizing === null) return null;
  const limit = factor * sizing.largestMeasured;
  if (sizing.value <= limit) return null;
  return (
    `the plan needs ${sizing.value} brokers (${sizing.evidence}), ` +
    `beyond ${formatDecimal(factor, 2)}× the largest cluster measured, ${sizing.largestMeasured} ` +
    `broker${sizing.largestMeasured === 1 ? '' : 's'} (at most ${formatDecimal(limit, 2)}): ` +
    'per-broker throughput at that size was not measured; sweep larger clusters, or lower the target'
  );
}
