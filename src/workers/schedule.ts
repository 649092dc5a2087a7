/**
 * Pure timing of an open-loop schedule. Message i of a paced phase is *intended* at
 * phaseStart + i / rate, whatever happened to earlier messages: a stalled generator or a full
 * queue delays the send, never the intended time, so latency measured from it includes the stall
 * (no coordinated omission).
 */
import type { WorkerPhase } from './protocol.js';

export interface TimedPhase extends WorkerPhase {
  index: number;
  /** Offset from the run's start, µs. */
  startUs: number;
  endUs: number;
  /** Messages the schedule holds for this phase; Infinity when unpaced. */
  total: number;
}

export function buildTimeline(phases: WorkerPhase[]): TimedPhase[] {
  let startUs = 0;
  return phases.map((p, index) => {
    const durationUs = p.durationMs * 1000;
    const timed: TimedPhase = {
      ...p,
      index,
      startUs,
      endUs: startUs + durationUs,
      total: p.rateMsgsPerSec === null ? Infinity : Math.floor((durationUs * p.rateMsgsPerSec) / 1e6),
    };
    startUs += durationUs;
    return timed;
  });
}

/** The phase running at `offsetUs` from the run start; the last phase for any later time. */
export function phaseIndexAt(timeline: TimedPhase[], offsetUs: number): number {
  for (let i = timeline.length - 1; i >= 0; i--) if (offsetUs >= timeline[i]!.startUs) return i;
  return 0;
}

/** How many messages of a paced phase are due by `elapsedUs` into it (message 0 is due at 0). */
export function dueCount(phase: TimedPhase, elapsedUs: number): number {
  if (phase.rateMsgsPerSec === null || elapsedUs < 0) return 0;
  return Math.min(phase.total, Math.floor((elapsedUs * phase.rateMsgsPerSec) / 1e6) + 1);
}

/** Intended time of message i of a paced phase, as an offset from the run start (µs). */
export function intendedOffsetUs(phase: TimedPhase, i: number): number {
  return phase.startUs + (i * 1e6) / phase.rateMsgsPerSec!;
}
