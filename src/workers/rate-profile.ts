/**
 * The cumulative message count of an open-loop schedule and its inverse. A phase is a list of
 * segments whose rate changes linearly (constant: from = to; ramp: one segment; steps: one
 * segment per step). Message k is intended at the time t where the cumulative count M(t) = k.
 */
export interface RateSegment {
  durationUs: number;
  fromRateMsgsPerSec: number;
  toRateMsgsPerSec: number;
}

/**
 * Float rounding must not turn an exact 3000.0 into 2999.9999 and drop the last message; relative, so
 * hour-long phases of 10^8+ messages are covered too.
 */
function floorTolerant(x: number): number {
  return Math.floor(x + Math.abs(x) * 1e-12 + 1e-9);
}

/** Messages the schedule holds from 0 up to `elapsedUs` (a real number, not rounded). */
export function cumulativeMessages(segments: RateSegment[], elapsedUs: number): number {
  let total = 0;
  let t = elapsedUs;
  for (const s of segments) {
    const tau = Math.min(Math.max(t, 0), s.durationUs) / 1e6;
    total += segmentCount(s, tau);
    t -= s.durationUs;
    if (t <= 0) break;
  }
  return total;
}

/** Whole messages in the schedule by `elapsedUs` (message 0 is due at 0). */
export function messagesDue(segments: RateSegment[], elapsedUs: number): number {
  if (elapsedUs < 0) return 0;
  return Math.min(totalMessages(segments), floorTolerant(cumulativeMessages(segments, elapsedUs)) + 1);
}

export function totalMessages(segments: RateSegment[]): number {
  const durationUs = segments.reduce((n, s) => n + s.durationUs, 0);
  return floorTolerant(cumulativeMessages(segments, durationUs));
}

/** When message k is intended, µs from the phase start. */
export function intendedTimeUs(segments: RateSegment[], k: number): number {
  let startUs = 0;
  let before = 0;
  for (const s of segments) {
    const inSegment = segmentCount(s, s.durationUs / 1e6);
    if (k < before + inSegment - 1e-9 || s === segments[segments.length - 1]) {
      return startUs + segmentTimeOf(s, k - before) * 1e6;
    }
    before += inSegment;
    startUs += s.durationUs;
  }
  return startUs;
}

/** Rate the schedule asks for at `elapsedUs` (for interval reports). */
export function rateAt(segments: RateSegment[], elapsedUs: number): number {
  let t = elapsedUs;
  for (const s of segments) {
    if (t < s.durationUs)
      return s.fromRateMsgsPerSec + ((s.toRateMsgsPerSec - s.fromRateMsgsPerSec) * t) / s.durationUs;
    t -= s.durationUs;
  }
  return segments[segments.length - 1]?.toRateMsgsPerSec ?? 0;
}

/** M(τ) = from·τ + (to − from)·τ² / (2d), τ and d in seconds. */
function segmentCount(s: RateSegment, tauSec: number): number {
  const d = s.durationUs / 1e6;
  return s.fromRateMsgsPerSec * tauSec + ((s.toRateMsgsPerSec - s.fromRateMsgsPerSec) * tauSec * tauSec) / (2 * d);
}

/** Solves M(τ) = m for τ (seconds); the positive root of a·τ² + b·τ − m = 0. */
function segmentTimeOf(s: RateSegment, m: number): number {
  const d = s.durationUs / 1e6;
  const a = (s.toRateMsgsPerSec - s.fromRateMsgsPerSec) / (2 * d);
  const b = s.fromRateMsgsPerSec;
  if (Math.abs(a) < 1e-12) return m / b;
  // Citardauq form: stable when a is tiny compared with b.
  return (2 * m) / (b + Math.sqrt(b * b + 4 * a * m));
}
