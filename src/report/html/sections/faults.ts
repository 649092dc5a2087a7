/** The scenario's faults: what was done when, how it went, and what it did to the load. */
import type { FaultImpact, FaultRecord } from '../../../faults/fault-types.js';
import type { RunResult } from '../../../result/result-types.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../../../text/format.js';
import { html, type Html } from '../escape.js';
import { NONE } from '../format-values.js';
import { badge, type ReportSection, type Tone } from '../section.js';

const HEADERS = [
  '#',
  'action',
  'target',
  'node',
  'planned',
  'started',
  'ended',
  'outcome',
  'unavailable',
  'recovery',
  'lost',
  'duplicated',
  'detail',
];
/** Columns that hold words, aligned left. */
const TEXT_COLUMNS = new Set(['action', 'target', 'planned', 'outcome', 'detail']);

/** Null when the run had no faults: the section is left out. */
export function faultsSection(result: RunResult): ReportSection | null {
  const faults = result.faults ?? [];
  if (faults.length === 0) return null;
  return {
    id: 'faults',
    title: 'Faults',
    subtitle: 'times in seconds since the schedule started; shaded on every time chart of the phases they overlap',
    body: html`<table class="numbers faults">
  <thead><tr>${HEADERS.map((h) => html`<th class="${TEXT_COLUMNS.has(h) ? 'text' : ''}">${h}</th>`)}</tr></thead>
  <tbody>${faults.map(row)}</tbody>
</table>
<p class="note">Unavailable: the longest time a partition went without an ack while the fault lasted and until
it recovered. Recovery: from the fault's start until every second's publish p99 stayed within 2× the phase's
p99 before the fault (the baseline). Lost and duplicated: messages meant to be sent in that window.</p>`,
    charts: [],
  };
}

const OUTCOME_TONE: Record<FaultRecord['outcome'], Tone> = { done: 'good', failed: 'bad', skipped: 'muted' };

function row(f: FaultRecord): Html {
  const i = f.impact;
  return html`<tr class="${f.outcome === 'failed' ? 'failed-row' : ''}">\
<th scope="row">${f.index + 1}</th><td class="text">${f.action}</td><td class="text">${f.target}</td>\
<td>${f.nodeId === null ? NONE : f.nodeId}</td>\
<td class="text nowrap">${f.phase}+${formatDecimal(f.plannedAtSec, 1)}s</td>\
<td>${seconds(f.startedAtSec)}</td><td>${f.startedAtSec === null ? NONE : seconds(f.endedAtSec, 'never')}</td>\
<td class="text">${badge(f.outcome, OUTCOME_TONE[f.outcome])}</td>${impactCells(i)}\
<td class="text">${f.detail}</td></tr>`;
}

function impactCells(i: FaultImpact | null): Html {
  if (i === null) return html`<td colspan="4" class="text dim">not measured</td>`;
  const unavailable =
    i.unavailablePartition === null
      ? 'none'
      : `${formatDecimal(i.unavailabilityMs / 1000, 1)} s (partition ${i.unavailablePartition})`;
  // Without a baseline of its own (a fault at its phase's start) recovery is judged against the phase before.
  const baseline =
    i.baselineP99Us !== null
      ? `baseline p99 ${formatMsFromUs(i.baselineP99Us)} ms`
      : i.recoverySec !== null
        ? 'against the previous phase'
        : 'no baseline before the fault';
  const recovery = i.recoverySec === null ? 'not recovered' : `${formatDecimal(i.recoverySec, 1)} s`;
  return html`<td>${unavailable}</td><td>${recovery}<small class="dim">${baseline}</small></td>\
${count(i.lostInWindow)}${count(i.duplicatedInWindow)}`;
}

function count(n: number | null): Html {
  if (n === null) return html`<td class="dim">${NONE}</td>`;
  return html`<td class="${n > 0 ? 'bad-cell' : ''}">${formatCount(n)}</td>`;
}

function seconds(sec: number | null, none = NONE): string {
  return sec === null ? none : formatDecimal(sec, 1);
}
