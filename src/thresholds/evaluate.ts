/**
 * Judges a run against its scenario's thresholds. Pure: the result in, one outcome per
 * threshold out, in the order written. Units: see the convention in types.ts.
 */
import type { PhaseResult, RunResult, ThresholdOutcome } from '../result/result-types.js';
import { measure, undecidedReason } from './measure.js';
import { parseThresholds } from './parse.js';
import type { ParsedThreshold, ThresholdOperator } from './types.js';
import { assertNever } from '../errors.js';

/** Throws KloadError('INVALID_SCENARIO') listing every expression that does not parse. */
export function evaluateThresholds(thresholds: readonly string[], result: RunResult): ThresholdOutcome[] {
  return parseThresholds(thresholds).map((threshold) => evaluateOne(threshold, result.phases));
}

export function evaluateOne(threshold: ParsedThreshold, phases: readonly PhaseResult[]): ThresholdOutcome {
  const scope = phasesInScope(threshold.phase, phases);
  // A phase name that matches nothing is a failure, not a skip: a renamed phase must not
  // silently turn its thresholds off.
  const actual = scope === undefined ? null : measure(threshold.metric, scope);
  const undecided = scope === undefined ? null : undecidedReason(threshold.metric, scope);
  return {
    expression: threshold.expression,
    phase: threshold.phase,
    metric: threshold.metric.name,
    actual,
    operator: threshold.operator,
    limit: threshold.limit,
    unit: threshold.metric.unit,
    pass: undecided === null && actual !== null && holds(actual, threshold.operator, threshold.limit),
    evaluated: undecided === null,
    notEvaluatedReason: undecided,
  };
}

/** The named phase, or the recorded phases for the whole run; undefined when no phase has that name. */
function phasesInScope(phase: string | null, phases: readonly PhaseResult[]): readonly PhaseResult[] | undefined {
  if (phase === null) return phases.filter((p) => p.recorded);
  const named = phases.filter((p) => p.name === phase);
  return named.length === 0 ? undefined : named;
}

export function holds(actual: number, operator: ThresholdOperator, limit: number): boolean {
  switch (operator) {
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
    case '==':
      return actual === limit;
    case '!=':
      return actual !== limit;
    default:
      return assertNever(operator, 'operator');
  }
}
