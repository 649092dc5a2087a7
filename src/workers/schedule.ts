/**
 * Pure timing of an open-loop schedule. Message i of a paced phase is *intended* at
 * phaseStart + i / rate, whatever happened to earlier messages: a stalled generator or a full
 * queue delays the send, never the intended time, so latency measured from it includes the stall
 * (no coordinated omission).
 */
import type { WorkerPhase } from './protocol.js';

export interface TimedPhase extends WorkerPhase {
  index: number;
  /** This thread's part of the scenario-wide schedule (one slot of one when planned alone). */
  slots: number[];
  of: number;
  scenarioRate: number | null;
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
    const scenarioRate = p.share?.scenarioRateMsgsPerSec ?? p.rateMsgsPerSec;
    const timed: TimedPhase = {
      ...p,
      index,
      slots: p.share?.slots ?? [0],
      of: p.share?.of ?? 1,
      scenarioRate,
      startUs,
      endUs: startUs + durationUs,
      total: Infinity,
    };
    if (scenarioRate !== null) timed.total = ownMessages(timed, Math.floor((durationUs * scenarioRate) / 1e6));
    startUs += durationUs;
    return timed;
  });
}

/** The phase running at `offsetUs` from the run start; the last phase for any later time. */
export function phaseIndexAt(timeline: TimedPhase[], offsetUs: number): number {
  for (let i = timeline.length - 1; i >= 0; i--) if (offsetUs >= timeline[i]!.startUs) return i;
  return 0;
}

/** How many of this thread's messages of a paced phase are due by `elapsedUs` into it (message 0 is due at 0). */
export function dueCount(phase: TimedPhase, elapsedUs: number): number {
  if (phase.scenarioRate === null || elapsedUs < 0) return 0;
  return Math.min(phase.total, ownMessages(phase, Math.floor((elapsedUs * phase.scenarioRate) / 1e6) + 1));
}

/** Intended time of this thread's message j of a paced phase, as an offset from the run start (µs). */
export function intendedOffsetUs(phase: TimedPhase, j: number): number {
  const m = phase.slots.length;
  const k = Math.floor(j / m) * phase.of + phase.slots[j % m]!;
  return phase.startUs + (k * 1e6) / phase.scenarioRate!;
}

/** Of the first `scenarioMessages` messages of the schedule, how many fall on this thread's slots. */
function ownMessages(phase: TimedPhase, scenarioMessages: number): number {
  const rest = scenarioMessages % phase.of;
  let n = Math.floor(scenarioMessages / phase.of) * phase.slots.length;
  for (const slot of phase.slots) if (slot < rest) n++;
  return n;
}
