/** The recorded phases folded into a few numbers, then one row per phase. */
import { formatCount, formatMB, formatMsFromUs, formatSeconds } from '../../../text/format.js';
import type { PhaseResult, RunResult } from '../../../result/result-types.js';
import { html, type Html } from '../escape.js';
import { latencyMs, NONE } from '../format-values.js';
import { badge, type ReportSection } from '../section.js';
import { phaseAnchor } from './phase.js';
import { phaseMBPerSec, totalFailed } from '../../../result/phase-figures.js';

export function summarySection(result: RunResult): ReportSection {
  return {
    id: 'summary',
    title: 'Summary',
    subtitle: 'recorded phases (warmup excluded)',
    body: html`${tiles(result)}${phaseTable(result.phases)}`,
    charts: [],
  };
}

interface Tile {
  label: string;
  /** Shown large; `unit` follows it in small type ("11,280" "msg/s"). */
  value: string;
  unit?: string;
  detail: Html | string;
}

function tiles({ summary: s, phases }: RunResult): Html {
  const recorded = phases.filter((p) => p.recorded);
  const hasPublish = recorded.some((p) => p.publishLatencyUs.count > 0);
  const hasEndToEnd = recorded.some((p) => p.endToEndLatencyUs.count > 0);
  const integrity = s.integrity;
  const problems = integrity ? integrity.lost + integrity.duplicated + integrity.outOfOrder : 0;
  const list: Tile[] = [
    {
      label: 'Throughput',
      value: formatCount(s.throughputMsgsPerSec),
      unit: 'msg/s',
      detail: `${formatMB(s.throughputMBPerSec)} MB/s acked`,
    },
    hasPublish
      ? {
          label: 'Publish p99',
          value: formatMsFromUs(s.publishP99Us),
          unit: 'ms',
          detail: `p50 ${formatMsFromUs(s.publishP50Us)} ms`,
        }
      : { label: 'Publish p99', value: NONE, detail: 'no acks' },
    hasEndToEnd
      ? { label: 'End-to-end p99', value: formatMsFromUs(s.endToEndP99Us), unit: 'ms', detail: 'send to consume' }
      : { label: 'End-to-end p99', value: NONE, detail: 'no consumers' },
    {
      label: 'Messages acked',
      value: formatCount(s.acked),
      detail: `of ${formatCount(s.sent)} sent · ${formatCount(s.failed)} failed · ${formatCount(s.consumed)} consumed`,
    },
    {
      label: 'Duration',
      value: formatSeconds(s.durationSec).replace(/ s$/, ''),
      unit: 's',
      detail: `${recorded.length} recorded phase${recorded.length === 1 ? '' : 's'}`,
    },
    integrity
      ? {
          label: 'Integrity',
          // Unverified messages (the drain did not finish) are no problem found, but no "ok" either.
          value: problems > 0 ? formatCount(problems) : (integrity.unverified ?? 0) > 0 ? 'unverified' : 'ok',
          unit: problems === 0 ? undefined : 'problems',
          detail:
            `${formatCount(integrity.lost)} lost · ${formatCount(integrity.duplicated)} duplicated · ` +
            `${formatCount(integrity.outOfOrder)} out of order` +
            ((integrity.unverified ?? 0) > 0 ? ` · ${formatCount(integrity.unverified)} unverified` : ''),
        }
      : { label: 'Integrity', value: NONE, detail: 'not checked (no consumers)' },
    s.generatorBound
      ? { label: 'Generator', value: 'bound', detail: badge('a phase measured kload, not Kafka', 'bad') }
      : { label: 'Generator', value: 'kept up', detail: 'schedule kept in every recorded phase' },
  ];
  return html`<div class="tiles">${list.map(renderTile)}</div>`;
}

function renderTile(t: Tile): Html {
  const unit = t.unit ? html` <span class="tile-unit">${t.unit}</span>` : null;
  return html`<div class="tile"><div class="tile-label">${t.label}</div>\
<div class="tile-value">${t.value}${unit}</div><div class="tile-detail">${t.detail}</div></div>`;
}

const HEADERS = [
  'phase',
  'type',
  'target msg/s',
  'achieved msg/s',
  'MB/s',
  'sent',
  'acked',
  'failed',
  'consumed',
  'pub p50',
  'pub p99',
  'pub p99.9',
  'pub max',
  'e2e p50',
  'e2e p99',
];

function phaseTable(phases: PhaseResult[]): Html {
  return html`<table class="numbers">
  <thead><tr>${HEADERS.map((h, i) => html`<th class="${i < 2 ? 'text' : ''}">${h}</th>`)}</tr></thead>
  <tbody>${phases.map((p, i) => phaseRow(p, i))}</tbody>
</table>
<p class="note">Latencies in ms. pub = intended send to broker ack, e2e = intended send to consume.</p>`;
}

function phaseRow(p: PhaseResult, index: number): Html {
  const mbPerSec = phaseMBPerSec(p);
  const failed = totalFailed(p);
  const pub = p.publishLatencyUs;
  const e2e = p.endToEndLatencyUs;
  const cells = [
    p.targetRate === null ? NONE : formatCount(p.targetRate),
    formatCount(p.achievedRate),
    formatMB(mbPerSec),
    formatCount(p.sent),
    formatCount(p.acked),
    formatCount(failed),
    formatCount(p.consumed),
    latencyMs(pub, pub.p50),
    latencyMs(pub, pub.p99),
    latencyMs(pub, pub.p999),
    latencyMs(pub, pub.max),
    latencyMs(e2e, e2e.p50),
    latencyMs(e2e, e2e.p99),
  ];
  return html`<tr class="${p.recorded ? '' : 'muted-row'}">\
<th scope="row"><a href="#${phaseAnchor(index)}">${p.name}</a>\
${p.recorded ? null : html` <small>(warmup)</small>`}</th>\
<td class="text">${p.type}</td>${cells.map((c) => html`<td>${c}</td>`)}</tr>`;
}
