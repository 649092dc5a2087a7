/**
 * The one-line sentences a power-law fit ends in. Kept apart from the arithmetic so the wording
 * can be read, and tested, on its own.
 */
import { formatDecimal } from '../text/format.js';

export interface Interval {
  low: number;
  high: number;
}

/** estimate ± t·standardError. */
export function interval(estimate: number, standardError: number, t: number): Interval {
  return { low: estimate - t * standardError, high: estimate + t * standardError };
}

/**
 * An interval this wide (±0.5 on an exponent) cannot tell "∝ N" from "∝ √N": a prediction inside
 * it is not rejected, but neither is much else, and the verdict says so.
 */
const WIDE_HALF_WIDTH = 0.5;

/**
 * A precise sweep rejects 1.02 when 1 was predicted; that is a real but small difference, and the
 * verdict says so rather than reading like a refutation.
 */
const NEAR = 0.1;

export interface TermVerdictInput {
  response: string;
  symbol: string;
  exponent: string;
  estimate: number;
  interval: Interval;
  predicted: number | null;
  holds: boolean | null;
}

/**
 * "a = 0.94 [0.81, 1.07]: consistent with T ∝ N" or
 * "b = 0.21 [0.15, 0.27]: T does not scale with R (predicted 1)".
 */
export function termVerdict(input: TermVerdictInput): string {
  const { response, symbol, estimate, interval: range, predicted } = input;
  const head =
    `${input.exponent} = ${formatExponent(estimate)} ` +
    `[${formatExponent(range.low)}, ${formatExponent(range.high)}]`;
  const noEffect = range.low <= 0 && range.high >= 0;
  if (predicted === null) {
    return noEffect
      ? `${head}: no measurable effect of ${symbol} on ${response}`
      : `${head}: ${response} ∝ ${law(symbol, estimate)}`;
  }
  if (input.holds === true) {
    const wide = (range.high - range.low) / 2 > WIDE_HALF_WIDTH ? ', but the interval is too wide to confirm it' : '';
    return `${head}: consistent with ${proportionality(response, symbol, predicted)}${wide}`;
  }
  if (predicted === 0) return `${head}: ${response} depends on ${symbol} (predicted 0)`;
  const detail = noEffect
    ? `; no measurable effect of ${symbol}`
    : Math.abs(estimate - predicted) <= NEAR
      ? '; close, but the sweep is precise enough to tell them apart'
      : '';
  return (
    `${head}: ${response} does not scale with ${law(symbol, predicted)} ` +
    `(predicted ${formatPredicted(predicted)})${detail}`
  );
}

/** "T ∝ N", "T ∝ 1/K", "T independent of K", "T ∝ N^0.5". */
export function proportionality(response: string, symbol: string, exponent: number): string {
  return exponent === 0 ? `${response} independent of ${symbol}` : `${response} ∝ ${law(symbol, exponent)}`;
}

function law(symbol: string, exponent: number): string {
  if (exponent === 1) return symbol;
  if (exponent === -1) return `1/${symbol}`;
  return `${symbol}^${formatPredicted(exponent)}`;
}

/** Predictions are usually whole numbers: "1", "-1", but "0.5". */
function formatPredicted(x: number): string {
  return Number.isInteger(x) ? String(x) : formatExponent(x);
}

/** Two decimals, and no "-0.00". */
export function formatExponent(x: number): string {
  const text = formatDecimal(x, 2);
  return text === '-0.00' ? '0.00' : text;
}

/** Three significant digits for constants whose size we cannot guess: 1234567 → "1,230,000". */
export function formatSignificant(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}
