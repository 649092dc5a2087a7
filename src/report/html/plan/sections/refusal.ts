/** Why the sweep cannot support the target: every reason, each with the numbers that decided it. */
import type { PlanRefusal } from '../../../../plan/plan-types.js';
import { html } from '../../escape.js';
import type { SweepSection } from '../../sweep/xy-chart.js';
import type { PointMarks } from '../point-marks.js';

export function refusalSection(refusal: PlanRefusal, marks: PointMarks): SweepSection {
  const n = refusal.reasons.length;
  const ringed =
    marks.points.size === 0
      ? null
      : html`<p>Ringed on the charts: the ${marks.label}, which the target was judged against.</p>`;
  return {
    id: 'reasons',
    title: 'Why there is no plan',
    subtitle: `${n} reason${n === 1 ? '' : 's'}; the charts below draw the target and the p99 limit`,
    body: html`<ol class="refusal-reasons">${refusal.reasons.map((r) => html`<li>${r}</li>`)}</ol>
${ringed}
<p class="note">kload plan exits 2 with the same reasons. Lower the target or relax --p99, or run a sweep that
covers the target (more producers and partitions, repeats, a paced load).</p>`,
    charts: [],
  };
}
