/**
 * Pure: how far a sweep is and how long it still takes. The estimate starts from the planned
 * phase lengths plus a fixed per-point cost, and once points have run, from what they really took.
 */
import type { Phase } from '../scenario/types.js';
import type { SweepPointParameters } from './grid.js';

/**
 * Topic creation, client connects, the consumer group's first rebalance and the final drain: a
 * point takes about this much longer than its phases on a small machine.
 */
export const POINT_OVERHEAD_MS = 4_000;

export interface SweepProgress {
  /** 1-based. */
  pointNumber: number;
  total: number;
  parameters: SweepPointParameters;
  /** Time left for this point and every later one, ms. */
  etaMs: number;
  /** True until a point has finished, while the ETA still rests on the planned phase lengths. */
  etaEstimated: boolean;
}

export function plannedPointMs(phases: readonly Phase[]): number {
  return phases.reduce((sum, phase) => sum + phase.durationMs, 0) + POINT_OVERHEAD_MS;
}

export function sweepProgress(input: {
  parameters: SweepPointParameters;
  total: number;
  completedPointMs: readonly number[];
  plannedPointMs: number;
}): SweepProgress {
  const { completedPointMs } = input;
  const measured = completedPointMs.length > 0;
  const perPoint = measured
    ? completedPointMs.reduce((a, b) => a + b, 0) / completedPointMs.length
    : input.plannedPointMs;
  const remaining = input.total - input.parameters.index;
  return {
    pointNumber: input.parameters.index + 1,
    total: input.total,
    parameters: input.parameters,
    etaMs: Math.round(perPoint * remaining),
    etaEstimated: !measured,
  };
}

/** "point 3 of 8: N=2 producers on 2 threads, R=100 B, K=4 partitions (topic t-x-3), ETA 1m 05s". */
export function formatSweepProgress(p: SweepProgress): string {
  const q = p.parameters;
  const extras = [
    q.brokers === undefined ? null : `B=${q.brokers} broker${q.brokers === 1 ? '' : 's'} (RF ${q.replicationFactor})`,
    q.acks === null ? null : `acks=${q.acks}`,
    q.compression === null ? null : `compression=${q.compression}`,
    q.lingerMs === null ? null : `linger.ms=${q.lingerMs}`,
    q.repeat > 0 ? `repeat ${q.repeat + 1}` : null,
  ].filter((x) => x !== null);
  const params = [
    `N=${q.producers} producer${q.producers === 1 ? '' : 's'} on ${q.threads} thread${q.threads === 1 ? '' : 's'}`,
    `R=${q.messageBytes} B`,
    `K=${q.partitions} partition${q.partitions === 1 ? '' : 's'}`,
    ...extras,
  ].join(', ');
  return (
    `point ${p.pointNumber} of ${p.total}: ${params} (topic ${q.topic}), ` +
    `ETA ${p.etaEstimated ? '~' : ''}${formatEta(p.etaMs)}`
  );
}

/** "45s", "1m 05s", "1h 02m". */
export function formatEta(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
