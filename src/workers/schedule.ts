/**
 * Pure timing of a thread's part of an open-loop schedule. Message k of a paced phase is
 * *intended* at the time the scenario-wide schedule gives it, whatever happened to earlier
 * messages: a stalled generator or a full queue delays the send, never the intended time, so
 * latency measured from it includes the stall (no coordinated omission).
 */
import type { WorkerPhase } from './protocol.js';
import { intendedTimeUs, messagesDue, rateAt, totalMessages, type RateSegment } from './rate-profile.js';

export interface TimedPhase extends WorkerPhase {
  index: number;
  /** Offset from the run's start, µs. */
  startUs: number;
  endUs: number;
  /** This thread's messages in the phase; Infinity when unpaced. */
  total: number;
}

export function buildTimeline(phases: WorkerPhase[]): TimedPhase[] {
  let startUs = 0;
  return phases.map((p, index) => {
    const durationUs = p.durationMs * 1000;
    const timed: TimedPhase = { ...p, index, startUs, endUs: startUs + durationUs, total: Infinity };
    if (p.schedule) timed.total = ownMessages(p.schedule, totalMessages(p.schedule.segments));
    startUs += durationUs;
    return timed;
  });
}

/** The phase running at `offsetUs` from the run start; the last phase for any later time. */
export function phaseIndexAt(timeline: TimedPhase[], offsetUs: number): number {
  for (let i = timeline.length - 1; i >= 0; i--) if (offsetUs >= timeline[i]!.startUs) return i;
  return 0;
}

/** How many of this thread's messages of a paced phase are due by `elapsedUs` into it. */
export function dueCount(phase: TimedPhase, elapsedUs: number): number {
  if (!phase.schedule || elapsedUs < 0) return 0;
  return Math.min(phase.total, ownMessages(phase.schedule, messagesDue(phase.schedule.segments, elapsedUs)));
}

/** Intended time of this thread's message j of a paced phase, as an offset from the run start (µs). */
export function intendedOffsetUs(phase: TimedPhase, j: number): number {
  const { segments, slots, of } = phase.schedule!;
  const m = slots.length;
  const k = Math.floor(j / m) * of + slots[j % m]!;
  return phase.startUs + intendedTimeUs(segments, k);
}

/** The scenario-wide rate the schedule asks for at `elapsedUs` into the phase; null when unpaced. */
export function targetRateAt(phase: WorkerPhase, elapsedUs: number): number | null {
  return phase.schedule ? rateAt(phase.schedule.segments, elapsedUs) : null;
}

/** Of the first `scenarioMessages` messages of the schedule, how many fall on this thread's slots. */
function ownMessages(schedule: { slots: number[]; of: number }, scenarioMessages: number): number {
  const rest = scenarioMessages % schedule.of;
  let n = Math.floor(scenarioMessages / schedule.of) * schedule.slots.length;
  for (const slot of schedule.slots) if (slot < rest) n++;
  return n;
}

export type { RateSegment };
