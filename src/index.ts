/**
 * kload as a library (`import { ... } from 'kload'`): the same core `kload run`, `compare`,
 * `report` and `plan` call, without the command line. Only re-exports; the one wrapper with
 * logic of its own is library/run.ts.
 */

// Runs
export {
  runScenario,
  runSweep,
  saveResult,
  type LibraryRunOptions,
  type RunTarget,
  type SavedResult,
} from './library/run.js';
export type { ProgressSnapshot, Reporter } from './coordinator/reporter.js';
export { ERROR_CODES, ExitCode, KloadError, type KloadErrorCode } from './errors.js';

// Scenarios
export * from './scenario/index.js';
export { renderScenarioJsonSchema, scenarioJsonSchema } from './scenario/json-schema.js';

// Clusters
export { EmbeddedCluster, type EmbeddedClusterOptions } from './cluster/embedded-cluster.js';
export type { ClusterSecurity, ClusterSecurityOptions } from './cluster/security.js';

// Results
export type * from './result/result-types.js';
export { RESULT_SCHEMA_VERSION } from './result/result-types.js';
export type { ClusterDescription } from './result/cluster-description.js';
export { phaseSamples, resultSamples } from './result/phase-samples.js';
export { aggregateRepeats } from './result/aggregate-repeats.js';
export type { FaultImpact, FaultRecord } from './faults/fault-types.js';
export { formatSummaryTable } from './report/console-summary.js';
export { formatThresholds } from './thresholds/format.js';
export { failedThresholds, notEvaluated } from './thresholds/outcome-status.js';

// Compare two results
export * from './compare/index.js';

// Follow many results of one scenario (kload trend)
export * from './trend/index.js';
export { renderTrendPage, writeTrendPage } from './report/html/trend/trend-page.js';

// Reports
export { loadReportAssets, type ReportAssets } from './report/html/assets.js';
export { renderRunReport } from './report/html/render-report.js';
export { writeHtmlReport } from './report/html/write-html-report.js';
export { formatHlog } from './report/hlog.js';

// Sweeps and capacity plans
export type * from './sweep/sweep-result-types.js';
export { SWEEP_RESULT_SCHEMA_VERSION } from './sweep/sweep-result-types.js';
export { readSweepResult } from './sweep/read-sweep-result.js';
export { DEFAULT_MIN_R_SQUARED, planCapacity } from './plan/plan-capacity.js';
export { parseLatencyUs, parseTarget } from './plan/plan-inputs.js';
export { formatPlanMarkdown, formatRefusalMarkdown } from './plan/format-plan.js';
export { planSections, renderPlanPage, writePlanHtmlPage } from './report/html/plan/plan-page.js';
export type * from './plan/plan-types.js';
export { PLAN_SCHEMA_VERSION } from './plan/plan-types.js';
