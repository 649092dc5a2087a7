/** Could the numbers be trusted? Lost/duplicated/reordered messages and generator-bound phases. */
import { formatCount } from '../../../text/format.js';
import type { PhaseResult, RunResult } from '../../../result/result-types.js';
import { html, type Html } from '../escape.js';
import { badge, type ReportSection } from '../section.js';
import { phaseAnchor } from './phase.js';

export function integritySection(result: RunResult): ReportSection {
  return {
    id: 'integrity',
    title: 'Integrity and generator',
    subtitle:
      'checked from producer id + sequence stamps (unverified: acknowledged, not yet read when the drain ' +
      'was cut short); a generator-bound phase measured kload, not Kafka',
    body: html`<table class="numbers integrity">
  <thead><tr><th>phase</th><th>lost</th><th>unverified</th><th>duplicated</th><th>out of order</th>\
<th>generator</th><th class="text">why</th></tr></thead>
  <tbody>${result.phases.map((p, i) => row(p, i))}</tbody>
</table>`,
    charts: [],
  };
}

function row(p: PhaseResult, index: number): Html {
  const counts = p.integrity
    ? [p.integrity.lost, p.integrity.unverified ?? 0, p.integrity.duplicated, p.integrity.outOfOrder].map(
        (n) => html`<td class="${n > 0 ? 'bad-cell' : ''}">${formatCount(n)}</td>`,
      )
    : html`<td colspan="4" class="text dim">not checked (no consumers)</td>`;
  const generator = p.generatorBound ? badge('bound', 'bad') : badge('kept up', 'good');
  const reasons = p.generatorBoundReasons.length === 0 ? '' : p.generatorBoundReasons.join('; ');
  return html`<tr class="${p.recorded ? '' : 'muted-row'}">\
<th scope="row"><a href="#${phaseAnchor(index)}">${p.name}</a></th>\
${counts}<td>${generator}</td><td class="text">${reasons}</td></tr>`;
}
