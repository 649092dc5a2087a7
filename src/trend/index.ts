/** `kload trend`: results of one scenario over time, with noise bands, change points and a verdict. */
export { buildTrend, methodText, type TrendOptions } from './build-trend.js';
export { findChangePoint, PERSISTENCE_RUNS, type RunValues } from './change-point.js';
export { formatTrend, TREND_FORMATS, type TrendFormat } from './format-trend.js';
export { orderRuns, TREND_ORDERS, type LabelledRun, type ResultFile } from './order-runs.js';
export { bandOf, median, MIN_BASELINE_RUNS, movementOf, SPREAD_FACTOR } from './robust-band.js';
export { labelSourceText, parseLabelSource, runLabel } from './run-labels.js';
export type * from './trend-types.js';
