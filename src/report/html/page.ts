/**
 * The HTML skeleton: the chart library and the chart data inlined, a Content-Security-Policy that
 * forbids every network fetch (the report must open offline and never phone home), a table of
 * contents, then the sections in order.
 */
import type { ReportAssets } from './assets.js';
import type { ChartSpec } from './chart-specs.js';
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
  const charts: ChartSpec[] = parts.sections.flatMap((s) => s.charts);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<style>${raw(inlineSafe(parts.assets.chartCss))}</style>
<style>${raw(PAGE_CSS)}</style>
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
<script>(${raw(drawCharts.toString())})(uPlot, \
JSON.parse(document.getElementById('kload-charts').textContent));</script>
</body>
</html>
`.value;
}

function renderSection(s: ReportSection): Html {
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
