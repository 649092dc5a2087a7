/**
 * Where a metric changed for good, over ~10 runs: the first run s with at least 5 runs before it
 * such that s and the runs after it, for 3 runs or to the newest, all lie outside the band of the
 * runs before s (robust-band.ts) on the same side. The band is fixed at the runs before s, so a
 * new level cannot pull the baseline along with it.
 *
 * Why this rule: a two-sample test at every split needs more runs per side than a regression
 * benchmark keeps, and CUSUM needs a drift and a threshold tuned per metric. Median and MAD stay
 * put when one earlier run is odd, and the persistence window keeps one slow run (a spike that
 * returns) from being called a change: the same rule as the latency knee ("stays above for 3
 * points or to the end"). A change point at the newest run is reported unconfirmed, because no
 * later run can yet show that it stays.
 */
import type { Direction } from '../compare/types.js';
import { bandOf, median, MIN_BASELINE_RUNS, movementOf } from './robust-band.js';
import type { ChangePoint } from './trend-types.js';

/** Runs that must all stay beyond the band, the change point included (fewer at the end). */
export const PERSISTENCE_RUNS = 3;

/** One run's value (median of its samples) and samples; value null when the run has none. */
export interface RunValues {
  value: number | null;
  samples: readonly number[];
}

/** `runs` in trend order; indices in the answer are 1-based like TrendRun.index. */
export function findChangePoint(
  runs: readonly RunValues[],
  direction: Direction,
  maxRegression: number,
): ChangePoint | null {
  const measured = runs.flatMap((run, i) => (run.value === null ? [] : [{ ...run, value: run.value, index: i + 1 }]));
  for (let s = MIN_BASELINE_RUNS; s < measured.length; s++) {
    const earlier = measured.slice(0, s);
    const before = bandOf(
      earlier.flatMap((run) => run.samples),
      earlier.length,
      maxRegression,
    );
    if (before === null) continue;
    const window = measured.slice(s, s + PERSISTENCE_RUNS);
    const movements = window.map((run) => movementOf(run.value, before, direction));
    const first = movements[0];
    if (first === null || first === undefined || movements.some((m) => m !== first)) continue;
    const level = median(window.map((run) => run.value));
    return {
      run: measured[s]!.index,
      movement: first,
      before,
      shift: before.median === 0 ? null : (level - before.median) / before.median,
      confirmed: s < measured.length - 1,
    };
  }
  return null;
}
