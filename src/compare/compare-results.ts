/**
 * `kload compare` as a pure function: two saved results in, a row per metric per recorded phase
 * out, each with a verdict that accounts for measurement noise (see verdict.ts).
 */
import type { RunResult } from '../result/result-types.js';
import { assertComparable } from './comparable.js';
import { phaseRows, unverifiedOf } from './phase-rows.js';
import { formatCount } from '../text/format.js';
import type { Comparison, RunIdentity } from './types.js';

export interface CompareOptions {
  /** Tolerated relative change, as a fraction: 0.05 for 5%. */
  maxRegression: number;
}

/** Throws KloadError('INVALID_ARGUMENT') (exit 2) when the results are not comparable. */
export function compareResults(base: RunResult, head: RunResult, options: CompareOptions): Comparison {
  assertComparable(base, head);
  const rows = base.phases.flatMap((basePhase, i) => {
    const headPhase = head.phases[i];
    // Warmups are run, never judged; comparable results have the same phases, so i exists.
    if (headPhase === undefined || !basePhase.recorded || !headPhase.recorded) return [];
    return phaseRows(basePhase, headPhase, options.maxRegression);
  });
  return {
    scenario: base.scenario.name,
    base: identity(base),
    head: identity(head),
    maxRegression: options.maxRegression,
    rows,
    regressions: rows.filter((row) => row.verdict === 'regressed').length,
    notes: [...statusNotes(base, head), ...generatorBoundNotes(base, head), ...unverifiedNotes(base, head)],
  };
}

function identity(result: RunResult): RunIdentity {
  return { startedAt: result.startedAt, kloadVersion: result.kload.version, status: result.status };
}

function statusNotes(base: RunResult, head: RunResult): string[] {
  return (['base', 'head'] as const).flatMap((side) => {
    const result = side === 'base' ? base : head;
    if (result.status === 'complete') return [];
    const reason = result.statusReason === null ? '' : `: ${result.statusReason}`;
    return [`the ${side} run ${result.status === 'failed' ? 'failed' : 'was interrupted'}${reason} (partial data)`];
  });
}

/** A generator-bound phase measured kload's own limits, so its deltas say little about Kafka. */
function generatorBoundNotes(base: RunResult, head: RunResult): string[] {
  return (['base', 'head'] as const).flatMap((side) =>
    (side === 'base' ? base : head).phases
      .filter((phase) => phase.recorded && phase.generatorBound)
      .map(
        (phase) => `phase "${phase.name}" was generator-bound in the ${side} run: its numbers measure kload, not Kafka`,
      ),
  );
}

/** Integrity with unverified messages is no verdict: its rows are n/a, and this says why. */
function unverifiedNotes(base: RunResult, head: RunResult): string[] {
  return (['base', 'head'] as const).flatMap((side) =>
    (side === 'base' ? base : head).phases
      .filter((phase) => phase.recorded && unverifiedOf(phase.integrity) > 0)
      .map(
        (phase) =>
          `integrity of phase "${phase.name}" not evaluated in the ${side} run: ` +
          `${formatCount(unverifiedOf(phase.integrity))} messages unverified (the drain did not finish)`,
      ),
  );
}
