/** Thresholds: parse the scenario's expressions, judge a run against them, print the verdicts. */
export { evaluateOne, evaluateThresholds } from './evaluate.js';
export { formatThresholds } from './format.js';
export { failedThresholds, notEvaluated } from './outcome-status.js';
export { parseThreshold, parseThresholds, tryParseThreshold, type ThresholdParse } from './parse.js';
export type * from './types.js';
