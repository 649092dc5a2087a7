/**
 * The within-run rule kload compare used before repeats: a change beyond the tolerance and outside
 * both runs' histogram intervals (quantile-interval.ts). It ignores the noise between runs, which
 * is several times larger, and so cried wolf on unchanged code (bench/noise.ts measures how often);
 * `kload compare` now decides with judge-change.ts. Kept for library users and for that contrast.
 */
import type { Direction, Estimate, Verdict } from './types.js';

export interface VerdictInput {
  direction: Direction;
  /** null when that run has no samples of the metric. */
  base: Estimate | null;
  head: Estimate | null;
  /** Any increase from 0 regresses whatever the tolerance: one lost message is a bug, not a trend. */
  zeroTolerance: boolean;
}

/** `maxRegression` is a fraction: 0.05 tolerates changes up to 5% either way. */
export function verdictOf(input: VerdictInput, maxRegression: number): Verdict {
  const { direction, base, head, zeroTolerance } = input;
  if (base === null || head === null) return 'n/a';
  if (zeroTolerance && base.value === 0 && head.value > 0) return 'regressed';
  // From 0 to anything is beyond every relative tolerance.
  const change = relativeDelta(base.value, head.value) ?? Infinity;
  if (Math.abs(change) <= maxRegression) return 'ok';
  // A real change moves the whole interval: the head's values must be out of the base's range.
  const separated = head.low > base.high || head.high < base.low;
  if (!separated) return 'noise';
  const worse = direction === 'lower-is-better' ? change > 0 : change < 0;
  return worse ? 'regressed' : 'better';
}

/** (head - base) / base; 0 for two zeros, null from 0 to anything else (no finite ratio). */
export function relativeDelta(base: number, head: number): number | null {
  if (base === 0) return head === 0 ? 0 : null;
  return (head - base) / base;
}
