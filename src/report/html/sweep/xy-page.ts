/**
 * The skeleton of a page of x-y charts (the sweep page, and the plan page built on its charts):
 * like the run report, the styles, the chart library and the chart data are inlined under the same
 * Content-Security-Policy, so the page opens offline and never fetches anything. Its charts plot
 * x against y (N, R, K, throughput), so it brings its own drawing script instead of the run
 * report's time and percentile charts.
 */
import type { ReportAssets } from '../assets.js';
import type { Html } from '../escape.js';
import { renderChartPage } from '../page.js';
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
  return renderChartPage({ ...parts, css: XY_CSS + (parts.css ?? ''), draw: drawSweepCharts });
}
