/**
 * A capacity plan (or a refusal) as one self-contained page beside its sweep: the plan's numbers
 * with their evidence, the headroom, then the sweep page's own charts with the evidence points
 * ringed and the target, the p99 limit and the planned capacity drawn on them. A refusal page
 * lists every reason above the same charts, so the reader sees why.
 */
import { PLAN_SCHEMA_VERSION, type PlanOutcome } from '../../../plan/plan-types.js';
import type { SweepResult } from '../../../sweep/sweep-result-types.js';
import { writeFileAtomic } from '../../../write-file-atomic.js';
import { outputPath } from '../../write-reports.js';
import { loadReportAssets, type ReportAssets } from '../assets.js';
import { sweepSections } from '../sweep/sweep-page.js';
import type { SweepSection } from '../sweep/xy-chart.js';
import { renderXyPage } from '../sweep/xy-page.js';
import { headroomFigures } from './headroom.js';
import { referenceLines } from './reference-lines.js';
import { overlayPlan } from './plan-overlay.js';
import { pointMarks } from './point-marks.js';
import { headroomSection } from './sections/headroom.js';
import { askedText, planHeader } from './sections/plan-header.js';
import { evidenceSection, planNumbersSection } from './sections/plan-numbers.js';
import { refusalSection } from './sections/refusal.js';

/** The sweep page's sections whose charts the plan is read against. */
const CHART_SECTIONS = new Set(['scaling', 'usl', 'latency', 'partitions']);

const PLAN_CSS = `
.asked { font-size: 18px; margin: 6px 0 0; }
.chip { display: inline-block; padding: 0 7px; margin: 1px 3px 1px 0; border-radius: 6px; font-size: 13px;
  color: #d6336c; border: 1.5px solid #d6336c; font-variant-numeric: tabular-nums; }
table.plan-numbers td.value { font-weight: 650; white-space: nowrap; }
table.plan-numbers td { vertical-align: top; }
.warnings li { color: var(--warn); }
.refusal-reasons li { color: var(--bad); margin: 6px 0; }
table.plan-numbers th { vertical-align: top; }
`;

export function planSections(sweep: SweepResult, outcome: PlanOutcome): SweepSection[] {
  const figures = headroomFigures(sweep, outcome);
  const lines = referenceLines(figures, outcome);
  const marks = pointMarks(sweep, outcome);
  const charts = sweepSections(sweep)
    .filter((s) => CHART_SECTIONS.has(s.id))
    .map((s) => ({ ...s, charts: s.charts.map((spec) => overlayPlan(spec, marks, lines)) }));
  const own = outcome.ok
    ? [planNumbersSection(outcome.plan), headroomSection(figures), evidenceSection(sweep, outcome.plan)]
    : [refusalSection(outcome.refusal, marks), headroomSection(figures)];
  return [...own, ...charts];
}

/** `sweep` must be the sweep the outcome was planned from: the page draws its points. */
export function renderPlanPage(sweep: SweepResult, outcome: PlanOutcome, assets: ReportAssets): string {
  return renderXyPage({
    title: `kload · ${outcome.ok ? 'plan' : 'no plan'} · ${askedText(outcome)} · ${sweep.scenario.name}`,
    header: planHeader(outcome),
    sections: planSections(sweep, outcome),
    footer: `kload ${sweep.kload.version}, plan schema ${PLAN_SCHEMA_VERSION}`,
    css: PLAN_CSS,
    assets,
  });
}

/**
 * Writes the page to `flagValue`, or with `--html` alone ("") next to the sweep result with
 * -plan.html (the sweep's own page keeps .html); returns where and how large.
 */
export async function writePlanHtmlPage(
  sweep: SweepResult,
  outcome: PlanOutcome,
  sweepPath: string,
  flagValue: string,
): Promise<{ path: string; bytes: number }> {
  const path = outputPath(sweepPath, flagValue, '-plan.html');
  const page = renderPlanPage(sweep, outcome, loadReportAssets());
  await writeFileAtomic(path, page);
  return { path, bytes: Buffer.byteLength(page) };
}
