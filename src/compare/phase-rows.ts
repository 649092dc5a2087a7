/**
 * One recorded phase compared, base against head: every metric of phase-metrics.ts as each run on
 * each side measured it, folded into a row. A single run keeps its within-run interval for show;
 * repeats show their mean and range. The verdict is left to compare-results.ts, which must first
 * know how many rows are judged between runs (the family-wise correction).
 */
import type { PhaseResult } from '../result/result-types.js';
import { phaseMetrics, type MetricMeasurement } from './phase-metrics.js';
import type { Estimate } from './types.js';
import { meanOf } from './judge-change.js';

/** A row before its verdict. */
export interface RowDraft {
  phase: string;
  first: MetricMeasurement;
  base: Estimate | null;
  head: Estimate | null;
  baseValues: number[];
  headValues: number[];
  undecided: boolean;
}

export function phaseRowDrafts(phase: string, base: readonly PhaseResult[], head: readonly PhaseResult[]): RowDraft[] {
  const baseMetrics = base.map(phaseMetrics);
  const headMetrics = head.map(phaseMetrics);
  const template = baseMetrics[0] ?? headMetrics[0] ?? [];
  const drafts = template.map((first, k): RowDraft => {
    const baseOf = baseMetrics.map((metrics) => metrics[k] as MetricMeasurement);
    const headOf = headMetrics.map((metrics) => metrics[k] as MetricMeasurement);
    return {
      phase,
      first,
      base: foldEstimates(baseOf),
      head: foldEstimates(headOf),
      baseValues: valuesOf(baseOf),
      headValues: valuesOf(headOf),
      undecided: [...baseOf, ...headOf].some((m) => m.undecided),
    };
  });
  // No rows for what no run measured (a scenario without consumers has no end-to-end latency).
  return drafts.filter((d) => d.first.family === 'throughput' || d.first.family === 'failed' || measured(d));
}

function measured(draft: RowDraft): boolean {
  return draft.baseValues.length > 0 || draft.headValues.length > 0;
}

function valuesOf(measurements: readonly MetricMeasurement[]): number[] {
  return measurements.flatMap((m) => (m.estimate === null ? [] : [m.estimate.value]));
}

/** One run: its estimate. Repeats: their mean (geometric for latencies and rates), low and high their range. */
function foldEstimates(measurements: readonly MetricMeasurement[]): Estimate | null {
  const estimates = measurements.flatMap((m) => (m.estimate === null ? [] : [m.estimate]));
  if (estimates.length <= 1) return estimates[0] ?? null;
  const values = estimates.map((e) => e.value);
  const unit = (measurements[0] as MetricMeasurement).unit;
  return {
    value: meanOf(values, unit === 'count' ? 'linear' : 'log'),
    low: Math.min(...values),
    high: Math.max(...values),
  };
}
