/**
 * Pure: a plan, or a refusal, as Markdown: a table of what is needed, then the evidence behind
 * every number, so the reader can check each one against the sweep result.
 */
import { formatExponent } from '../model/power-law-verdict.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../text/format.js';
import type { CapacityPlan, PlanRefusal, PlanTarget, SweepReference } from './plan-types.js';

export function formatPlanMarkdown(plan: CapacityPlan): string {
  const r = plan.request;
  const consumers = plan.consumers.value === null ? 'not measured' : `${plan.consumers.value} per group`;
  const lines = [
    `# Capacity plan: ${targetText(r.target, r.targetMsgsPerSec, r.targetMBPerSec)} ` +
      `at p99 ≤ ${formatMsFromUs(r.p99Us)} ms`,
    '',
    sweepLine(plan.sweep),
    `Record size R = ${r.messageBytes} bytes (${r.messageBytesChoice}); producer settings: ${plan.settings}.`,
    '',
    '| Quantity | Needed | Evidence (points) |',
    '| --- | --- | --- |',
    row('Partitions', formatCount(plan.partitions.value ?? 0), plan.partitions.points),
    row('Producers', formatCount(plan.producers.value ?? 0), plan.producers.points),
    row('Consumers', consumers, plan.consumers.points),
    row('Brokers', formatCount(plan.brokers.value ?? 0), plan.brokers.points),
    row('Expected p99', `≤ ${formatMsFromUs(plan.expectedP99Us.value ?? 0)} ms`, plan.expectedP99Us.points),
    row(
      'Headroom',
      `${formatDecimal((plan.headroom.value ?? 0) * 100, 0)}% ` +
        `(capacity ${formatCount(plan.headroom.capacityMsgsPerSec)} msg/s)`,
      plan.headroom.points,
    ),
    '',
    '## Evidence',
    '',
    `- **Partitions**: ${plan.partitions.evidence}.`,
    `- **Producers**: ${plan.producers.evidence}.`,
    `- **Consumers**: ${plan.consumers.evidence}.`,
    `- **Brokers**: ${plan.brokers.evidence}.`,
    `- **Expected p99**: ${plan.expectedP99Us.evidence}.`,
    `- **Headroom**: ${plan.headroom.evidence}.`,
    `- **Throughput fit**: ${plan.fit.evidence} ` +
      `(fit R² ${formatExponent(plan.fit.rSquared)} ≥ ${formatExponent(r.minRSquared)}).`,
  ];
  if (plan.warnings.length > 0) lines.push('', '## Warnings', '', ...plan.warnings.map((w) => `- ${w}`));
  return `${lines.join('\n')}\n`;
}

export function formatRefusalMarkdown(refusal: PlanRefusal): string {
  const r = refusal.request;
  const lines = [
    `# No capacity plan: ${targetText(r.target, r.targetMsgsPerSec, r.targetMBPerSec)} ` +
      `at p99 ≤ ${formatMsFromUs(r.p99Us)} ms`,
    '',
    sweepLine(refusal.sweep),
    '',
    'The measurements cannot support this target:',
    '',
    ...refusal.reasons.map((reason) => `- ${reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

function row(name: string, value: string, points: readonly number[]): string {
  return `| ${name} | ${value} | ${points.length === 0 ? '-' : points.map((i) => `#${i}`).join(', ')} |`;
}

function sweepLine(s: SweepReference): string {
  return `From sweep \`${s.scenario}\` of ${s.startedAt} (${s.points} points, ${s.status}; ${s.cluster}).`;
}

/** "5,000 msg/s (0.50 MB/s)" or "5.00 MB/s (50,000 msg/s)": what was asked, and in the other unit. */
export function targetText(target: PlanTarget, msgs: number | null, mb: number | null): string {
  if (target.unit === 'MB/s')
    return `${formatDecimal(target.value, 2)} MB/s${msgs === null ? '' : ` (${formatCount(msgs)} msg/s)`}`;
  return `${formatCount(target.value)} msg/s${mb === null ? '' : ` (${formatDecimal(mb, 2)} MB/s)`}`;
}
