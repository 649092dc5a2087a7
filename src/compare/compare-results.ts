/**
 * `kload compare` as a pure function: two saved results in, a row per metric per recorded phase
 * out, each with a verdict that accounts for the noise between runs (see judge-change.ts): the
 * spread of the repeats of `kload run --repeats N`, or an A/A noise floor for single runs.
 */
import { KloadError } from '../errors.js';
import { phaseSamples, resultSamples } from '../result/phase-samples.js';
import type { RunResult } from '../result/result-types.js';
import { formatCount } from '../text/format.js';
import { BETWEEN_RUNS_METHOD } from './between-runs.js';
import { floorOf } from './calibrate-noise-floor.js';
import { assertComparable } from './comparable.js';
import { judgeChange } from './judge-change.js';
import { relativeDelta } from './verdict.js';
import type { NoiseFloor } from './noise-floor-types.js';
import { unverifiedOf } from './phase-metrics.js';
import { phaseRowDrafts, type RowDraft } from './phase-rows.js';
import type { Comparison, ComparisonMethod, ComparisonRow, MetricUnit, RunIdentity } from './types.js';

export interface CompareOptions {
  /** Tolerated relative change, as a fraction: 0.05 for 5%. */
  maxRegression: number;
  /** The A/A noise floor single runs are judged against (`--noise-floor`); default none. */
  noiseFloor?: { floor: NoiseFloor; source: string } | null;
  /** Family-wise confidence of the between-runs rule over all its rows; default 0.95. */
  familyConfidence?: number;
}

/** Throws KloadError('INVALID_ARGUMENT') (exit 2) when the results are not comparable. */
export function compareResults(base: RunResult, head: RunResult, options: CompareOptions): Comparison {
  assertComparable(base, head);
  const noiseFloor = options.noiseFloor ?? null;
  if (noiseFloor !== null && noiseFloor.floor.scenario !== base.scenario.name) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `the noise floor ${noiseFloor.source} is of scenario "${noiseFloor.floor.scenario}", ` +
        `the results ran "${base.scenario.name}"`,
      { hint: 'Calibrate a floor from A/A runs of this scenario: kload compare --calibrate a.json b.json ...' },
    );
  }
  const drafts = base.phases.flatMap((basePhase, i) => {
    const headPhase = head.phases[i];
    // Warmups are run, never judged; comparable results have the same phases, so i exists.
    if (headPhase === undefined || !basePhase.recorded || !headPhase.recorded) return [];
    return phaseRowDrafts(basePhase.name, phaseSamples(base, i), phaseSamples(head, i));
  });
  const method = methodOf(drafts, options.familyConfidence ?? 0.95, noiseFloor);
  const rows = drafts.map((draft) => finishRow(draft, options.maxRegression, method.rowConfidence, noiseFloor?.floor));
  return {
    scenario: base.scenario.name,
    base: identity(base),
    head: identity(head),
    maxRegression: options.maxRegression,
    rows,
    method,
    regressions: rows.filter((row) => row.verdict === 'regressed').length,
    notes: [...statusNotes(base, head), ...generatorBoundNotes(base, head), ...unverifiedNotes(base, head)],
  };
}

function identity(result: RunResult): RunIdentity {
  return {
    startedAt: result.startedAt,
    kloadVersion: result.kload.version,
    status: result.status,
    repeats: resultSamples(result).length,
  };
}

/**
 * Bonferroni over the rows that may be judged between runs: a gate fails when any row regresses,
 * so it is the whole table's false-alarm rate that must stay at 5%, not each row's.
 */
function methodOf(
  drafts: readonly RowDraft[],
  familyConfidence: number,
  noiseFloor: CompareOptions['noiseFloor'],
): ComparisonMethod {
  const judged = drafts.filter((d) => !d.undecided && d.baseValues.length >= 2 && d.headValues.length >= 2).length;
  const floor = noiseFloor?.floor;
  return {
    betweenRuns: BETWEEN_RUNS_METHOD,
    familyConfidence,
    rowConfidence: 1 - (1 - familyConfidence) / Math.max(1, judged),
    rowsJudgedBetweenRuns: judged,
    noiseFloor:
      floor === undefined
        ? null
        : { source: noiseFloor!.source, runs: floor.runs, pairs: floor.pairs, margin: floor.margin },
  };
}

export function scaleOf(unit: MetricUnit): 'log' | 'linear' {
  return unit === 'count' ? 'linear' : 'log';
}

function finishRow(draft: RowDraft, maxRegression: number, confidence: number, floor?: NoiseFloor): ComparisonRow {
  const { first } = draft;
  const noiseFloor = floorOf(floor ?? null, draft.phase, first.metric);
  const judgement = draft.undecided
    ? ({ verdict: 'n/a', rule: 'unverified', interval: null } as const)
    : judgeChange({
        direction: first.direction,
        zeroTolerance: first.zeroTolerance,
        base: draft.baseValues,
        head: draft.headValues,
        maxRegression,
        confidence,
        noiseFloor,
        scale: scaleOf(first.unit),
      });
  return {
    phase: draft.phase,
    metric: first.metric,
    unit: first.unit,
    direction: first.direction,
    base: draft.base,
    head: draft.head,
    delta: draft.base === null || draft.head === null ? null : relativeDelta(draft.base.value, draft.head.value),
    verdict: judgement.verdict,
    rule: judgement.rule,
    samples: { base: draft.baseValues.length, head: draft.headValues.length },
    interval: judgement.interval,
    noiseFloor: judgement.rule === 'noise-floor' ? (noiseFloor ?? null) : null,
  };
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
