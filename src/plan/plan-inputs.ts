/**
 * Parses what a user types for `kload plan`: a target throughput ("20000", "20k msg/s",
 * "5 MB/s") and a latency limit ("50ms", "0.5s"). Pure; a bad value is a KloadError (exit 2).
 */
import { KloadError } from '../errors.js';
import { parseDurationMs } from '../scenario/duration.js';
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

/** The p99 limit in µs. */
export function parseLatencyUs(text: string, flag = '--p99'): number {
  const ms = parseDurationMs(text);
  if (ms === null || !(ms > 0)) {
    throw new KloadError('INVALID_ARGUMENT', `${flag} "${text}" is not a latency`, {
      hint: `Write a duration with its unit, e.g. ${flag} 50ms or ${flag} 0.5s.`,
    });
  }
  return ms * 1_000;
}
