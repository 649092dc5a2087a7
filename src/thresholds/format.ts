/** Threshold verdicts for the terminal: one line each, the measured value beside the limit. */
import { formatCount } from '../text/format.js';
import type { ThresholdOutcome } from '../result/result-types.js';
import { notEvaluated } from './outcome-status.js';

const PASS = '✓';
const FAIL = '✗';
const NOT_EVALUATED = '?';

/**
 * A heading with the tally, then `✓ <expression>  actual 12.3 ms  limit < 50 ms` per threshold,
 * columns aligned; one the run could not decide ends in `not evaluated: <why>`. The empty string
 * when there are none, so callers can skip the block.
 */
export function formatThresholds(outcomes: readonly ThresholdOutcome[]): string {
  if (outcomes.length === 0) return '';
  const passed = outcomes.filter((outcome) => outcome.pass).length;
  const unjudged = outcomes.filter(notEvaluated).length;
  const heading =
    `Thresholds: ${passed} of ${outcomes.length} passed` + (unjudged > 0 ? `, ${unjudged} not evaluated` : '');
  const expressionWidth = Math.max(...outcomes.map((outcome) => outcome.expression.length));
  const actuals = outcomes.map(actualText);
  const actualWidth = Math.max(...actuals.map((text) => text.length));
  const lines = outcomes.map((outcome, i) => {
    const mark = notEvaluated(outcome) ? NOT_EVALUATED : outcome.pass ? PASS : FAIL;
    const limit = `limit ${outcome.operator} ${withUnit(outcome.limit, outcome.unit)}`;
    const why = notEvaluated(outcome) ? `  not evaluated: ${outcome.notEvaluatedReason ?? 'undecided'}` : '';
    return (
      `  ${mark} ${outcome.expression.padEnd(expressionWidth)}  ` +
      `${(actuals[i] ?? '').padEnd(actualWidth)}  ${limit}${why}`
    );
  });
  return [heading, ...lines].join('\n');
}

function actualText(outcome: ThresholdOutcome): string {
  if (outcome.actual !== null) return `actual ${withUnit(outcome.actual, outcome.unit)}`;
  return outcome.phase === null ? 'not measured' : `not measured in phase "${outcome.phase}"`;
}

function withUnit(value: number, unit: string): string {
  const number = formatQuantity(value);
  if (unit === 'count' || unit === 'ratio') return number;
  if (unit === '%') return `${number}%`;
  return `${number} ${unit === 'us' ? 'µs' : unit}`;
}

/** Four significant digits below 1,000 (0.1234, 12.35, 999.5), whole numbers above. */
function formatQuantity(value: number): string {
  if (Math.abs(value) >= 1000 || Number.isInteger(value)) return formatCount(value);
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}
