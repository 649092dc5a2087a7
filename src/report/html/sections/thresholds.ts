/** Every scenario threshold with its measured value and verdict. */
import type { RunResult, ThresholdOutcome } from '../../../result/result-types.js';
import { html, type Html } from '../escape.js';
import { formatInUnit } from '../format-values.js';
import { badge, type ReportSection } from '../section.js';

export function thresholdsSection(result: RunResult): ReportSection {
  const outcomes = result.thresholds;
  const failed = outcomes.filter((t) => !t.pass).length;
  const subtitle =
    outcomes.length === 0
      ? 'none defined'
      : failed === 0
        ? `all ${outcomes.length} passed`
        : `${failed} of ${outcomes.length} failed`;
  const body =
    outcomes.length === 0
      ? html`<p class="dim">This scenario defines no thresholds.</p>`
      : html`<table class="numbers thresholds">
  <thead><tr><th class="text">threshold</th><th class="text">phase</th><th>actual</th><th>limit</th>\
<th>verdict</th></tr></thead>
  <tbody>${outcomes.map(row)}</tbody>
</table>`;
  return { id: 'thresholds', title: 'Thresholds', subtitle, body, charts: [] };
}

function row(t: ThresholdOutcome): Html {
  return html`<tr class="${t.pass ? '' : 'failed-row'}">
  <td class="text"><code>${t.expression}</code></td>
  <td class="text">${t.phase ?? 'all recorded'}</td>
  <td>${formatInUnit(t.actual, t.unit)}</td>
  <td>${t.operator} ${formatInUnit(t.limit, t.unit)}</td>
  <td>${t.pass ? badge('pass', 'good') : badge('fail', 'bad')}</td>
</tr>`;
}
