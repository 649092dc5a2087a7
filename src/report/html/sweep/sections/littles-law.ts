/** Little's law per point: did in flight = throughput × mean latency hold where kload knows the in-flight bound? */
import type { LittlesLawEntry, SweepResult } from '../../../../sweep/sweep-result-types.js';
import { formatDecimal } from '../../../../text/format.js';
import type { SweepSection } from '../xy-chart.js';
import { html, type Html } from '../../escape.js';
import { badge } from '../../section.js';

export function littlesLawSection(result: SweepResult): SweepSection {
  const entries = result.models.littlesLaw;
  const checked = entries.filter((e) => e.checked);
  const consistent = checked.filter((e) => e.checked && e.consistent).length;
  return {
    id: 'littles-law',
    title: "Little's law",
    subtitle:
      checked.length === 0
        ? 'not checked at any point'
        : `consistent at ${consistent} of ${checked.length} points (in flight = λ·W, within 20%)`,
    body:
      entries.length === 0
        ? html`<p class="dim">No point recorded a measured phase.</p>`
        : html`<table class="numbers littles-law">
<thead><tr><th>#</th><th>λ·W in flight</th><th>measured (max)</th><th>gap</th><th>verdict</th>\
<th class="text">evidence</th></tr></thead>
<tbody>${entries.map(row)}</tbody></table>`,
    charts: [],
  };
}

function row(e: LittlesLawEntry): Html {
  if (!e.checked) {
    return html`<tr><td>${e.pointIndex}</td><td colspan="3"></td><td>${badge('not checked', 'muted')}</td>\
<td class="text">${e.reason}</td></tr>`;
  }
  return html`<tr><td>${e.pointIndex}</td><td>${formatDecimal(e.expectedInFlight, 1)}</td>\
<td>${formatDecimal(e.measuredInFlight, 1)}</td><td>${formatDecimal(e.relativeGap * 100, 1)}%</td>\
<td>${e.consistent ? badge('consistent', 'good') : badge('inconsistent', 'bad')}</td>\
<td class="text">${e.evidence.replace(/^Little's law: /, '')}</td></tr>`;
}
