/**
 * The headroom in figures: how far the planned configuration's capacity, one partition's measured
 * throughput and the expected p99 sit from what the target asks, and where the target falls
 * against the latency knee. On a refusal only the asked side is known.
 */
import { formatCount, formatDecimal, formatMsFromUs } from '../../../../text/format.js';
import { html, type Html } from '../../escape.js';
import { NONE } from '../../format-values.js';
import type { SweepSection } from '../../sweep/xy-chart.js';
import type { HeadroomFigures } from '../headroom.js';

/** A figure's tile, and the sentence under the tiles that explains it. */
interface Part {
  tile: Html;
  line: Html | null;
}

export function headroomSection(f: HeadroomFigures): SweepSection {
  const target = f.targetMsgsPerSec === null ? NONE : formatCount(f.targetMsgsPerSec);
  const parts: Part[] = [
    { tile: tile('Target', target, 'msg/s', 'the red line on the throughput charts'), line: null },
    ...(f.capacity === null ? [] : [capacityPart(f.capacity)]),
    ...(f.perPartition === null ? [] : [perPartitionPart(f.perPartition)]),
    { tile: tile('p99 limit', formatMsFromUs(f.p99LimitUs), 'ms', 'the red line on the latency chart'), line: null },
    ...(f.latency === null ? [] : [latencyPart(f.latency)]),
    kneePart(f.knee),
  ];
  const lines = parts.flatMap((p) => (p.line === null ? [] : [p.line]));
  return {
    id: 'headroom',
    title: f.capacity === null ? 'Target against the measurements' : 'Headroom',
    subtitle: 'what the target asks against what the sweep measured',
    body: html`<div class="tiles">${parts.map((p) => p.tile)}</div>\
${lines.length > 0 ? html`<ul class="facts-list">${lines}</ul>` : null}`,
    charts: [],
  };
}

function capacityPart(c: NonNullable<HeadroomFigures['capacity']>): Part {
  const spare = `${formatDecimal(c.spareFraction * 100, 0)}% spare`;
  return { tile: tile('Planned capacity', formatCount(c.msgsPerSec), 'msg/s', spare), line: null };
}

function perPartitionPart(pp: NonNullable<HeadroomFigures['perPartition']>): Part {
  const measured =
    `p = ${formatCount(pp.producerMsgsPerSec)}` +
    (pp.consumerMsgsPerSec === null ? '' : `, c = ${formatCount(pp.consumerMsgsPerSec)}`);
  return {
    tile: tile('Per partition', formatCount(pp.loadMsgsPerSec), 'msg/s', `measured ${measured}`),
    line: html`<li>Each of the ${formatCount(pp.partitions)} planned partitions carries
${formatCount(pp.loadMsgsPerSec)} msg/s at the target; one partition of the basis carried ${measured} msg/s,
${formatDecimal(pp.ratio, 2)}× that.</li>`,
  };
}

function latencyPart({ expectedP99Us, limitRatio }: NonNullable<HeadroomFigures['latency']>): Part {
  const ratio = formatDecimal(limitRatio, 2);
  return {
    tile: tile('Expected p99', formatMsFromUs(expectedP99Us), 'ms', `the limit is ${ratio}× it`),
    line: html`<li>The expected p99 of ${formatMsFromUs(expectedP99Us)} ms is the basis point's, measured;
the limit is ${ratio}× it.</li>`,
  };
}

function kneePart(knee: HeadroomFigures['knee']): Part {
  if ('reason' in knee)
    return {
      tile: tile('Latency knee', NONE, '', 'none in this sweep'),
      line: html`<li>No latency knee: ${knee.reason}.</li>`,
    };
  const share =
    knee.targetShare === null
      ? 'no target to set against it'
      : `target = ${formatDecimal(knee.targetShare * 100, 0)}% of it`;
  return {
    tile: tile('Latency knee', formatCount(knee.throughputMsgsPerSec), 'msg/s', share),
    line: html`<li>p99 leaves its floor for good from ${formatCount(knee.throughputMsgsPerSec)} msg/s
(${formatMsFromUs(knee.p99Us)} ms there; the knee on the latency chart); ${share}. The knee is over the whole grid,
not one configuration.</li>`,
  };
}

function tile(label: string, value: string, unit: string, detail: string): Html {
  return html`<div class="tile"><div class="tile-label">${label}</div>\
<div class="tile-value">${value}${unit === '' ? null : html` <span class="tile-unit">${unit}</span>`}</div>\
<div class="tile-detail">${detail}</div></div>`;
}
