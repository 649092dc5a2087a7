/**
 * The chart library's files, read from node_modules when a report is generated and inlined into
 * the page, so the report opens offline and never fetches anything.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface ReportAssets {
  chartJs: string;
  chartCss: string;
  /** Named in the page footer, e.g. "uPlot 1.6.32". */
  chartLibrary: string;
}

const require = createRequire(import.meta.url);

export function loadReportAssets(): ReportAssets {
  const read = (specifier: string) => readFileSync(require.resolve(specifier), 'utf8');
  const { version } = JSON.parse(read('uplot/package.json')) as { version: string };
  return {
    // The IIFE build defines the global `uPlot` the page's script calls.
    chartJs: read('uplot/dist/uPlot.iife.min.js'),
    chartCss: read('uplot/dist/uPlot.min.css'),
    chartLibrary: `uPlot ${version}`,
  };
}
