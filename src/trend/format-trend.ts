/**
 * A trend for people and machines: per phase a table of runs (one column per metric) and one
 * verdict row per metric, for the terminal or Markdown; JSON is the Trend object as is.
 */
import { percent } from '../compare/format-comparison.js';
import { assertNever } from '../errors.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../text/format.js';
import { formatTable, type Column } from '../text/text-table.js';
import { MIN_BASELINE_RUNS } from './robust-band.js';
import type { ChangePoint, Trend, TrendBand, TrendPoint, TrendSeries } from './trend-types.js';

export type TrendFormat = 'table' | 'markdown' | 'json';
export const TREND_FORMATS: readonly TrendFormat[] = ['table', 'markdown', 'json'];

const NONE = '-';
export const LEGEND = '▲/▼ above/below the band of the runs before it; ◆ change point.';

export function formatTrend(trend: Trend, format: TrendFormat): string {
  switch (format) {
    case 'table':
      return render(
        trend,
        (columns, rows) => formatTable(columns, rows),
        (title) => title,
      );
    case 'markdown':
      return render(trend, markdownTable, (title) => `#### ${title}`, '### kload trend: ');
    case 'json':
      return JSON.stringify(trend, null, 2);
    default:
      return assertNever(format, 'format');
  }
}

type TableRenderer = (columns: readonly Column[], rows: readonly (readonly string[])[]) => string;

function render(trend: Trend, table: TableRenderer, heading: (title: string) => string, top = ''): string {
  const phases = [...new Set(trend.series.map((s) => s.phase))];
  const blocks = phases.map((phase) => {
    const series = trend.series.filter((s) => s.phase === phase);
    return [heading(`Phase ${phase}`), table(runColumns(series), runRows(trend, series))].join('\n');
  });
  return [
    `${top}Trend of "${trend.scenario}": ${trend.runs.length} runs ordered by ${trend.orderedBy}, ` +
      `labelled by ${trend.labelFrom}, tolerance ${percent(trend.maxRegression)}`,
    ...blocks,
    LEGEND,
    heading('Verdicts'),
    table(
      VERDICT_COLUMNS,
      trend.series.map((s) => verdictRow(trend, s)),
    ),
    [`${tally(trend)}.`, `Method: ${trend.method}`, ...trend.notes.map((note) => `Note: ${note}.`)].join('\n'),
  ].join('\n\n');
}

function runColumns(series: readonly TrendSeries[]): Column[] {
  return [
    { header: '#', align: 'right' },
    { header: 'label', align: 'left' },
    ...series.map((s): Column => ({ header: `${s.metric} ${unitLabel(s.unit)}`, align: 'right' })),
  ];
}

function runRows(trend: Trend, series: readonly TrendSeries[]): string[][] {
  return trend.runs.map((run, j) => [String(run.index), run.label, ...series.map((s) => pointCell(s, s.points[j]!))]);
}

function pointCell(s: TrendSeries, point: TrendPoint): string {
  if (point.value === null) return NONE;
  const moved =
    point.band === null ? '' : point.value > point.band.high ? ' ▲' : point.value < point.band.low ? ' ▼' : '';
  const change = s.changePoint?.run === point.run ? '◆' : '';
  return `${value(point.value, s.unit)}${moved}${change}`;
}

const VERDICT_COLUMNS: Column[] = [
  { header: 'phase', align: 'left' },
  { header: 'metric', align: 'left' },
  { header: 'earlier runs: median [band]', align: 'left' },
  { header: 'newest', align: 'right' },
  { header: 'verdict', align: 'left' },
  { header: 'change point', align: 'left' },
];

function verdictRow(trend: Trend, s: TrendSeries): string[] {
  const newest = s.points[s.points.length - 1]!;
  return [
    s.phase,
    `${s.metric} ${unitLabel(s.unit)}`.trim(),
    newest.band === null ? `${NONE} (fewer than ${MIN_BASELINE_RUNS} runs)` : bandText(newest.band, s.unit),
    newest.value === null ? NONE : value(newest.value, s.unit),
    s.newest,
    changeText(trend, s.changePoint, s.unit),
  ];
}

function bandText(band: TrendBand, unit: TrendSeries['unit']): string {
  return `${value(band.median, unit)} [${value(band.low, unit)} – ${value(band.high, unit)}] of ${band.runs}`;
}

function changeText(trend: Trend, change: ChangePoint | null, unit: TrendSeries['unit']): string {
  if (change === null) return 'none';
  const label = trend.runs[change.run - 1]?.label ?? '';
  const shift =
    change.shift === null ? 'from 0' : `${change.shift > 0 ? '+' : ''}${formatDecimal(change.shift * 100, 1)}%`;
  const from = `from ${value(change.before.median, unit)}`;
  const unconfirmed = change.confirmed ? '' : ', newest run: unconfirmed';
  return `run ${change.run} (${label}): ${change.movement} ${shift} ${from}${unconfirmed}`;
}

function tally(trend: Trend): string {
  const changed = trend.series.filter((s) => s.changePoint !== null).length;
  const n = trend.regressions;
  return (
    `${n} metric${n === 1 ? '' : 's'} of the newest run regressed, ` +
    `${changed} of ${trend.series.length} with a change point`
  );
}

function unitLabel(unit: TrendSeries['unit']): string {
  // Stored in µs; shown in ms like every other kload table.
  return unit === 'us' ? 'ms' : unit;
}

function value(v: number, unit: TrendSeries['unit']): string {
  return unit === 'us' ? formatMsFromUs(v) : formatCount(v);
}

function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  return [
    line(columns.map((c) => c.header)),
    `| ${columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
