/**
 * The plan's numbers as the page lists them: one entry per `PlanNumber` field of a plan, keyed by
 * the field, so a new planned quantity is one entry here (the compiler refuses a plan field
 * without one). Each row shows the value, the evidence sentence and the points it rests on.
 */
import type { CapacityPlan, PlanNumber } from '../../../plan/plan-types.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../../../text/format.js';

/** The fields of a plan that are planned numbers with evidence. */
export type PlanNumberKey = {
  [K in keyof CapacityPlan]-?: CapacityPlan[K] extends PlanNumber ? K : never;
}[keyof CapacityPlan];

interface RowShape {
  label: string;
  /** The value as the table shows it; `value` is never null here. */
  shown: (value: number, plan: CapacityPlan) => string;
}

const ROWS: { readonly [K in PlanNumberKey]: RowShape } = {
  partitions: {
    label: 'Partitions',
    shown: (v, p) =>
      `${formatCount(v)} (producers need ${formatCount(p.partitions.byProducer)}, ` +
      `consumers ${formatCount(p.partitions.byConsumer)})`,
  },
  producers: { label: 'Producers', shown: (v) => formatCount(v) },
  consumers: { label: 'Consumers', shown: (v) => `${formatCount(v)} per group` },
  brokers: { label: 'Brokers', shown: (v) => formatCount(v) },
  expectedP99Us: { label: 'Expected p99', shown: (v) => `≤ ${formatMsFromUs(v)} ms` },
  headroom: {
    label: 'Headroom',
    shown: (v, p) => `${formatDecimal(v * 100, 0)}% (capacity ${formatCount(p.headroom.capacityMsgsPerSec)} msg/s)`,
  },
};

export interface PlanRow {
  key: PlanNumberKey;
  label: string;
  /** "not measured" when the sweep did not measure what the number needs. */
  shown: string;
  number: PlanNumber;
}

/** The plan's numbers in the order of the table. */
export function planRows(plan: CapacityPlan): PlanRow[] {
  return (Object.keys(ROWS) as PlanNumberKey[]).map((key) => {
    const number: PlanNumber = plan[key];
    const { label, shown } = ROWS[key];
    return { key, label, number, shown: number.value === null ? 'not measured' : shown(number.value, plan) };
  });
}

/** Every point some number rests on, with the labels of the numbers that rest on it, by index. */
export function evidencePoints(plan: CapacityPlan): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const row of planRows(plan))
    for (const index of row.number.points) out.set(index, [...(out.get(index) ?? []), row.label]);
  return new Map([...out.entries()].sort(([a], [b]) => a - b));
}
