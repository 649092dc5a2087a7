/**
 * Pure: which sweep points the plan page rings on every chart. On a plan, the evidence: every point
 * some planned number rests on. On a refusal there is no evidence, so the points measured at the
 * record size the plan was asked for (when the grid varies R), the ones the refusal judged.
 */
import type { PlanOutcome } from '../../../plan/plan-types.js';
import type { SweepResult } from '../../../sweep/sweep-result-types.js';
import { formatCount } from '../../../text/format.js';
import { evidencePoints } from './plan-rows.js';

export interface PointMarks {
  /** The legend entry of the rings. */
  label: string;
  points: ReadonlySet<number>;
}

export function pointMarks(sweep: SweepResult, outcome: PlanOutcome): PointMarks {
  if (outcome.ok) return { label: 'plan evidence', points: new Set(evidencePoints(outcome.plan).keys()) };
  const bytes = outcome.refusal.request.messageBytes;
  const sizes = new Set(sweep.points.map((p) => p.parameters.messageBytes));
  if (bytes === null || sizes.size < 2) return { label: '', points: new Set() };
  const atSize = sweep.points.filter((p) => p.parameters.messageBytes === bytes && p.measurement !== null);
  return { label: `points at R = ${formatCount(bytes)} B`, points: new Set(atSize.map((p) => p.parameters.index)) };
}
