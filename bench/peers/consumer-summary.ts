/**
 * The consumer cases' rows (rounds folded: medians, the range, ratios to kload's native
 * consumer) and their tables, as aligned text and as Markdown, in the producer tables' style.
 */
import { formatTable, type Column } from '../../src/text/text-table.js';
import type { ConsumerCaseReport, ConsumerSummaryRow, ConsumerToolRun, FilledTopic } from './consumer-types.js';
import { KLOAD_CONSUMER_NATIVE } from './kload-consumer-tool.js';
import { median } from './summarise.js';
import { fixed, int, kilo } from './format.js';

/** One row per tool, in `toolOrder`; tools without a successful run have none. */
export function summariseConsumerCase(runs: ConsumerToolRun[], toolOrder: string[]): ConsumerSummaryRow[] {
  const rows = toolOrder
    .map((tool) => runs.filter((r) => r.tool === tool))
    .filter((rs) => rs.length > 0)
    .map(foldRuns);
  const base = rows.find((r) => r.tool === KLOAD_CONSUMER_NATIVE)?.medianMsgsPerSec ?? NaN;
  return rows.map((row) => ({
    ...row,
    ratioToKloadNative: Number.isFinite(base) && base > 0 ? row.medianMsgsPerSec / base : null,
  }));
}

function foldRuns(runs: ConsumerToolRun[]): ConsumerSummaryRow {
  const rates = runs.map((r) => r.msgsPerSec);
  const kload = runs.map((r) => r.kload).filter((k) => k !== null);
  const ofKload = (pick: (k: NonNullable<ConsumerToolRun['kload']>) => number) =>
    kload.length > 0 ? kload.map(pick) : null;
  const p50s = ofKload((k) => k.e2eP50Us / 1000);
  const p99s = ofKload((k) => k.e2eP99Us / 1000);
  const sum = (xs: number[] | null) => (xs === null ? null : xs.reduce((a, b) => a + b, 0));
  return {
    tool: runs[0]!.tool,
    runs: runs.length,
    medianMessages: median(runs.map((r) => r.messages)),
    medianMsgsPerSec: median(rates),
    minMsgsPerSec: Math.min(...rates),
    maxMsgsPerSec: Math.max(...rates),
    medianMBPerSec: median(runs.map((r) => r.mbPerSec)),
    medianCpuUsPerMsg: median(runs.map((r) => r.cpuUsPerMsg)),
    medianPeakRssMb: median(runs.map((r) => r.peakRssMb)),
    medianE2eP50Ms: p50s === null ? null : median(p50s),
    medianE2eP99Ms: p99s === null ? null : median(p99s),
    lost: sum(ofKload((k) => k.lost)),
    duplicated: sum(ofKload((k) => k.duplicated)),
    ratioToKloadNative: null,
  };
}

const COLUMNS: Column[] = [
  { header: 'tool', align: 'left' },
  { header: 'msgs', align: 'right' },
  { header: 'msg/s median [min-max]', align: 'right' },
  { header: 'MB/s', align: 'right' },
  { header: 'CPU us/msg', align: 'right' },
  { header: 'peak RSS MB', align: 'right' },
  { header: 'age p50/p99 s', align: 'right' },
  { header: 'lost/dup', align: 'right' },
  { header: 'vs kload native', align: 'right' },
];

export function consumerRowCells(row: ConsumerSummaryRow): string[] {
  const range = row.runs > 1 ? ` [${kilo(row.minMsgsPerSec)}-${kilo(row.maxMsgsPerSec)}]` : '';
  const seconds = (ms: number | null) => fixed(ms === null ? null : ms / 1000, 2);
  return [
    row.tool,
    int(row.medianMessages),
    `${int(row.medianMsgsPerSec)}${range}`,
    fixed(row.medianMBPerSec, 1),
    fixed(row.medianCpuUsPerMsg, 2),
    fixed(row.medianPeakRssMb, 0),
    row.medianE2eP50Ms === null ? '-' : `${seconds(row.medianE2eP50Ms)}/${seconds(row.medianE2eP99Ms)}`,
    row.lost === null ? '-' : `${row.lost}/${row.duplicated ?? 0}`,
    row.ratioToKloadNative === null ? '-' : `${row.ratioToKloadNative.toFixed(2)}x`,
  ];
}

export function consumerCaseTitle(f: FilledTopic, runs: ConsumerToolRun[]): string {
  const rounds = new Set(runs.map((r) => r.round)).size;
  const messages = `${f.messages.toLocaleString('en-US')} messages over ${f.partitions} partitions`;
  return `consumers, ${f.messageBytes} B: ${messages} (${rounds} round${rounds === 1 ? '' : 's'})`;
}

export function formatConsumerCaseText(c: ConsumerCaseReport): string {
  const notes = c.runs.flatMap((r) => r.notes.map((n) => `  note: ${r.tool} round ${r.round + 1}: ${n}`));
  return [consumerCaseTitle(c.filled, c.runs), formatTable(COLUMNS, c.rows.map(consumerRowCells)), ...notes].join('\n');
}

export function formatConsumerCaseMarkdown(c: ConsumerCaseReport): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const header = `| ${COLUMNS.map((col) => col.header).join(' | ')} |`;
  const rule = `| ${COLUMNS.map((col) => (col.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const rows = c.rows.map((row) => `| ${consumerRowCells(row).map(esc).join(' | ')} |`);
  const notes = c.runs.flatMap((r) => r.notes.map((n) => `- ${r.tool}, round ${r.round + 1}: ${esc(n)}`));
  return [
    `### ${consumerCaseTitle(c.filled, c.runs)}`,
    '',
    header,
    rule,
    ...rows,
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
