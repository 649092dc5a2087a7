/**
 * The latency knee of one ramp phase, from its interval series: each interval is one point,
 * offered rate = what the schedule asked for in it, p99 = the publish p99 of its acks.
 */
import { KloadError } from '../../errors.js';
import { findLatencyKnee, KNEE_MIN_POINTS, type RampPoint } from '../../model/latency-knee.js';
import type { PhaseResult } from '../../result/result-types.js';
import type { RampKnee } from './types.js';

export function rampKnee(phase: PhaseResult): RampKnee {
  const points = rampPoints(phase);
  if (points.length < KNEE_MIN_POINTS) {
    return {
      computed: false,
      points: points.length,
      reason:
        `too few intervals: ${points.length} of the ramp's ${phase.intervals.length} have a target rate and acks; ` +
        `a knee needs at least ${KNEE_MIN_POINTS} (a longer ramp gives more)`,
    };
  }
  try {
    return { computed: true, points: points.length, generatorBound: phase.generatorBound, ...findLatencyKnee(points) };
  } catch (error) {
    // e.g. a floor of 0 µs, which no threshold can be scaled from: say so instead of failing the report.
    if (!(error instanceof KloadError)) throw error;
    return { computed: false, points: points.length, reason: error.message };
  }
}

/**
 * Intervals that start inside the phase, have a target and acknowledged something. The last
 * phase's drain (acks after its end) is left out: it offered nothing, so its late acks' p99
 * would make a knee out of the queue emptying.
 */
export function rampPoints(phase: PhaseResult): RampPoint[] {
  const points: RampPoint[] = [];
  let startSec = 0;
  for (const interval of phase.intervals) {
    const inside = startSec < phase.durationSec - 1e-9;
    startSec = interval.elapsedSec;
    if (!inside || interval.targetPerSec === null || !(interval.ackedPerSec > 0)) continue;
    points.push({ offeredRateMsgsPerSec: interval.targetPerSec, p99Us: interval.publishP99Us });
  }
  return points;
}
