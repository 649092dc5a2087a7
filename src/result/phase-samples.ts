/**
 * The samples of a result: a `kload run --repeats N` result holds every repeat's own result in
 * `repeats`, and any other result is one sample of itself. Everything that looks at the spread
 * between runs (compare's verdicts, noise floors, trends) reads samples through here.
 */
import type { PhaseResult, RunResult } from './result-types.js';

/** Every run the result stands for, in run order: its repeats, or the result itself. */
export function resultSamples(result: RunResult): RunResult[] {
  return result.repeats ?? [result];
}

/** Phase `index` as each run measured it; a repeat that ended before that phase gives none. */
export function phaseSamples(result: RunResult, index: number): PhaseResult[] {
  return resultSamples(result).flatMap((run) => {
    const phase = run.phases[index];
    return phase === undefined ? [] : [phase];
  });
}
