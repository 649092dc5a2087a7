/**
 * A phase's 1-second interval series turned into columns (one array per line on a chart), in the
 * units the charts show: messages/s, milliseconds, messages. A column that the phase cannot have
 * (a target for an unpaced phase, consumption without consumers) is null rather than zeros, so
 * the chart leaves it out instead of drawing a flat line that looks like a measurement.
 */
import type { PhaseResult } from '../../result/result-types.js';

export interface PhaseTimeSeries {
  /** Seconds since the phase started, at each interval's end. */
  elapsedSec: number[];
  sentPerSec: number[];
  ackedPerSec: number[];
  /** null when the phase had no consumers. */
  consumedPerSec: number[] | null;
  /** null for unpaced (max) phases. */
  targetPerSec: (number | null)[] | null;
  publishP50Ms: number[];
  publishP99Ms: number[];
  publishMaxMs: number[];
  /** null for unpaced phases: their schedule delay is 0 by definition. */
  scheduleDelayP99Ms: number[] | null;
  /** null when no interval sampled a lag (no consumers). */
  consumerLag: (number | null)[] | null;
}

export function phaseTimeSeries(phase: PhaseResult): PhaseTimeSeries {
  const intervals = [...phase.intervals].sort((a, b) => a.elapsedSec - b.elapsedSec);
  const paced = intervals.some((i) => i.targetPerSec !== null);
  const hasLag = intervals.some((i) => i.consumerLag !== null);
  return {
    elapsedSec: intervals.map((i) => i.elapsedSec),
    sentPerSec: intervals.map((i) => i.sentPerSec),
    ackedPerSec: intervals.map((i) => i.ackedPerSec),
    consumedPerSec: hasConsumers(phase) ? intervals.map((i) => i.consumedPerSec) : null,
    targetPerSec: paced ? intervals.map((i) => i.targetPerSec) : null,
    publishP50Ms: intervals.map((i) => usToMs(i.publishP50Us)),
    publishP99Ms: intervals.map((i) => usToMs(i.publishP99Us)),
    publishMaxMs: intervals.map((i) => usToMs(i.publishMaxUs)),
    scheduleDelayP99Ms: paced ? intervals.map((i) => usToMs(i.scheduleDelayP99Us)) : null,
    consumerLag: hasLag ? intervals.map((i) => i.consumerLag) : null,
  };
}

/** Integrity is only checked, and the clock only chosen, when the phase had consumers. */
export function hasConsumers(phase: PhaseResult): boolean {
  return phase.integrity !== null || phase.endToEndClock !== null || phase.consumerWorkers.length > 0;
}

export function usToMs(us: number): number {
  return us / 1000;
}
