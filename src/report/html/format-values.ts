/** How numbers read in the HTML report; the console's formatters plus what only the page needs. */
import { formatCount, formatDecimal, formatMsFromUs } from '../../text/format.js';
import type { LatencySummaryUs } from '../../result/result-types.js';

export const NONE = '–';

/** Milliseconds, or a dash when the histogram is empty (nothing measured is not "0 ms"). */
export function latencyMs(summary: LatencySummaryUs, valueUs: number): string {
  return summary.count === 0 ? NONE : formatMsFromUs(valueUs);
}

/** "2026-11-21T23:30:45.123Z" -> "2026-11-21 23:30:45 UTC". */
export function formatUtc(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

export function formatGiB(bytes: number): string {
  return `${formatDecimal(bytes / 2 ** 30, 1)} GiB`;
}

/** A threshold's actual or limit in the unit the author wrote; counts without decimals. */
export function formatInUnit(value: number | null, unit: string): string {
  if (value === null) return NONE;
  if (unit === 'count') return formatCount(value);
  const shown = Number.isInteger(value) ? formatCount(value) : formatDecimal(value, Math.abs(value) < 10 ? 3 : 1);
  const suffix = unit === 'us' ? 'µs' : unit === 'ratio' ? '' : unit;
  return suffix === '' ? shown : suffix === '%' ? `${shown}%` : `${shown} ${suffix}`;
}
