/**
 * Metric names and units of the threshold language: which words are metrics, and which units
 * each kind of metric takes. Every refusal is a SyntaxProblem pointing at the offending word.
 */
import { didYouMean } from '../scenario/did-you-mean.js';
import { SyntaxProblem, type Token } from './syntax-problem.js';
import type { CountName, LatencySource, LatencyStat, LatencyUnit, ThresholdMetric } from './types.js';
import { assertNever } from '../errors.js';
import {
  COUNT_NAMES,
  LATENCY_SOURCES,
  LATENCY_STATS,
  LATENCY_UNIT_LIST,
  LATENCY_UNITS,
  METRIC_LIST,
  THROUGHPUT_UNITS,
  WRITABLE_METRICS,
} from './vocabulary.js';

/** A metric before its unit is known: the unit decides e.g. msg/s versus MB/s. */
export type MetricWord =
  | { kind: 'latency'; source: LatencySource; stat: LatencyStat }
  | { kind: 'throughput' }
  | { kind: 'count'; name: CountName }
  | { kind: 'errorRate' };

export function resolveMetricWord(word: Token): MetricWord {
  const { text, column } = word;
  if (text === 'throughput') return { kind: 'throughput' };
  if (text === 'errors.rate') return { kind: 'errorRate' };
  const count = COUNT_NAMES.find((name) => name === text);
  if (count !== undefined) return { kind: 'count', name: count };
  const [source, stat, ...extra] = text.split('.');
  const latencySource = LATENCY_SOURCES.find((name) => name === source);
  if (latencySource !== undefined && extra.length === 0) {
    const latencyStat = LATENCY_STATS.find((name) => name === stat);
    if (latencyStat !== undefined) return { kind: 'latency', source: latencySource, stat: latencyStat };
    if (stat === undefined) {
      throw new SyntaxProblem(`"${text}" needs a statistic, e.g. ${text}.p99`, column + text.length);
    }
    // The source is right, so the statistic is the typo: point at it and list the valid ones.
    const expected = `expected ${LATENCY_STATS.slice(0, -1).join(', ')} or ${LATENCY_STATS.at(-1)}`;
    throw new SyntaxProblem(
      `unknown statistic "${stat}" for ${latencySource} latency (${expected})`,
      column + latencySource.length + 1,
    );
  }
  const suggestion = didYouMean(text, WRITABLE_METRICS);
  const help = suggestion === undefined ? `expected ${METRIC_LIST}` : `did you mean "${suggestion}"?`;
  throw new SyntaxProblem(`unknown metric "${text}" (${help})`, column);
}

/**
 * Adds the unit. `unit.text` is empty when none was written; its column is then just past the
 * number, where the missing unit belongs.
 */
export function withUnit(word: MetricWord, metricText: string, unit: Token): ThresholdMetric {
  switch (word.kind) {
    case 'latency': {
      const latencyUnit = latencyUnitOf(unit, metricText);
      return {
        kind: 'latency',
        name: `${word.source}.${word.stat}`,
        source: word.source,
        stat: word.stat,
        unit: latencyUnit,
      };
    }
    case 'throughput':
      if (unit.text === 'msg/s') return { kind: 'throughput', name: 'throughput.msgs', unit: 'msg/s' };
      if (unit.text === 'MB/s') return { kind: 'throughput', name: 'throughput.mb', unit: 'MB/s' };
      if (unit.text === '') throw new SyntaxProblem('missing unit: throughput needs msg/s or MB/s', unit.column);
      throw unknownUnit(unit, metricText, THROUGHPUT_UNITS, 'msg/s or MB/s');
    case 'count':
      if (unit.text === '') return { kind: 'count', name: word.name, unit: 'count' };
      throw new SyntaxProblem(`unit "${unit.text}" not allowed: ${word.name} is a count of messages`, unit.column);
    case 'errorRate':
      if (unit.text === '') return { kind: 'errorRate', name: 'errors.rate', unit: 'ratio' };
      if (unit.text === '%') return { kind: 'errorRate', name: 'errors.rate', unit: '%' };
      throw unknownUnit(unit, metricText, ['%'], '% or no unit for a ratio of failed to sent');
    default:
      return assertNever(word, 'metric');
  }
}

/** The unit of a latency limit ("ms", "µs", ...), or the problem: missing, or which one was meant. */
export function latencyUnitOf(unit: Token, metricText: string): LatencyUnit {
  if (unit.text === '')
    throw new SyntaxProblem(`missing unit: a latency limit needs ${LATENCY_UNIT_LIST}`, unit.column);
  const latencyUnit = LATENCY_UNITS[unit.text];
  if (latencyUnit === undefined) throw unknownUnit(unit, metricText, Object.keys(LATENCY_UNITS), LATENCY_UNIT_LIST);
  return latencyUnit;
}

function unknownUnit(unit: Token, metricText: string, candidates: readonly string[], expected: string): SyntaxProblem {
  // Case matters ("MB/s" is not "mb/s"), but didYouMean ignores it, so "mb/s" still gets a suggestion.
  const suggestion = didYouMean(unit.text, candidates);
  const help = suggestion === undefined ? `expected ${expected}` : `did you mean "${suggestion}"?`;
  return new SyntaxProblem(`unknown unit "${unit.text}" for ${metricText} (${help})`, unit.column);
}
