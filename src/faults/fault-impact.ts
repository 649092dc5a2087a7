/**
 * Pure: what one fault did to the load, from the run's own measurements. Times are seconds since
 * the schedule started (phases run back to back from there); a phase's intervals are seconds
 * since the phase started, at each interval's end.
 *
 * - baseline: the publish p99 of the fault's phase before the fault. A saved result keeps one p99
 *   per interval, not their histograms, so the p99 of all those seconds together is not at hand;
 *   it lies between their median and their maximum. The maximum is taken: "recovered" then means
 *   no second worse than twice the worst second before the fault, which a noisy but healthy phase
 *   still passes and a fault that doubles latency does not.
 * - recovery: from the fault's start until every second to the end of the phase has acks and a
 *   p99 within 2× the baseline. A second without acks is not recovered (unless nothing was due).
 * - window: from the fault's start to the later of its end and its recovery (the phase's end when it
 *   never recovered; the schedule's end for a fault that never ended).
 * - unavailability: the longest ack gap of any partition that overlaps the window.
 * - lost / duplicated: messages intended in the window, counted by whole intervals (those the
 *   window touches), since the producers map times to sequence numbers per interval.
 */
import type { IntervalStats, PhaseResult } from '../result/result-types.js';
import { longestGapIn, type AckGap } from './ack-gaps.js';
import type { FaultImpact, FaultRecord } from './fault-types.js';

/** A second is recovered when its p99 is within this factor of the baseline (the 2×). */
export const RECOVERY_FACTOR = 2;
/** Seconds of the previous phase used as the yardstick for a fault at its phase's very start. */
const PREVIOUS_PHASE_SECONDS = 10;

export interface WindowCounts {
  /** Null when not known: the drain was cut short, so an unread message may only be late. */
  lost: number | null;
  duplicated: number;
}

export interface ImpactInputs {
  phases: PhaseResult[];
  /** Length of one interval, seconds (the run's --interval). */
  intervalSec: number;
  gaps: AckGap[];
  /** Lost and duplicated messages intended in schedule intervals [from, to); null when not checked. */
  countInWindow: (fromInterval: number, toInterval: number) => WindowCounts | null;
}

/** Null when the fault never ran, or its phase did not run. */
export function faultImpact(fault: FaultRecord, input: ImpactInputs): FaultImpact | null {
  if (fault.startedAtSec === null) return null;
  const index = input.phases.findIndex((p) => p.name === fault.phase);
  if (index < 0) return null;
  const starts = phaseStarts(input.phases);
  const phase = input.phases[index]!;
  const phaseStartSec = starts[index]!;
  if (phase.durationSec <= 0) return null;
  const atSec = fault.startedAtSec - phaseStartSec;
  const own = inPhase(phase, input.intervalSec);
  const before = own.filter((iv) => iv.elapsedSec <= atSec + 1e-9);
  const baselineP99Us = worstP99(before);
  const yardstick = baselineP99Us ?? previousPhaseP99(input.phases, index, input.intervalSec);
  const recoverySec = yardstick === null ? null : recoveryAfter(own, atSec, yardstick, input.intervalSec);

  const scheduleEndSec = starts.at(-1)! + input.phases.at(-1)!.durationSec;
  const faultEndSec = fault.endedAtSec ?? scheduleEndSec;
  const recoveredAtSec = recoverySec === null ? phaseStartSec + phase.durationSec : fault.startedAtSec + recoverySec;
  const window = { fromSec: fault.startedAtSec, toSec: Math.max(faultEndSec, recoveredAtSec) };

  const gap = longestGapIn(input.gaps, window.fromSec * 1e6, window.toSec * 1e6);
  const counts = input.countInWindow(
    Math.floor(window.fromSec / input.intervalSec + 1e-9),
    Math.ceil(window.toSec / input.intervalSec - 1e-9),
  );
  return {
    unavailabilityMs: gap === null ? 0 : (gap.toUs - gap.fromUs) / 1000,
    unavailablePartition: gap === null ? null : gap.partition,
    baselineP99Us,
    recoverySec,
    lostInWindow: counts?.lost ?? null,
    duplicatedInWindow: counts?.duplicated ?? null,
    window,
  };
}

/** Seconds from the schedule start to each phase's start. */
export function phaseStarts(phases: PhaseResult[]): number[] {
  let at = 0;
  return phases.map((p) => {
    const start = at;
    at += p.durationSec;
    return start;
  });
}

/**
 * The phase's intervals that began inside it: acks of the drain after the last phase are filed
 * under it with later indices, and are not part of how the phase ended.
 */
function inPhase(phase: PhaseResult, intervalSec: number): IntervalStats[] {
  return [...phase.intervals]
    .sort((a, b) => a.elapsedSec - b.elapsedSec)
    .filter((iv) => iv.elapsedSec - intervalSec < phase.durationSec - 1e-9);
}

function worstP99(intervals: IntervalStats[]): number | null {
  const measured = intervals.filter((iv) => iv.ackedPerSec > 0);
  return measured.length === 0 ? null : Math.max(...measured.map((iv) => iv.publishP99Us));
}

/** For a fault at its phase's very start: the last seconds of the phase before, when there is one. */
function previousPhaseP99(phases: PhaseResult[], index: number, intervalSec: number): number | null {
  if (index === 0) return null;
  const previous = inPhase(phases[index - 1]!, intervalSec);
  return worstP99(previous.slice(-Math.ceil(PREVIOUS_PHASE_SECONDS / intervalSec)));
}

/** Seconds from `atSec` (into the phase) to the start of the run of good seconds that ends the phase. */
function recoveryAfter(
  intervals: IntervalStats[],
  atSec: number,
  baselineUs: number,
  intervalSec: number,
): number | null {
  // A second without acks is good only when the schedule asked for nothing in it: a stalled
  // producer (full queue, in-flight cap) sends nothing either, and that is the fault showing.
  const good = (iv: IntervalStats) =>
    iv.ackedPerSec > 0 ? iv.publishP99Us <= RECOVERY_FACTOR * baselineUs : iv.targetPerSec === 0;
  const after = intervals.filter((iv) => iv.elapsedSec > atSec + 1e-9);
  if (after.length === 0 || !good(after.at(-1)!)) return null;
  let first = after.length - 1;
  while (first > 0 && good(after[first - 1]!)) first--;
  return Math.max(0, after[first]!.elapsedSec - intervalSec - atSec);
}
