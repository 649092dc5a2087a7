/** Figures of a phase result that several reports derive the same way (console, HTML, compare, thresholds, models). */
import type { PhaseResult } from './result-types.js';

/** MB are 10^6 bytes everywhere in kload's results. */
export const BYTES_PER_MB = 1_000_000;

export function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

/** Failed deliveries of every error code. */
export function totalFailed(phase: Pick<PhaseResult, 'failed'>): number {
  return sumOf(Object.values(phase.failed), (count) => count);
}

/** Acknowledged payload MB/s over the phase; 0 for a phase of no length. */
export function phaseMBPerSec(phase: Pick<PhaseResult, 'bytes' | 'durationSec'>): number {
  return phase.durationSec > 0 ? phase.bytes / BYTES_PER_MB / phase.durationSec : 0;
}
