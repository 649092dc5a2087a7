import assert from 'node:assert/strict';
import type { CapacityPlan, PlanOutcome, PlanRefusal } from '../../../src/plan/plan-types.js';

/** The plan of an outcome that must be a plan; fails the test with the refusal's reasons otherwise. */
export function planned(outcome: PlanOutcome): CapacityPlan {
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.refusal.reasons.join('\n'));
  return outcome.plan;
}

export function refused(outcome: PlanOutcome): PlanRefusal {
  assert.ok(!outcome.ok, 'expected a refusal');
  return outcome.refusal;
}
