/**
 * Pure: the plan's figures as lines a chart draws on the axis that measures them: the target and
 * the p99 limit, and on a plan the planned capacity, the load per planned partition and the
 * planned N, K and R (where the plan sits among the measured grid).
 */
import type { PlanOutcome } from '../../../plan/plan-types.js';
import { formatCount, formatMsFromUs } from '../../../text/format.js';
import type { AxisQuantity, XyStyle } from '../sweep/xy-chart.js';
import type { HeadroomFigures } from './headroom.js';

/** A level a chart draws where one of its axes measures `quantity`. */
export interface ReferenceLine {
  quantity: AxisQuantity;
  value: number;
  label: string;
  color: string;
  style: Extract<XyStyle, 'line' | 'dashed'>;
}

/** Red: what the plan must reach or stay under; green: what the planned configuration can do. */
export const PLAN_COLORS = { limit: '#cf222e', capacity: '#1a7f37', planned: '#57606a', evidence: '#d6336c' };

/**
 * The target and the p99 limit, and on a plan the planned capacity, the load per planned
 * partition and the planned N, K and R (where the plan sits among the measured grid).
 */
export function referenceLines(figures: HeadroomFigures, outcome: PlanOutcome): ReferenceLine[] {
  const lines: ReferenceLine[] = [];
  const add = (quantity: AxisQuantity, value: number, label: string, color: string, style: ReferenceLine['style']) =>
    lines.push({ quantity, value, label, color, style });
  if (figures.targetMsgsPerSec !== null)
    add(
      'throughputMsgsPerSec',
      figures.targetMsgsPerSec,
      `target ${formatCount(figures.targetMsgsPerSec)} msg/s`,
      PLAN_COLORS.limit,
      'line',
    );
  add(
    'publishLatencyMs',
    figures.p99LimitUs / 1000,
    `p99 limit ${formatMsFromUs(figures.p99LimitUs)} ms`,
    PLAN_COLORS.limit,
    'line',
  );
  if (figures.capacity !== null) {
    const capacity = figures.capacity.msgsPerSec;
    add(
      'throughputMsgsPerSec',
      capacity,
      `planned capacity ${formatCount(capacity)} msg/s`,
      PLAN_COLORS.capacity,
      'dashed',
    );
  }
  if (figures.perPartition !== null) {
    const { loadMsgsPerSec: load, partitions } = figures.perPartition;
    add(
      'perPartitionMsgsPerSec',
      load,
      `target / ${partitions} partitions = ${formatCount(load)} msg/s`,
      PLAN_COLORS.limit,
      'line',
    );
  }
  if (outcome.ok) {
    const { plan } = outcome;
    const planned: [AxisQuantity, number | null, string][] = [
      ['producers', plan.producers.value, 'N'],
      ['partitions', plan.partitions.value, 'K'],
      ['recordBytes', plan.request.messageBytes, 'R'],
    ];
    for (const [quantity, value, symbol] of planned)
      if (value !== null)
        add(quantity, value, `planned ${symbol} = ${formatCount(value)}`, PLAN_COLORS.planned, 'dashed');
  }
  return lines;
}
