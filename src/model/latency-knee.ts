/**
 * Where latency bends on a ramp: the offered rate from which p99 leaves its low-load floor for
 * good. A single slow interval (a GC pause, a log roll) must not count, hence "stays above",
 * and the floor is a median so that one such interval at low load does not lift it.
 */
import { KloadError } from '../errors.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../text/format.js';

export interface RampPoint {
  /** Offered (target) rate of the interval, messages per second. */
  offeredRateMsgsPerSec: number;
  /** p99 latency of the interval, microseconds. */
  p99Us: number;
}

export interface LatencyKneeOptions {
  /** p99 above factor × floor counts as off the floor. Default 2. */
  factor?: number;
  /** Consecutive points above that make a knee even if the ramp later recovers. Default 3. */
  minConsecutive?: number;
}

export interface KneePoint {
  /** Index in the caller's array. */
  index: number;
  offeredRateMsgsPerSec: number;
  p99Us: number;
}

/** knee is null when the ramp never left the floor for good; `reason` then says what was seen. */
export type LatencyKnee =
  | { knee: KneePoint; floorP99Us: number; thresholdUs: number; evidence: string }
  | { knee: null; floorP99Us: number; thresholdUs: number; reason: string };

/** Fewer points leave no room for a floor and a run above it. */
export const KNEE_MIN_POINTS = 3;

/** Share of the slowest-rate points whose median p99 is the floor. */
const FLOOR_SHARE = 0.2;

export function findLatencyKnee(points: readonly RampPoint[], options: LatencyKneeOptions = {}): LatencyKnee {
  const factor = options.factor ?? 2;
  const minConsecutive = options.minConsecutive ?? 3;
  checkInputs(points, factor, minConsecutive);
  const sorted = points
    .map((point, index) => ({ index, offeredRateMsgsPerSec: point.offeredRateMsgsPerSec, p99Us: point.p99Us }))
    .sort((a, b) => a.offeredRateMsgsPerSec - b.offeredRateMsgsPerSec);
  const floorCount = Math.max(1, Math.ceil(sorted.length * FLOOR_SHARE));
  const floorP99Us = median(sorted.slice(0, floorCount).map((p) => p.p99Us));
  if (!(floorP99Us > 0)) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `the p99 floor of the lowest rates is ${floorP99Us} µs; it must be positive to scale a threshold from it`,
    );
  }
  const thresholdUs = factor * floorP99Us;
  const above = sorted.map((p) => p.p99Us > thresholdUs);
  const limit = `${formatDecimal(factor, 1)}× the floor (${formatMsFromUs(floorP99Us)} ms)`;
  for (let i = 0; i < sorted.length; i++) {
    const run = runLength(above, i);
    if (run > 0 && (run >= minConsecutive || i + run === sorted.length)) {
      const knee = sorted[i] as KneePoint;
      const stays = i + run === sorted.length ? 'for the rest of the ramp' : `for ${run} consecutive points`;
      return {
        knee,
        floorP99Us,
        thresholdUs,
        evidence:
          `p99 leaves ${limit} at ${formatCount(knee.offeredRateMsgsPerSec)} msg/s ` +
          `(p99 ${formatMsFromUs(knee.p99Us)} ms) and stays above ${stays}`,
      };
    }
  }
  const highest = formatCount((sorted[sorted.length - 1] as KneePoint).offeredRateMsgsPerSec);
  const spikes = above.filter(Boolean).length;
  const reason =
    spikes === 0
      ? `p99 stayed within ${limit} up to ${highest} msg/s: the ramp never left the floor`
      : `p99 rose above ${limit} at ${spikes} isolated point(s) up to ${highest} msg/s ` +
        `but never stayed there for ${minConsecutive} points or to the end of the ramp`;
  return { knee: null, floorP99Us, thresholdUs, reason };
}

function checkInputs(points: readonly RampPoint[], factor: number, minConsecutive: number): void {
  if (points.length < KNEE_MIN_POINTS) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `too few points: finding a knee needs at least ${KNEE_MIN_POINTS} ramp intervals (got ${points.length})`,
    );
  }
  if (!(Number.isFinite(factor) && factor > 1)) {
    throw new KloadError('INVALID_ARGUMENT', `knee factor is ${factor}; it must be a finite number above 1`);
  }
  if (!(Number.isInteger(minConsecutive) && minConsecutive >= 1)) {
    throw new KloadError('INVALID_ARGUMENT', `minConsecutive is ${minConsecutive}; it must be a whole number ≥ 1`);
  }
  points.forEach((p, i) => {
    if (!(Number.isFinite(p.offeredRateMsgsPerSec) && p.offeredRateMsgsPerSec >= 0)) {
      throw new KloadError(
        'INVALID_ARGUMENT',
        `point ${i}: offered rate is ${p.offeredRateMsgsPerSec}; it must be a finite number ≥ 0`,
      );
    }
    if (!(Number.isFinite(p.p99Us) && p.p99Us >= 0)) {
      throw new KloadError('INVALID_ARGUMENT', `point ${i}: p99 is ${p.p99Us} µs; it must be a finite number ≥ 0`);
    }
  });
}

function runLength(above: readonly boolean[], start: number): number {
  let end = start;
  while (end < above.length && above[end] === true) end++;
  return end - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
