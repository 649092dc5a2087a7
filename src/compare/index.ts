/** `kload compare`: two saved results of one scenario, metric by metric, with noise-aware verdicts. */
export { compareResults, type CompareOptions } from './compare-results.js';
export { assertComparable, comparabilityProblems } from './comparable.js';
export { COMPARISON_FORMATS, formatComparison, type ComparisonFormat } from './format-comparison.js';
export { parseMaxRegression } from './max-regression.js';
export { maxEstimate, quantileEstimate } from './quantile-interval.js';
export { readResultFile } from '../result/read-result.js';
export { relativeDelta, verdictOf, type VerdictInput } from './verdict.js';
export type * from './types.js';
