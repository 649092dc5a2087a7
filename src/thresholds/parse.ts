/**
 * Parses threshold expressions: `[<phase>:] <metric> <operator> <number>[<unit>]`, e.g.
 * "steady: publish.p99 < 50ms", "throughput > 10 MB/s", "lost == 0", "errors.rate < 0.1%".
 * Pure; the scenario schema calls it so a bad threshold fails validation, not the end of a run.
 */
import { KloadError } from '../errors.js';
import { resolveMetricWord, withUnit } from './resolve-metric.js';
import { Scanner, SyntaxProblem, type Token } from './syntax-problem.js';
import type { ParsedThreshold, ThresholdOperator } from './types.js';
import { OPERATOR_MISSPELLINGS, OPERATORS } from './vocabulary.js';

const OPERATOR_LIST = '<, <=, >, >=, == or !=';
const OPERATOR_CHAR = /[<>=!]/;
/** Units never start with these, so the number ends where they end: "50ms", "1e3us", "0.1%". */
const NUMBER_CHAR = /[0-9.,_eE+-]/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type ThresholdParse = { ok: true; threshold: ParsedThreshold } | { ok: false; message: string };

/** Never throws for a bad expression; `message` reads `"<text>": <problem> (column N)`. */
export function tryParseThreshold(text: string): ThresholdParse {
  try {
    return { ok: true, threshold: parseParts(text) };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { ok: false, message: `${JSON.stringify(text)}: ${error.message} (column ${error.column})` };
  }
}

export function parseThreshold(text: string): ParsedThreshold {
  const parsed = tryParseThreshold(text);
  if (!parsed.ok) throw new KloadError('INVALID_SCENARIO', parsed.message, { hint: GRAMMAR_HINT });
  return parsed.threshold;
}

/** All of them, or one error listing every bad one as `thresholds[i]: <message>`. */
export function parseThresholds(texts: readonly string[]): ParsedThreshold[] {
  const parsed = texts.map(tryParseThreshold);
  const problems = parsed.flatMap((p, i) => (p.ok ? [] : [`thresholds[${i}]: ${p.message}`]));
  if (problems.length > 0) throw new KloadError('INVALID_SCENARIO', problems.join('\n'), { hint: GRAMMAR_HINT });
  return parsed.flatMap((p) => (p.ok ? [p.threshold] : []));
}

const GRAMMAR_HINT =
  'A threshold reads [<phase>:] <metric> <operator> <number>[<unit>], ' +
  'e.g. "publish.p99 < 50ms", "steady: lost == 0", "throughput > 20000 msg/s".';

function parseParts(text: string): ParsedThreshold {
  const scanner = new Scanner(text);
  scanner.skipSpaces();
  if (scanner.atEnd()) throw new SyntaxProblem('is empty (expected e.g. "publish.p99 < 50ms")', 1);
  const phase = readPhase(scanner);
  const metricToken = scanner.takeWhile(/[^\s<>=!]/);
  if (metricToken.text === '') throw new SyntaxProblem('expected a metric, e.g. publish.p99', metricToken.column);
  const word = resolveMetricWord(metricToken);
  scanner.skipSpaces();
  const operator = readOperator(scanner, metricToken.text);
  scanner.skipSpaces();
  const limit = readNumber(scanner, operator);
  const unitColumn = scanner.column;
  scanner.skipSpaces();
  const unit = scanner.takeWhile(/\S/);
  scanner.skipSpaces();
  const extra = scanner.rest();
  if (extra.text !== '') throw new SyntaxProblem(`unexpected "${extra.text}" after the limit`, extra.column);
  const metric = withUnit(word, metricToken.text, unit.text === '' ? { text: '', column: unitColumn } : unit);
  return { expression: text, phase, metric, operator, limit };
}

/** "steady: ..." scopes to one phase. Metrics, numbers and units never contain ":". */
function readPhase(scanner: Scanner): string | null {
  const colon = scanner.text.indexOf(':');
  if (colon < 0) return null;
  const name = scanner.text.slice(0, colon).trim();
  if (name === '') throw new SyntaxProblem('missing phase name before ":"', colon + 1);
  scanner.seek(colon + 1);
  scanner.skipSpaces();
  return name;
}

function readOperator(scanner: Scanner, metricText: string): ThresholdOperator {
  const token = scanner.takeWhile(OPERATOR_CHAR);
  if (token.text === '') {
    const found = scanner.atEnd() ? '' : `, found "${scanner.text.slice(scanner.column - 1).trim()}"`;
    throw new SyntaxProblem(`expected an operator (${OPERATOR_LIST}) after "${metricText}"${found}`, token.column);
  }
  const operator = OPERATORS.find((op) => op === token.text);
  if (operator !== undefined) return operator;
  const meant = OPERATOR_MISSPELLINGS[token.text];
  const help = meant === undefined ? `expected ${OPERATOR_LIST}` : `did you mean "${meant}"?`;
  throw new SyntaxProblem(`unknown operator "${token.text}" (${help})`, token.column);
}

function readNumber(scanner: Scanner, operator: ThresholdOperator): number {
  const token: Token = scanner.takeWhile(NUMBER_CHAR);
  const { text, column } = token;
  if (text === '') {
    const next =
      scanner.text
        .slice(column - 1)
        .trim()
        .split(/\s/)[0] ?? '';
    const found = next === '' ? '' : `, found "${next}"`;
    throw new SyntaxProblem(`expected a number after "${operator}"${found}`, column);
  }
  if (text.startsWith('-')) throw new SyntaxProblem(`limit must not be negative (${text})`, column);
  if (/[,_]/.test(text)) {
    throw new SyntaxProblem(`bad number "${text}" (write it without separators: ${text.replace(/[,_]/g, '')})`, column);
  }
  const value = Number(text);
  if (!NUMBER.test(text) || !Number.isFinite(value)) throw new SyntaxProblem(`bad number "${text}"`, column);
  return value;
}
