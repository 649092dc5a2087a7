/**
 * A trend as one self-contained page, like the run report and the sweep page: the same styles,
 * uPlot and the data inlined, the same Content-Security-Policy, so it opens offline.
 */
import type { Trend } from '../../../trend/trend-types.js';
import { writeFileAtomic } from '../../../write-file-atomic.js';
import { loadReportAssets, type ReportAssets } from '../assets.js';
import { renderXyPage } from '../sweep/xy-page.js';
import { phaseSections, runsSection, trendHeader, verdictsSection } from './trend-sections.js';

const TREND_CSS = `
table.runs code { font-size: 12px; }
`;

export function renderTrendPage(trend: Trend, assets: ReportAssets): string {
  const last = trend.runs[trend.runs.length - 1]!;
  return renderXyPage({
    title: `kload · trend ${trend.scenario} · ${trend.runs.length} runs to ${last.label}`,
    css: TREND_CSS,
    header: trendHeader(trend),
    sections: [verdictsSection(trend), ...phaseSections(trend), runsSection(trend)],
    footer: `kload trend of ${trend.runs.length} results`,
    assets,
  });
}

/** Writes the page atomically; returns where and how large. */
export async function writeTrendPage(trend: Trend, path: string): Promise<{ path: string; bytes: number }> {
  const page = renderTrendPage(trend, loadReportAssets());
  await writeFileAtomic(path, page);
  return { path, bytes: Buffer.byteLength(page) };
}
