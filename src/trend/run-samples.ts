/**
 * The samples a result gives one of its phases: one per repeat when `kload run --repeats N`
 * saved them, else the result's own phase. To be replaced by the shared one from the repeats
 * work (issue 16: result/phase-samples.ts, same name and signature); every trend computation
 * goes through this one.
 */
import type { PhaseResult, RunResult } from '../result/result-types.js';

/** `(result.repeats ?? [result]).map((r) => r.phases[i])`, without the repeats that lack phase i. */
export function phaseSamples(result: RunResult, phaseIndex: number): PhaseResult[] {
  const runs = result.repeats !== undefined && result.repeats.length > 0 ? result.repeats : [result];
  return runs.flatMap((run) => {
    const phase = run.phases[phaseIndex];
    return phase === undefined ? [] : [phase];
  });
}
