/**
 * A sweep result as one self-contained page, like the run report: the same styles, the chart
 * library and data inlined, and the same Content-Security-Policy, so it opens offline and never
 * fetches anything. Its charts plot x against y (N, R, K, throughput), so it brings its own
 * drawing script instead of the run report's time and percentile charts.
 */
import { extname } from 'node:path';
import type { SweepResult } from '../../../sweep/sweep-result-types.js';
import { writeFileAtomic } from '../../../write-file-atomic.js';
import { loadReportAssets, type ReportAssets } from '../assets.js';
import { html, jsonForScript, raw, type Html } from '../escape.js';
import { formatUtc } from '../format-values.js';
import { CSP, inlineSafe } from '../page.js';
import { PAGE_CSS } from '../styles.js';
import { drawSweepCharts } from './draw-sweep-charts.js';
import { latencySection } from './sections/latency.js';
import { littlesLawSection } from './sections/littles-law.js';
import { partitionsSection } from './sections/partitions.js';
import { pointsSection, sweepHeader } from './sections/points.js';
import { scalingSection } from './sections/scaling.js';
import { uslSection } from './sections/usl.js';
import type { SweepSection } from './xy-chart.js';

/** What the sweep page adds to the run report's CSS: the verdict cards beside the fits. */
const SWEEP_CSS = `
h3 { font-size: 16px; margin: 22px 0 10px; }
.verdicts { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 14px; }
.verdict { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; font-size: 14px; }
.verdict h4 { margin: 0 0 6px; font-size: 15px; display: flex; gap: 10px; align-items: baseline; }
.verdict p { margin: 4px 0; }
.verdict ul { margin: 4px 0; padding-left: 20px; }
.verdict .headline { font-weight: 600; }
.facts-list { font-size: 14px; }
`;

export function sweepSections(result: SweepResult): SweepSection[] {
  return [
    pointsSection(result),
    scalingSection(result),
    uslSection(result),
    latencySection(result),
    partitionsSection(result),
    littlesLawSection(result),
  ];
}

export function renderSweepPage(result: SweepResult, assets: ReportAssets): string {
  return renderXyPage({
    title: `kload · sweep ${result.scenario.name} · ${formatUtc(result.startedAt)}`,
    css: SWEEP_CSS,
    header: sweepHeader(result),
    sections: sweepSections(result),
    footer: `kload ${result.kload.version}, sweep schema ${result.schemaVersion}`,
    assets,
  });
}

export interface XyPageParts {
  title: string;
  /** Appended to the run report's CSS. */
  css: string;
  header: Html;
  sections: SweepSection[];
  /** Before "charts drawn with ...". */
  footer: string;
  assets: ReportAssets;
}

/** A page of x-y charts (the sweep page, the trend page): the run report's skeleton with drawSweepCharts. */
export function renderXyPage(parts: XyPageParts): string {
  const { sections, assets } = parts;
  const charts = sections.flatMap((s) => s.charts);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<style>${raw(inlineSafe(assets.chartCss))}</style>
<style>${raw(PAGE_CSS)}${raw(parts.css)}</style>
</head>
<body>
<main>
${parts.header}
<nav class="toc">${sections.map((s) => html`<a href="#${s.id}">${s.title}</a>`)}</nav>
${sections.map(renderSection)}
<footer>${parts.footer} · charts drawn with ${assets.chartLibrary}, inlined: this file needs no network.</footer>
</main>
<script type="application/json" id="kload-charts">${raw(jsonForScript(charts))}</script>
<script>${raw(inlineSafe(assets.chartJs))}</script>
<script>(${raw(drawSweepCharts.toString())})(uPlot, \
JSON.parse(document.getElementById('kload-charts').textContent));</script>
</body>
</html>
`.value;
}

function renderSection(s: SweepSection): Html {
  return html`<section class="report-section" id="${s.id}">
<h2>${s.title}${s.subtitle ? html`<small>${s.subtitle}</small>` : null}</h2>
${s.body}
</section>
`;
}

/**
 * Writes the page to `flagValue`, or with `--html` alone ("") next to the sweep result with .html;
 * returns where and how large.
 */
export async function writeSweepHtmlReport(
  result: SweepResult,
  resultPath: string,
  flagValue: string,
): Promise<{ path: string; bytes: number }> {
  const ext = extname(resultPath);
  const path = flagValue !== '' ? flagValue : `${ext === '' ? resultPath : resultPath.slice(0, -ext.length)}.html`;
  const page = renderSweepPage(result, loadReportAssets());
  await writeFileAtomic(path, page);
  return { path, bytes: Buffer.byteLength(page) };
}
