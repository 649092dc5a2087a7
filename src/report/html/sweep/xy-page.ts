/**
 * The skeleton of a page of x-y charts (the sweep page, and the plan page built on its charts):
 * like the run report, the styles, the chart library and the chart data are inlined under the same
 * Content-Security-Policy, so the page opens offline and never fetches anything. Its charts plot
 * x against y (N, R, K, throughput), so it brings its own drawing script instead of the run
 * report's time and percentile charts.
 */
import type { ReportAssets } from '../assets.js';
import { html, jsonForScript, raw, type Html } from '../escape.js';
import { CSP, inlineSafe } from '../page.js';
import { PAGE_CSS } from '../styles.js';
import { drawSweepCharts } from './draw-sweep-charts.js';
import type { SweepSection } from './xy-chart.js';

/** What x-y pages add to the run report's CSS: the verdict cards beside the fits. */
const XY_CSS = `
h3 { font-size: 16px; margin: 22px 0 10px; }
.verdicts { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 14px; }
.verdict { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; font-size: 14px; }
.verdict h4 { margin: 0 0 6px; font-size: 15px; display: flex; gap: 10px; align-items: baseline; }
.verdict p { margin: 4px 0; }
.verdict ul { margin: 4px 0; padding-left: 20px; }
.verdict .headline { font-weight: 600; }
.facts-list { font-size: 14px; }
`;

export interface XyPageParts {
  title: string;
  header: Html;
  sections: SweepSection[];
  /** Before "charts drawn with …", e.g. "kload 0.1.0, sweep schema 1". */
  footer: string;
  /** The page's own CSS, after the shared styles. */
  css?: string;
  assets: ReportAssets;
}

export function renderXyPage(parts: XyPageParts): string {
  const charts = parts.sections.flatMap((s) => s.charts);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<style>${raw(inlineSafe(parts.assets.chartCss))}</style>
<style>${raw(PAGE_CSS)}${raw(XY_CSS)}${raw(parts.css ?? '')}</style>
</head>
<body>
<main>
${parts.header}
<nav class="toc">${parts.sections.map((s) => html`<a href="#${s.id}">${s.title}</a>`)}</nav>
${parts.sections.map(renderSection)}
<footer>${parts.footer} · charts drawn with ${parts.assets.chartLibrary}, inlined: this file needs no network.</footer>
</main>
<script type="application/json" id="kload-charts">${raw(jsonForScript(charts))}</script>
<script>${raw(inlineSafe(parts.assets.chartJs))}</script>
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
