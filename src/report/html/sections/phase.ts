/** One phase: what it asked for and got, its latency table, and its four charts. */
import { formatCount, formatMB, formatSeconds } from '../../../text/format.js';
import type { LatencySummaryUs, PhaseResult } from '../../../result/result-types.js';
import {
  consumerLagChart,
  latencyOverTimeChart,
  spectrumChart,
  throughputChart,
  type ChartBand,
  type ChartSpec,
} from '../chart-specs.js';
import { html, type Html } from '../escape.js';
import { latencyMs } from '../format-values.js';
import { badge, chartSlot, type ReportSection } from '../section.js';
import { hasConsumers, phaseTimeSeries } from '../time-series.js';
import { phaseMBPerSec, totalFailed } from '../../../result/phase-figures.js';

export function phaseAnchor(index: number): string {
  return `phase-${index}`;
}

/** `bands`: the faults that overlap the phase, marked on each of its time charts. */
export function phaseSection(phase: PhaseResult, index: number, bands: ChartBand[] = []): ReportSection {
  const id = phaseAnchor(index);
  const ts = phaseTimeSeries(phase);
  const marked = (spec: ChartSpec | null) => (spec && bands.length > 0 ? { ...spec, bands } : spec);
  const charts = {
    throughput: marked(throughputChart(`${id}-throughput`, ts)),
    latency: marked(latencyOverTimeChart(`${id}-latency`, ts)),
    lag: marked(consumerLagChart(`${id}-lag`, ts)),
    spectrum: spectrumChart(`${id}-spectrum`, phase),
  };
  const noIntervals = 'No interval data was recorded in this phase.';
  const latencyMissing = ts.elapsedSec.length === 0 ? noIntervals : 'No message was acknowledged in this phase.';
  const lagMissing = hasConsumers(phase)
    ? 'Consumer lag was not sampled in this phase.'
    : 'No consumers in this scenario.';
  return {
    id,
    title: `Phase ${phase.name}`,
    subtitle: describePhase(phase),
    muted: !phase.recorded,
    body: html`${flags(phase)}
<div class="phase-facts">${latencyTable(phase)}${countsList(phase)}</div>
<div class="charts">
  ${chartSlot(charts.throughput, 'Throughput', noIntervals)}
  ${chartSlot(charts.latency, 'Latency per second', latencyMissing)}
  ${chartSlot(charts.spectrum, 'Latency by percentile', 'No latencies were recorded in this phase.')}
  ${chartSlot(charts.lag, 'Consumer lag', lagMissing)}
</div>`,
    charts: [charts.throughput, charts.latency, charts.spectrum, charts.lag].filter((c): c is ChartSpec => c !== null),
  };
}

function describePhase(p: PhaseResult): string {
  const mbPerSec = phaseMBPerSec(p);
  const target = p.targetRate === null ? 'as fast as possible' : `target ${formatCount(p.targetRate)} msg/s`;
  return (
    `${p.type}, ${formatSeconds(p.durationSec)}, ${target}; ` +
    `achieved ${formatCount(p.achievedRate)} msg/s (${formatMB(mbPerSec)} MB/s)`
  );
}

function flags(p: PhaseResult): Html {
  const items: Html[] = [];
  if (!p.recorded) items.push(badge('warmup: not recorded, not part of the verdict', 'muted'));
  if (p.generatorBound) items.push(badge('generator-bound', 'bad'));
  const reasons =
    p.generatorBoundReasons.length > 0
      ? html`<ul class="reasons">${p.generatorBoundReasons.map((r) => html`<li>${r}</li>`)}</ul>`
      : null;
  return items.length === 0 && !reasons ? html`` : html`<div class="flags">${items}${reasons}</div>`;
}

const LATENCY_KINDS: { label: string; what: string; pick: (p: PhaseResult) => LatencySummaryUs }[] = [
  { label: 'publish', what: 'intended send → ack', pick: (p) => p.publishLatencyUs },
  { label: 'service', what: 'actual send → ack', pick: (p) => p.serviceLatencyUs },
  { label: 'schedule delay', what: 'intended → actual send', pick: (p) => p.scheduleDelayUs },
  { label: 'end-to-end', what: 'intended send → consume', pick: (p) => p.endToEndLatencyUs },
];

function latencyTable(p: PhaseResult): Html {
  const heads = ['count', 'mean', 'p50', 'p90', 'p99', 'p99.9', 'p99.99', 'max'];
  const row = (
    label: string,
    what: string,
    s: LatencySummaryUs,
  ) => html`<tr><th scope="row">${label}<small>${what}</small></th>
    <td>${formatCount(s.count)}</td>\
${[s.mean, s.p50, s.p90, s.p99, s.p999, s.p9999, s.max].map((v) => html`<td>${latencyMs(s, v)}</td>`)}</tr>`;
  return html`<table class="numbers latency">
  <caption>Latency (ms)</caption>
  <thead><tr><th></th>${heads.map((h) => html`<th>${h}</th>`)}</tr></thead>
  <tbody>${LATENCY_KINDS.map((k) => row(k.label, k.what, k.pick(p)))}</tbody>
</table>`;
}

function countsList(p: PhaseResult): Html {
  const failures = Object.entries(p.failed).filter(([, n]) => n > 0);
  const failed = totalFailed(p);
  const rows: [string, string][] = [
    ['sent', formatCount(p.sent)],
    ['acked', formatCount(p.acked)],
    [
      'failed',
      failures.length === 0
        ? '0'
        : `${formatCount(failed)} (${failures.map(([code, n]) => `${code} ${formatCount(n)}`).join(', ')})`,
    ],
    ['consumed', hasConsumers(p) ? formatCount(p.consumed) : 'no consumers'],
    ['queue-full waits', formatCount(p.queueFullWaits)],
    ['producer threads', formatCount(p.producerWorkers.length)],
    ['end-to-end clock', p.endToEndClock ?? 'none'],
  ];
  return html`<dl class="counts">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}
