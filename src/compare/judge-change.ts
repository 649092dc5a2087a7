/**
 * The rule that decides whether a metric got better, worse, or did not measurably change, from
 * the values the runs on each side measured (one per repeat). A change counts only when it is
 * beyond the tolerance AND beyond the noise between runs: the spread of the repeats when both
 * sides have them, else a noise floor calibrated from A/A runs. Without either, a large change is
 * "noise unknown": one run per side cannot tell a regression from a noisy machine.
 */
import { welchInterval } from './between-runs.js';
import type { Direction, Verdict, VerdictRule } from './types.js';
import { relativeDelta } from './verdict.js';

export interface ChangeInput {
  direction: Direction;
  zeroTolerance: boolean;
  /** The metric's value in each run of a side (empty: not measured). */
  base: readonly number[];
  head: readonly number[];
  /** Fraction: 0.05 tolerates changes up to 5% either way. */
  maxRegression: number;
  /**
   * Latencies and rates vary by factors between runs (a busy machine doubles a p99), so they are
   * compared as ratios: geometric means, and the interval of the difference of the logs. Counts
   * (0 is common) are compared as they are.
   */
  scale: 'log' | 'linear';
  /** Confidence of the between-runs interval of this row (already family-wise corrected). */
  confidence: number;
  /** The A/A noise floor of this metric as a fraction; null: unbounded (A/A runs moved from 0); undefined: none. */
  noiseFloor?: number | null;
}

export interface ChangeJudgement {
  verdict: Verdict;
  rule: VerdictRule;
  /** head mean / base mean − 1 (geometric means on the log scale); null from a base mean of 0 to another. */
  delta: number | null;
  /** Rule between-runs: the change's interval relative to the base mean. */
  interval: { low: number; high: number } | null;
}

export function judgeChange(input: ChangeInput): ChangeJudgement {
  const { base, head, direction } = input;
  if (base.length === 0 || head.length === 0) return { verdict: 'n/a', rule: 'missing', delta: null, interval: null };
  const baseMean = meanOf(base, input.scale);
  const headMean = meanOf(head, input.scale);
  const delta = relativeDelta(baseMean, headMean);
  const judged = (verdict: Verdict, rule: VerdictRule, interval: ChangeJudgement['interval'] = null) => ({
    verdict,
    rule,
    delta,
    interval,
  });
  const worseOrBetter = (): Verdict =>
    (direction === 'lower-is-better') === headMean > baseMean ? 'regressed' : 'better';
  if (input.zeroTolerance && baseMean === 0 && headMean > 0) return judged('regressed', 'zero-tolerance');
  // From 0 to anything is beyond every relative tolerance.
  const change = delta ?? Infinity;
  if (Math.abs(change) <= input.maxRegression) return judged('ok', 'tolerance');
  if (base.length >= 2 && head.length >= 2) {
    const transform = input.scale === 'log' ? logs : (values: readonly number[]) => values;
    const welch = welchInterval(transform(base), transform(head), input.confidence);
    const relative =
      input.scale === 'log'
        ? { low: Math.expm1(welch.low), high: Math.expm1(welch.high) }
        : baseMean === 0
          ? null
          : { low: welch.low / baseMean, high: welch.high / baseMean };
    const separated = welch.low > 0 || welch.high < 0;
    return judged(separated ? worseOrBetter() : 'noise', 'between-runs', relative);
  }
  if (input.noiseFloor === undefined) return judged('noise unknown', 'no-noise-estimate');
  const floor = input.noiseFloor ?? Infinity;
  return judged(Math.abs(change) > floor ? worseOrBetter() : 'noise', 'noise-floor');
}

/** The arithmetic mean, or on the log scale the geometric mean. */
export function meanOf(values: readonly number[], scale: ChangeInput['scale']): number {
  if (scale === 'linear') return values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.exp(logs(values).reduce((sum, v) => sum + v, 0) / values.length);
}

/** A latency or rate is never below 1 µs or 1 msg/s when measured; the floor keeps a freak 0 finite. */
function logs(values: readonly number[]): number[] {
  return values.map((v) => Math.log(Math.max(v, 1)));
}
