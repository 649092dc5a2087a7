/**
 * A comparison for people and machines: an aligned table for the terminal, Markdown for a pull
 * request comment, JSON for scripts (the Comparison object as is).
 */
import { formatCount, formatDecimal, formatMsFromUs } from '../text/format.js';
import { formatTable, type Column } from '../text/text-table.js';
import type { Comparison, ComparisonRow, Estimate, MetricUnit, Verdict } from './types.js';
import { assertNever } from '../errors.js';

export type ComparisonFormat = 'table' | 'markdown' | 'json';
export const COMPARISON_FORMATS: readonly ComparisonFormat[] = ['table', 'markdown', 'json'];

const NONE = '-';
const VERDICT_ORDER: readonly Verdict[] = ['regressed', 'better', 'noise', 'noise unknown', 'ok', 'n/a'];

export function formatComparison(comparison: Comparison, format: ComparisonFormat): string {
  switch (format) {
    case 'table':
      return formatAsTable(comparison);
    case 'markdown':
      return formatAsMarkdown(comparison);
    case 'json':
      return JSON.stringify(comparison, null, 2);
    default:
      return assertNever(format, 'format');
  }
}

const COLUMNS: Column[] = [
  { header: 'phase', align: 'left' },
  { header: 'metric', align: 'left' },
  { header: 'unit', align: 'left' },
  { header: 'base', align: 'right' },
  { header: 'head', align: 'right' },
  { header: 'delta', align: 'right' },
  { header: 'runs', align: 'right' },
  { header: 'noise', align: 'right' },
  { header: 'verdict', align: 'left' },
  { header: 'rule', align: 'left' },
];

function formatAsTable(comparison: Comparison): string {
  const { base, head } = comparison;
  return [
    `Scenario "${comparison.scenario}": base ${base.startedAt} vs head ${head.startedAt}, ` +
      `tolerance ${percent(comparison.maxRegression)}`,
    methodLine(comparison),
    formatTable(COLUMNS, comparison.rows.map(cells)),
    `${tally(comparison.rows)}.`,
    ...comparison.notes.map((note) => `Note: ${note}.`),
  ].join('\n');
}

function formatAsMarkdown(comparison: Comparison): string {
  const { base, head } = comparison;
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const rows = comparison.rows.map((row) => {
    const [phase, metric, unit, baseText, headText, delta, runs, noise, verdict, rule] = cells(row).map(escape);
    const shownVerdict = row.verdict === 'regressed' ? `**${verdict}**` : verdict;
    return (
      `| ${phase} | ${metric} | ${unit} | ${baseText} | ${headText} | ${delta} | ${runs} | ${noise} | ` +
      `${shownVerdict} | ${rule} |`
    );
  });
  return [
    `### kload compare: \`${comparison.scenario}\``,
    '',
    `Base ${base.startedAt} (kload ${base.kloadVersion}) vs head ${head.startedAt} (kload ${head.kloadVersion}); ` +
      `tolerance ${percent(comparison.maxRegression)}.`,
    methodLine(comparison),
    '',
    '| phase | metric | unit | base | head | delta | runs | noise | verdict | rule |',
    '| :--- | :--- | :--- | ---: | ---: | ---: | ---: | ---: | :--- | :--- |',
    ...rows,
    '',
    `${tally(comparison.rows)}.`,
    ...comparison.notes.map((note) => `\n> Note: ${escape(note)}.`),
  ].join('\n');
}

function cells(row: ComparisonRow): string[] {
  return [
    row.phase,
    row.metric,
    unitLabel(row.unit),
    value(row.base, row.unit),
    value(row.head, row.unit),
    deltaText(row),
    `${row.samples.base}/${row.samples.head}`,
    noiseText(row),
    row.verdict,
    row.rule,
  ];
}

/** The noise a verdict was judged against: the change's interval between runs, or the A/A floor. */
function noiseText(row: ComparisonRow): string {
  if (row.interval !== null) return `${signedPercent(row.interval.low)}..${signedPercent(row.interval.high)}`;
  if (row.rule === 'noise-floor') return row.noiseFloor === null ? 'floor ∞' : `floor ${percentOf(row.noiseFloor)}`;
  return NONE;
}

/** Says which rules the table used, so nobody mistakes a verdict for more than it is. */
function methodLine(comparison: Comparison): string {
  const { method, base, head } = comparison;
  const runs = `Runs: base ${base.repeats}, head ${head.repeats}.`;
  const between =
    method.rowsJudgedBetweenRuns > 0
      ? ` Between runs: ${method.betweenRuns}, ${percent(method.familyConfidence)} family-wise over ` +
        `${method.rowsJudgedBetweenRuns} rows (each at ${percent(Number(method.rowConfidence.toFixed(5)))}).`
      : '';
  const floor = method.noiseFloor;
  const single =
    base.repeats < 2 || head.repeats < 2
      ? floor === null
        ? ' A side is a single run and no --noise-floor was given: changes beyond the tolerance are "noise unknown".'
        : ` Single runs judged against the noise floor ${floor.source} ` +
          `(${floor.runs} A/A runs, margin ${floor.margin}).`
      : '';
  return `${runs}${between}${single}`;
}

function unitLabel(unit: MetricUnit): string {
  // Stored in µs; shown in ms like every other kload table.
  return unit === 'us' ? 'ms' : unit === 'count' ? '' : unit;
}

function value(estimate: Estimate | null, unit: MetricUnit): string {
  if (estimate === null) return NONE;
  return unit === 'us' ? formatMsFromUs(estimate.value) : formatCount(estimate.value);
}

function deltaText(row: ComparisonRow): string {
  if (row.base === null || row.head === null) return NONE;
  if (row.delta === null) return 'from 0';
  return signedPercent(row.delta);
}

function signedPercent(fraction: number): string {
  return `${fraction > 0 ? '+' : ''}${percentOf(fraction)}`;
}

function percentOf(fraction: number): string {
  return `${formatDecimal(fraction * 100, 1)}%`;
}

/** "2 regressed, 1 better, 14 ok" in a fixed order, leaving out verdicts nobody got. */
function tally(rows: readonly ComparisonRow[]): string {
  const parts = VERDICT_ORDER.flatMap((verdict) => {
    const count = rows.filter((row) => row.verdict === verdict).length;
    return count === 0 ? [] : [`${count} ${verdict}`];
  });
  return parts.length === 0 ? 'No recorded phases to compare' : parts.join(', ');
}

/** 0.05 -> "5%", 0.125 -> "12.5%". */
export function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}
