/**
 * The plan's numbers with the evidence behind each, and the points that evidence is: the rows come
 * from plan-rows.ts, so a new planned quantity shows up here without a change.
 */
import type { CapacityPlan } from '../../../../plan/plan-types.js';
import type { SweepResult } from '../../../../sweep/sweep-result-types.js';
import { formatCount, formatMsFromUs } from '../../../../text/format.js';
import { html, type Html } from '../../escape.js';
import { NONE } from '../../format-values.js';
import { badge } from '../../section.js';
import type { SweepSection } from '../../sweep/xy-chart.js';
import { evidencePoints, planRows } from '../plan-rows.js';

export function planNumbersSection(plan: CapacityPlan): SweepSection {
  const rows = planRows(plan);
  const warnings =
    plan.warnings.length === 0
      ? null
      : html`<h3>Warnings</h3><ul class="warnings">${plan.warnings.map((w) => html`<li>${w}</li>`)}</ul>`;
  return {
    id: 'plan',
    title: 'Plan',
    subtitle: 'each number with the arithmetic and the measured points behind it',
    body: html`<table class="numbers plan-numbers">
<thead><tr><th class="text">quantity</th><th class="text">needed</th><th class="text">points</th>\
<th class="text">evidence</th></tr></thead>
<tbody>${rows.map(
      (row) => html`<tr data-key="${row.key}"><th scope="row">${row.label}</th><td class="text value">${row.shown}</td>\
<td class="text">${pointChips(row.number.points)}</td><td class="text">${row.number.evidence}.</td></tr>`,
    )}</tbody></table>
<p class="note"><strong>Throughput fit (cross-check)</strong>: ${plan.fit.evidence}.</p>
${warnings}`,
    charts: [],
  };
}

export function pointChips(points: readonly number[]): Html {
  if (points.length === 0) return html`<span class="dim">${NONE}</span>`;
  return html`${points.map((i) => html`<span class="chip">#${i}</span>`)}`;
}

/** The evidence points themselves: what they ran, what they measured, which numbers rest on them. */
export function evidenceSection(sweep: SweepResult, plan: CapacityPlan): SweepSection {
  const uses = evidencePoints(plan);
  const basis = new Set(plan.basis.pointIndices);
  const rows = [...uses.entries()].map(([index, labels]) => {
    const point = sweep.points[index];
    const p = point?.parameters;
    const m = point?.measurement ?? null;
    const cells = p === undefined ? [NONE, NONE, NONE, NONE] : [p.producers, p.threads, p.messageBytes, p.partitions];
    return html`<tr><th scope="row">#${index}${basis.has(index) ? html` ${badge('basis', 'good')}` : null}</th>\
${cells.map((c) => html`<td>${typeof c === 'number' ? formatCount(c) : c}</td>`)}\
<td>${m === null ? NONE : formatCount(m.throughputMsgsPerSec)}</td>\
<td>${m === null ? NONE : formatMsFromUs(m.publishP99Us)}</td>\
<td class="text">${labels.join(', ')}</td></tr>`;
  });
  return {
    id: 'evidence',
    title: 'Evidence points',
    subtitle: `${uses.size} of ${sweep.points.length} points; ringed on the charts below`,
    body: html`<table class="numbers evidence-points">
<thead><tr><th class="text">#</th><th>N</th><th>threads</th><th>R (B)</th><th>K</th><th>msg/s</th><th>p99 ms</th>\
<th class="text">rests under</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="note">The basis is the measured configuration the plan scales from (repeats of one grid point fold into one:
mean throughput, worst p99). The charts below are the sweep page's, with these points ringed and the target, the p99
limit, the planned capacity and the planned N, K and R drawn as lines.</p>`,
    charts: [],
  };
}
