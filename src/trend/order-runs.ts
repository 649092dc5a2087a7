/**
 * The runs of a trend, checked and in order. Every result must be comparable with the first one
 * named (compare/comparable.ts: same result format, scenario and phases), or the trend would put
 * one phase's numbers beside another's; all differences are listed with the files they are in.
 */
import { comparabilityProblems } from '../compare/comparable.js';
import { assertNever, KloadError } from '../errors.js';
import type { RunResult } from '../result/result-types.js';
import { runLabel } from './run-labels.js';
import type { LabelSource, TrendOrder } from './trend-types.js';

export const TREND_ORDERS: readonly TrendOrder[] = ['time', 'label', 'files'];

export interface ResultFile {
  file: string;
  result: RunResult;
}

export interface LabelledRun extends ResultFile {
  label: string;
}

const HINT =
  'A trend follows one scenario over time: pass results of the same scenario file, e.g. results/quickstart-*.json.';

export function orderRuns(files: readonly ResultFile[], order: TrendOrder, labels: LabelSource): LabelledRun[] {
  if (files.length < 2) {
    throw new KloadError('INVALID_ARGUMENT', `a trend needs at least 2 results (got ${files.length})`, { hint: HINT });
  }
  assertAllComparable(files);
  const labelled = files.map((f) => ({ ...f, label: runLabel(f.result, labels, f.file) }));
  return sortRuns(labelled, order);
}

function assertAllComparable(files: readonly ResultFile[]): void {
  const [first, ...rest] = files as [ResultFile, ...ResultFile[]];
  const problems = rest.flatMap(({ file, result }) =>
    comparabilityProblems(first.result, result).map(
      (problem) => `${file} (head) against ${first.file} (base): ${problem}`,
    ),
  );
  if (problems.length === 0) return;
  const message = ['the results cannot form one trend:', ...problems.map((p) => `  ${p}`)].join('\n');
  throw new KloadError('INVALID_ARGUMENT', message, { hint: HINT });
}

function sortRuns(runs: LabelledRun[], order: TrendOrder): LabelledRun[] {
  switch (order) {
    case 'files':
      return runs;
    case 'time':
      // Stable: runs started in the same millisecond keep the order they were given in.
      return [...runs].sort((a, b) => Date.parse(a.result.startedAt) - Date.parse(b.result.startedAt));
    case 'label':
      // Natural order, so build-9 comes before build-10 and v1.2 before v1.10.
      return [...runs].sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
    default:
      return assertNever(order, 'order');
  }
}
