/**
 * A RunResult as one self-contained HTML page. The sections come from a list so another kind of
 * result (a rate sweep) can bring its own builders and reuse the header, page and charts.
 */
import type { RunResult } from '../../result/result-types.js';
import type { ReportAssets } from './assets.js';
import { formatUtc } from './format-values.js';
import { renderPage } from './page.js';
import type { ReportSection } from './section.js';
import { faultBandsByPhase } from './fault-bands.js';
import { environmentSection } from './sections/environment.js';
import { faultsSection } from './sections/faults.js';
import { renderHeader } from './sections/header.js';
import { integritySection } from './sections/integrity.js';
import { phaseSection } from './sections/phase.js';
import { summarySection } from './sections/summary.js';
import { thresholdsSection } from './sections/thresholds.js';

export function runReportSections(result: RunResult): ReportSection[] {
  const faults = faultsSection(result);
  const bands = faultBandsByPhase(result.phases, result.faults ?? []);
  return [
    summarySection(result),
    thresholdsSection(result),
    integritySection(result),
    ...(faults ? [faults] : []),
    ...result.phases.map((phase, index) => phaseSection(phase, index, bands[index])),
    environmentSection(result),
  ];
}

export function renderRunReport(result: RunResult, assets: ReportAssets): string {
  return renderPage({
    title: `kload · ${result.scenario.name} · ${formatUtc(result.startedAt)}`,
    header: renderHeader(result),
    sections: runReportSections(result),
    footer: `kload ${result.kload.version}, result schema ${result.schemaVersion}`,
    assets,
  });
}
