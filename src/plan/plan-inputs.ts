/**
 * Parses what a user types for `kload plan`: a target throughput ("20000", "20k msg/s",
 * "5 MB/s") and a latency limit ("50ms", "250us", "0.5s"). Pure; a bad value is a KloadError (exit 2).
 */
import { KloadError } from '../errors.js';
import { latencyUnitOf } from '../thresholds/resolve-metric.js';
import { SyntaxProblem } from '../thresholds/syntax-problem.js';
import { LATENCY_UNIT_LIST, MICROSECONDS_PER } from '../thresholds/vocabulary.js';
import type { PlanTarget } from './plan-types.js';

const targetPattern = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(k?)\s*(msgs?\/s|MB\/s)?\s*$/;

export function parseTarget(text: string): PlanTarget {
  const match = targetPattern.exec(text);
  if (match === null) {
    throw new KloadError('INVALID_ARGUMENT', `--target "${text}" is not a throughput`, {
      hint:
        'Write messages/s or megabytes/s (10^6 bytes), ' +
        'e.g. --target 20000, --target "20k msg/s", --target "5 MB/s".',
    });
  }
  const value = Number(match[1]) * (match[2] === 'k' ? 1_000 : 1);
  if (!(value > 0)) throw new KloadError('INVALID_ARGUMENT', `--target must be > 0 (got "${text}")`);
  return { value, unit: match[3] === 'MB/s' ? 'MB/s' : 'msg/s' };
}

/** A number, then its unit: "50ms", "250 µs", "0.5s", "1e3us". */
const latencyPattern = /^\s*((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(\S*)\s*$/;
/** Before --p99 took the thresholds' units it took durations; "1m" still means a minute. */
const LONG_UNITS_US: Readonly<Record<string, number>> = { m: 60e6, h: 3600e6 };

/**
 * The p99 limit in µs, written as a latency threshold's limit is (us, µs, ms or s) and refused
 * with the same words ("missing unit", "did you mean"), so one spelling works in both places.
 */
export function parseLatencyUs(text: string, flag = '--p99'): number {
  const refuse = (problem: string) =>
    new KloadError('INVALID_ARGUMENT', `${flag} "${text}" is not a latency: ${problem}`, {
      hint: `Write a number and its unit (${LATENCY_UNIT_LIST}), as in thresholds: ${flag} 50ms or ${flag} 0.5s.`,
    });
  const match = latencyPattern.exec(text);
  if (match === null) throw refuse('expected a number and a unit, e.g. 50ms');
  const [, number = '', unit = ''] = match;
  let perUnitUs = LONG_UNITS_US[unit];
  if (perUnitUs === undefined) {
    try {
      perUnitUs = MICROSECONDS_PER[latencyUnitOf({ text: unit, column: 1 }, 'the publish p99')];
    } catch (error) {
      if (error instanceof SyntaxProblem) throw refuse(error.message);
      throw error;
    }
  }
  const us = Number(number) * perUnitUs;
  if (!(us > 0) || !Number.isFinite(us)) throw refuse('must be > 0');
  return us;
}
