/** The per-case tables, as aligned text for the terminal and as Markdown for results/bench/. */
import { formatTable, type Column } from '../../src/text/text-table.js';
import type { CaseReport, SummaryRow } from './types.js';

const COLUMNS: Column[] = [
  { header: 'tool', align: 'left' },
  { header: 'msgs', align: 'right' },
  { header: 'msg/s median [min-max]', align: 'right' },
  { header: 'MB/s', align: 'right' },
  { header: 'CPU us/msg', align: 'right' },
  { header: 'peak RSS MB', align: 'right' },
  { header: 'p99 ms', align: 'right' },
  { header: 'vs kload-1t', align: 'right' },
  { header: 'scaling eff.', align: 'right' },
];

/** Cell formats shared by the producer and the consumer tables. */
export const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');
export const fixed = (n: number | null, digits: number): string =>
  n !== null && Number.isFinite(n) ? n.toFixed(digits) : '-';
export const kilo = (n: number): string => (Number.isFinite(n) ? `${(n / 1000).toFixed(0)}k` : '-');

export function rowCells(row: SummaryRow): string[] {
  const range = row.runs > 1 ? ` [${kilo(row.minMsgsPerSec)}-${kilo(row.maxMsgsPerSec)}]` : '';
  return [
    row.tool,
    int(row.medianMessages),
    `${int(row.medianMsgsPerSec)}${range}`,
    fixed(row.medianMBPerSec, 1),
    fixed(row.medianCpuUsPerMsg, 2),
    fixed(row.medianPeakRssMb, 0),
    fixed(row.medianP99Ms, 1),
    row.ratioToKload1t === null ? '-' : `${row.ratioToKload1t.toFixed(2)}x`,
    row.scalingEfficiency === null ? '' : `${(row.scalingEfficiency * 100).toFixed(0)}%`,
  ];
}

export function caseTitle(c: CaseReport): string {
  const b = c.benchCase;
  const rounds = new Set(c.runs.map((r) => r.round)).size;
  return `${b.messageBytes} B, acks=${b.acks} (${rounds} round${rounds === 1 ? '' : 's'})`;
}

export function formatCaseText(c: CaseReport): string {
  const notes = c.runs.flatMap((r) => r.notes.map((n) => `  note: ${r.tool} round ${r.round + 1}: ${n}`));
  return [caseTitle(c), formatTable(COLUMNS, c.rows.map(rowCells)), ...notes].join('\n');
}

export function formatCaseMarkdown(c: CaseReport): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const header = `| ${COLUMNS.map((col) => col.header).join(' | ')} |`;
  const rule = `| ${COLUMNS.map((col) => (col.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const rows = c.rows.map((row) => `| ${rowCells(row).map(esc).join(' | ')} |`);
  const notes = c.runs.flatMap((r) => r.notes.map((n) => `- ${r.tool}, round ${r.round + 1}: ${esc(n)}`));
  return [`### ${caseTitle(c)}`, '', header, rule, ...rows, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
