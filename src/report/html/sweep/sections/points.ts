/** The top of the sweep page and its point table: what each point ran and what it measured. */
import type { SweepPointResult, SweepResult } from '../../../../sweep/sweep-result-types.js';
import { formatCount, formatDecimal, formatMB, formatMsFromUs } from '../../../../text/format.js';
import type { SweepSection } from '../xy-chart.js';
import { html, type Html } from '../../escape.js';
import { formatUtc, NONE } from '../../format-values.js';
import { badge, type Tone } from '../../section.js';

const STATUS_TONE: Record<SweepResult['status'], Tone> = { complete: 'good', interrupted: 'warn', failed: 'bad' };

export function sweepHeader(result: SweepResult): Html {
  const c = result.cluster;
  const facts: [string, string][] = [
    ['Started', formatUtc(result.startedAt)],
    ['Finished', formatUtc(result.finishedAt)],
    ['Points', `${formatCount(result.points.length)} of ${formatCount(result.plannedPoints)}`],
    ['kload', result.kload.version],
    ['Kafka', c.kafkaVersion ?? NONE],
    [
      'Cluster',
      c.perPointBrokerCounts === undefined
        ? `${c.kind}, ${formatCount(c.brokerCount)} broker${c.brokerCount === 1 ? '' : 's'}: ${c.brokers}`
        : `${c.kind}: ${c.brokers}`,
    ],
  ];
  const reason = result.statusReason === null ? null : html`<p class="status-reason">${result.statusReason}</p>`;
  return html`<header class="page-header">
  <div class="title-row"><h1>Sweep ${result.scenario.name}</h1>${badge(result.status, STATUS_TONE[result.status])}</div>
  ${result.scenario.description ? html`<p class="description">${result.scenario.description}</p>` : null}
  ${reason}
  <dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
  <p class="note">Each point: ${result.pointLoad}. Between points: ${result.betweenPoints}.</p>
</header>`;
}

const HEADERS = ['#', 'N', 'threads', 'R (B)', 'K', 'settings', 'msg/s', 'MB/s', 'p50 ms', 'p99 ms', 'stored B/msg'];

export function pointsSection(result: SweepResult): SweepSection {
  const brokers = result.points.some((p) => p.parameters.brokers !== undefined);
  const headers = brokers ? [...HEADERS.slice(0, 5), 'B', 'RF', ...HEADERS.slice(5)] : HEADERS;
  return {
    id: 'points',
    title: 'Points',
    subtitle:
      'N producers over threads, R message bytes, K partitions' +
      (brokers ? ", B brokers of the point's own cluster, RF its topic's replication factor" : '') +
      '; publish latency of the measured phase',
    body: html`<table class="numbers points">
<thead><tr>${headers.map((h) => html`<th class="${h === 'settings' ? 'text' : ''}">${h}</th>`)}\
<th class="text">status</th></tr></thead>
<tbody>${result.points.map((p) => row(p, brokers))}</tbody></table>`,
    charts: [],
  };
}

function row({ parameters: p, measurement: m, storage, result }: SweepPointResult, brokers: boolean): Html {
  const settings =
    [p.acks === null ? '' : `acks=${p.acks}`, p.compression ?? '', p.lingerMs === null ? '' : `linger=${p.lingerMs}`]
      .filter((s) => s !== '')
      .join(' ') || NONE;
  const cells = [
    formatCount(p.producers),
    formatCount(p.threads),
    formatCount(p.messageBytes),
    formatCount(p.partitions),
    ...(brokers ? [p.brokers === undefined ? NONE : formatCount(p.brokers), String(p.replicationFactor ?? NONE)] : []),
  ];
  const measured =
    m === null
      ? [NONE, NONE, NONE, NONE]
      : [
          formatCount(m.throughputMsgsPerSec),
          formatMB(m.throughputMBPerSec),
          formatMsFromUs(m.publishP50Us),
          formatMsFromUs(m.publishP99Us),
        ];
  const status = html`${badge(result.status, STATUS_TONE[result.status])}\
${m?.generatorBound ? html` ${badge('generator-bound', 'bad')}` : null}`;
  return html`<tr class="${m === null ? 'muted-row' : ''}"><th scope="row">${p.index}</th>\
${cells.map((c) => html`<td>${c}</td>`)}<td class="text">${settings}</td>${measured.map((c) => html`<td>${c}</td>`)}\
<td>${storage === null ? NONE : formatDecimal(storage.bytesPerMessage, 1)}</td><td class="text">${status}</td></tr>`;
}
