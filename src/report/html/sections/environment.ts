/** Where and with what the run happened: enough to reproduce it or to distrust a comparison. */
import { formatCount } from '../../../text/format.js';
import type { RunResult } from '../../../result/result-types.js';
import { html, type Html } from '../escape.js';
import { formatGiB, NONE } from '../format-values.js';
import type { ReportSection } from '../section.js';

export function environmentSection(result: RunResult): ReportSection {
  const env = result.environment;
  const machine: [string, string][] = [
    ['kload', result.kload.version],
    ['Node.js', env.node],
    ['librdkafka', env.librdkafka],
    ['Kafka', env.kafka ?? NONE],
    ['OS', env.os],
    ['CPU', `${env.cpuModel} × ${env.cpuCount}`],
    ['Memory', formatGiB(env.totalMemoryBytes)],
    ['Cluster', env.cluster],
    ['Brokers', env.brokers],
    ['Producer threads', formatCount(env.producerThreads)],
    ['Consumer threads', formatCount(env.consumerThreads)],
  ];
  return {
    id: 'environment',
    title: 'Environment',
    subtitle: 'secrets in client properties are redacted',
    body: html`<div class="env-grid">
  ${keyValues('Machine and versions', machine, false)}
  ${keyValues('Producer properties', Object.entries(env.producerProperties), true)}
  ${keyValues('Consumer properties', Object.entries(env.consumerProperties), true)}
</div>
<details><summary>Resolved scenario (JSON)</summary><pre>${JSON.stringify(result.scenario, null, 2)}</pre></details>`,
    charts: [],
  };
}

function keyValues(caption: string, entries: [string, string][], asCode: boolean): Html {
  const cell = (text: string) => (asCode ? html`<code>${text}</code>` : html`${text}`);
  const rows =
    entries.length === 0
      ? html`<tr><td class="dim" colspan="2">none</td></tr>`
      : entries.map(([k, v]) => html`<tr><th scope="row">${cell(k)}</th><td>${cell(v)}</td></tr>`);
  return html`<table class="kv"><caption>${caption}</caption><tbody>${rows}</tbody></table>`;
}
