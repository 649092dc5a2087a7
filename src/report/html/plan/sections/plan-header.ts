/** The top of the plan page: what was asked, of which sweep, and whether the sweep could answer. */
import { targetText } from '../../../../plan/format-plan.js';
import type { PlanOutcome } from '../../../../plan/plan-types.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../../../../text/format.js';
import { html, type Html } from '../../escape.js';
import { formatUtc } from '../../format-values.js';
import { badge } from '../../section.js';

/** "5,000 msg/s (0.50 MB/s) at p99 ≤ 200 ms". */
export function askedText(outcome: PlanOutcome): string {
  const r = outcome.ok ? outcome.plan.request : outcome.refusal.request;
  return `${targetText(r.target, r.targetMsgsPerSec, r.targetMBPerSec)} at p99 ≤ ${formatMsFromUs(r.p99Us)} ms`;
}

export function planHeader(outcome: PlanOutcome): Html {
  const { sweep, request: r } = outcome.ok ? outcome.plan : outcome.refusal;
  const facts: [string, string][] = [
    ['Sweep', `${sweep.scenario}, ${formatUtc(sweep.startedAt)}`],
    ['Points', `${formatCount(sweep.points)} (${sweep.status})`],
    ['Cluster', sweep.cluster],
    ['Record size R', r.messageBytes === null ? 'none' : `${formatCount(r.messageBytes)} B (${r.messageBytesChoice})`],
    [
      'Limits',
      `reach ≤ ${formatDecimal(r.extrapolationFactor, 2)}× measured, fit R² ≥ ${formatDecimal(r.minRSquared, 2)}`,
    ],
  ];
  if (outcome.ok) facts.push(['Producer settings', outcome.plan.settings]);
  const title = outcome.ok ? 'Capacity plan' : 'No capacity plan';
  const verdict = outcome.ok
    ? badge('planned', 'good')
    : badge(
        `refused: ${outcome.refusal.reasons.length} reason${outcome.refusal.reasons.length === 1 ? '' : 's'}`,
        'bad',
      );
  return html`<header class="page-header">
  <div class="title-row"><h1>${title}</h1>${verdict}</div>
  <p class="asked">${askedText(outcome)}</p>
  <dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
</header>`;
}
