/**
 * A saved threshold outcome is passed, failed, or not evaluated (the run could not decide it, see
 * ThresholdOutcome.evaluated); every reader of outcomes counts them alike through these.
 */
import type { ThresholdOutcome } from '../result/result-types.js';

/** Absent `evaluated` (results of kload before 0.2) means evaluated. */
export function notEvaluated(outcome: ThresholdOutcome): boolean {
  return outcome.evaluated === false;
}

/** Thresholds that were judged and did not pass; the ones not evaluated are neither. */
export function failedThresholds(outcomes: readonly ThresholdOutcome[]): ThresholdOutcome[] {
  return outcomes.filter((outcome) => !outcome.pass && !notEvaluated(outcome));
}
