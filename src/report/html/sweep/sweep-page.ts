/**
 * A sweep result as one self-contained page (see xy-page.ts): the point table, throughput against
 * N, R and K with the fits, USL, latency against throughput, partition sizing and Little's law.
 */
import type { SweepResult } from '../../../sweep/sweep-result-types.js';
import { writeFileAtomic } from '../../../write-file-atomic.js';
import { outputPath } from '../../write-reports.js';
import { loadReportAssets, type ReportAssets } from '../assets.js';
import { formatUtc } from '../format-values.js';
import { latencySection } from './sections/latency.js';
import { littlesLawSection } from './sections/littles-law.js';
import { partitionsSection } from './sections/partitions.js';
import { pointsSection, sweepHeader } from './sections/points.js';
import { scalingSection } from './sections/scaling.js';
import { uslSection } from './sections/usl.js';
import type { SweepSection } from './xy-chart.js';
import { renderXyPage } from './xy-page.js';

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
    header: sweepHeader(result),
    sections: sweepSections(result),
    footer: `kload ${result.kload.version}, sweep schema ${result.schemaVersion}`,
    assets,
  });
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
  const path = outputPath(resultPath, flagValue, '.html');
  const page = renderSweepPage(result, loadReportAssets());
  await writeFileAtomic(path, page);
  return { path, bytes: Buffer.byteLength(page) };
}
