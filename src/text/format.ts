/**
 * Number formatting for people. A fixed locale (en-US) so output, logs and tests read the same
 * on every machine, whatever the user's LANG.
 */

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567.8 -> "1,234,568". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? integerFormat.format(n) : '-';
}

/** Fixed decimals with thousands separators: formatDecimal(1234.5, 2) -> "1,234.50". */
export function formatDecimal(n: number, fractionDigits: number): string {
  if (!Number.isFinite(n)) return '-';
  return n.toLocaleString('en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/**
 * Microseconds shown as milliseconds with the precision that matters at that size:
 * 250 -> "0.25", 3210 -> "3.2", 45_600 -> "45.6", 1_234_000 -> "1,234".
 */
export function formatMsFromUs(us: number): string {
  const ms = us / 1000;
  if (ms < 1) return formatDecimal(ms, 2);
  if (ms < 100) return formatDecimal(ms, 1);
  return formatDecimal(ms, 0);
}

/** Megabytes (10^6 bytes) per second with two decimals: 0.5 -> "0.50". */
export function formatMB(mb: number): string {
  return formatDecimal(mb, 2);
}

/** Whole seconds as "60 s", fractions with one decimal: "12.5 s". */
export function formatSeconds(sec: number): string {
  return `${Number.isInteger(sec) ? formatCount(sec) : formatDecimal(sec, 1)} s`;
}
