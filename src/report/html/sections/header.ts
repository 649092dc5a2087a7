/** The top of the page: which scenario, did it complete, when, and on what. */
import type { RunResult } from '../../../result/result-types.js';
import { html, type Html } from '../escape.js';
import { formatUtc, NONE } from '../format-values.js';
import { badge, type Tone } from '../section.js';

const STATUS_TONE: Record<RunResult['status'], Tone> = { complete: 'good', interrupted: 'warn', failed: 'bad' };

export function renderHeader(result: RunResult): Html {
  const env = result.environment;
  const facts: [string, string][] = [
    ['Started', formatUtc(result.startedAt)],
    ['Finished', formatUtc(result.finishedAt)],
    ['kload', result.kload.version],
    ['Kafka', env.kafka ?? NONE],
    ['librdkafka', env.librdkafka],
    ['Cluster', `${env.cluster}: ${env.brokers}`],
    ['CPU', `${env.cpuModel} × ${env.cpuCount}`],
  ];
  const reason = result.statusReason === null ? null : html`<p class="status-reason">${result.statusReason}</p>`;
  return html`<header class="page-header">
  <div class="title-row"><h1>${result.scenario.name}</h1>${badge(result.status, STATUS_TONE[result.status])}</div>
  ${result.scenario.description ? html`<p class="description">${result.scenario.description}</p>` : null}
  ${reason}
  <dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
</header>`;
}
