/** Every scenario threshold with its measured value and verdict. */
import type { RunResult, ThresholdOutcome } from '../../../result/result-types.js';
import { html, type Html } from '../escape.js';
import { formatInUnit } from '../format-values.js';
import { badge, type ReportSection } from '../section.js';
import { failedThresholds, notEvaluated } from '../../../thresholds/outcome-status.js';

export function thresholdsSection(result: RunResult): ReportSection {
  const outcomes = result.thresholds;
  const failed = failedThresholds(outcomes).length;
  const unjudged = outcomes.filter(notEvaluated).length;
  const subtitle =
    outcomes.length === 0
      ? 'none defined'
      : failed === 0 && unjudged === 0
        ? `all ${outcomes.length} passed`
        : [failed > 0 ? `${failed} of ${outcomes.length} failed` : '', unjudged > 0 ? `${unjudged} not evaluated` : '']
            .filter((part) => part !== '')
            .join(', ');
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
  const unjudged = notEvaluated(t);
  return html`<tr class="${t.pass || unjudged ? '' : 'failed-row'}">
  <td class="text"><code>${t.expression}</code></td>
  <td class="text">${t.phase ?? 'all recorded'}</td>
  <td>${formatInUnit(t.actual, t.unit)}</td>
  <td>${t.operator} ${formatInUnit(t.limit, t.unit)}</td>
  <td>${unjudged ? notEvaluatedBadge(t) : t.pass ? badge('pass', 'good') : badge('fail', 'bad')}</td>
</tr>`;
}

function notEvaluatedBadge(t: ThresholdOutcome): Html {
  return html`${badge('not evaluated', 'warn')} <span class="dim">${t.notEvaluatedReason ?? ''}</span>`;
}
