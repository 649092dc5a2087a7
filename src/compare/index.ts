/** `kload compare`: two saved results of one scenario, metric by metric, with noise-aware verdicts. */
export { compareResults, type CompareOptions } from './compare-results.js';
export { assertComparable, comparabilityProblems } from './comparable.js';
export { COMPARISON_FORMATS, formatComparison, type ComparisonFormat } from './format-comparison.js';
export { parseMaxRegression } from './max-regression.js';
export { maxEstimate, quantileEstimate } from './quantile-interval.js';
export { readResultFile } from '../result/read-result.js';
export { relativeDelta, verdictOf, type VerdictInput } from './verdict.js';
export { judgeChange, type ChangeInput, type ChangeJudgement } from './judge-change.js';
export { BETWEEN_RUNS_METHOD, sampleStats, welchInterval, type DifferenceInterval } from './between-runs.js';
export { studentTCdf, studentTQuantile } from '../model/student-t.js';
export { calibrateNoiseFloor, DEFAULT_FLOOR_MARGIN } from './calibrate-noise-floor.js';
export { readNoiseFloorFile, writeNoiseFloorFile } from './noise-floor-file.js';
export { formatNoiseFloor } from './format-noise-floor.js';
export type * from './noise-floor-types.js';
export { NOISE_FLOOR_KIND, NOISE_FLOOR_SCHEMA_VERSION } from './noise-floor-types.js';
export type * from './types.js';
