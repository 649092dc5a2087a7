/** The trend page's header, its runs, the verdicts and one section per phase with its charts. */
import { percent } from '../../../compare/format-comparison.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../../../text/format.js';
import type { ChangePoint, Trend, TrendSeries } from '../../../trend/trend-types.js';
import { html, type Html } from '../escape.js';
import { formatUtc, NONE } from '../format-values.js';
import { badge, type Tone } from '../section.js';
import { xySlot, type SweepSection } from '../sweep/xy-chart.js';
import { trendChart } from './trend-charts.js';

const VERDICT_TONE: Record<TrendSeries['newest'], Tone> = {
  regressed: 'bad',
  better: 'good',
  ok: 'good',
  'n/a': 'muted',
};

export function trendHeader(trend: Trend): Html {
  const first = trend.runs[0]!;
  const last = trend.runs[trend.runs.length - 1]!;
  const facts: [string, string][] = [
    ['Runs', formatCount(trend.runs.length)],
    ['Ordered by', trend.orderedBy],
    ['Labelled by', trend.labelFrom],
    ['Tolerance', percent(trend.maxRegression)],
    ['First', `${first.label} · ${formatUtc(first.startedAt)}`],
    ['Newest', `${last.label} · ${formatUtc(last.startedAt)}`],
  ];
  const tone: Tone = trend.regressions > 0 ? 'bad' : 'good';
  const verdict = trend.regressions > 0 ? `newest run regressed in ${trend.regressions}` : 'newest run within noise';
  return html`<header class="page-header">
  <div class="title-row"><h1>Trend ${trend.scenario}</h1>${badge(verdict, tone)}</div>
  <dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
  <p class="note">${trend.method}</p>
  ${trend.notes.map((note) => html`<p class="note">Note: ${note}.</p>`)}
</header>`;
}

export function runsSection(trend: Trend): SweepSection {
  const row = (run: Trend['runs'][number]) => html`<tr><th scope="row">${run.index}</th>\
<td class="text">${run.label}</td><td class="text">${formatUtc(run.startedAt)}</td>\
<td class="text">${run.status}</td><td>${formatCount(run.samples)}</td>\
<td class="text"><code>${run.file}</code></td></tr>`;
  return {
    id: 'runs',
    title: 'Runs',
    subtitle: 'in trend order; samples: repeats of kload run --repeats, else 1',
    body: html`<table class="numbers runs"><thead><tr><th>#</th><th class="text">label</th>\
<th class="text">started</th><th class="text">status</th><th>samples</th><th class="text">file</th></tr></thead>
<tbody>${trend.runs.map(row)}</tbody></table>`,
    charts: [],
  };
}

export function verdictsSection(trend: Trend): SweepSection {
  const row = (s: TrendSeries) => {
    const newest = s.points[s.points.length - 1]!;
    const band = newest.band;
    return html`<tr><th scope="row">${s.phase}</th><td class="text">${s.metric}</td>\
<td>${band === null ? NONE : shown(band.median, s.unit)}</td>\
<td>${band === null ? NONE : `${shown(band.low, s.unit)} – ${shown(band.high, s.unit)}`}</td>\
<td>${newest.value === null ? NONE : shown(newest.value, s.unit)}</td>\
<td class="text">${badge(s.newest, VERDICT_TONE[s.newest])}</td>\
<td class="text">${changeText(trend, s.changePoint)}</td></tr>`;
  };
  return {
    id: 'verdicts',
    title: 'Verdicts',
    subtitle: 'the newest run against every run before it; latencies in ms, throughput in msg/s',
    body: html`<table class="numbers verdicts-table"><thead><tr><th class="text">phase</th><th class="text">metric</th>\
<th>median before</th><th>band before</th><th>newest</th><th class="text">verdict</th>\
<th class="text">change point</th></tr></thead>
<tbody>${trend.series.map(row)}</tbody></table>`,
    charts: [],
  };
}

export function phaseSections(trend: Trend): SweepSection[] {
  const names = trend.runs.map((r) => r.label);
  const phases = [...new Set(trend.series.map((s) => s.phase))];
  return phases.map((phase, i) => {
    const charts = trend.series.filter((s) => s.phase === phase).map((s) => trendChart(s, names));
    return {
      id: `phase-${i + 1}`,
      title: `Phase ${phase}`,
      subtitle: 'dots: runs; shaded: the band of the runs before each; dashed: their median; ring: change point',
      body: html`<div class="charts">${charts.map((c) => xySlot(c, c.title, ''))}</div>`,
      charts,
    };
  });
}

function changeText(trend: Trend, change: ChangePoint | null): string {
  if (change === null) return 'none';
  const label = trend.runs[change.run - 1]?.label ?? '';
  const shift = change.shift === null ? '' : ` ${change.shift > 0 ? '+' : ''}${formatDecimal(change.shift * 100, 1)}%`;
  return `run ${change.run} (${label}): ${change.movement}${shift}${change.confirmed ? '' : ' (newest, unconfirmed)'}`;
}

function shown(v: number, unit: TrendSeries['unit']): string {
  return unit === 'us' ? formatMsFromUs(v) : formatCount(v);
}
