/**
 * The HTML skeleton: the chart library and the chart data inlined, a Content-Security-Policy that
 * forbids every network fetch (the report must open offline and never phone home), a table of
 * contents, then the sections in order.
 */
import type uPlot from 'uplot';
import type { ReportAssets } from './assets.js';
import { drawCharts } from './draw-charts.js';
import { html, jsonForScript, raw, type Html } from './escape.js';
import type { ReportSection } from './section.js';
import { PAGE_CSS } from './styles.js';

export interface PageParts {
  title: string;
  header: Html;
  sections: ReportSection[];
  footer: string;
  assets: ReportAssets;
}

export const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

export function renderPage(parts: PageParts): string {
  return renderChartPage({ ...parts, draw: drawCharts });
}

/** A section of any page built on this skeleton, with the charts its drawing function takes. */
export interface ChartPageSection<Chart> extends Omit<ReportSection, 'charts'> {
  charts: Chart[];
}

/**
 * The one skeleton of every kload page (the run report's time charts, the sweep, plan and trend
 * pages' x-y charts): only the chart kind, the function that draws it and extra CSS differ.
 */
export interface ChartPageParts<Chart> {
  title: string;
  header: Html;
  sections: ChartPageSection<Chart>[];
  /** Before "charts drawn with ...", e.g. "kload 0.1.0, result schema 2". */
  footer: string;
  /** Appended to the shared styles. */
  css?: string;
  assets: ReportAssets;
  /** Runs in the browser: its source is inlined, so it must use nothing but its arguments. */
  draw: (UPlot: typeof uPlot, charts: Chart[]) => void;
}

export function renderChartPage<Chart>(parts: ChartPageParts<Chart>): string {
  const charts = parts.sections.flatMap((s) => s.charts);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<style>${raw(inlineSafe(parts.assets.chartCss))}</style>
<style>${raw(PAGE_CSS)}${raw(parts.css ?? '')}</style>
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
<script>(${raw(parts.draw.toString())})(uPlot, \
JSON.parse(document.getElementById('kload-charts').textContent));</script>
</body>
</html>
`.value;
}

function renderSection(s: ChartPageSection<unknown>): Html {
  return html`<section class="report-section${s.muted ? ' muted' : ''}" id="${s.id}">
<h2>${s.title}${s.subtitle ? html`<small>${s.subtitle}</small>` : null}</h2>
${s.body}
</section>
`;
}

/** "</script" or "</style" inside inlined code would end its element early. */
export function inlineSafe(code: string): string {
  return code.replace(/<\/(script|style)/gi, '<\\/$1');
}
