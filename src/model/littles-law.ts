/**
 * Little's law, L = λ·W, as a consistency check between three numbers measured independently:
 * messages in flight, throughput and latency. It holds for any stable system, so a large gap
 * means one of the measurements is not measuring what we think (typically latency taken from a
 * timer that starts after the message has already queued).
 */
import { KloadError } from '../errors.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../text/format.js';

export interface LittlesLawInput {
  /**
   * L: mean messages in flight over the phase; for a max phase, the in-flight limit the
   * producers held (a saturated producer keeps its window full).
   */
  measuredInFlight: number;
  /** Which of the two `measuredInFlight` is, for the evidence text. Default 'mean'. */
  inFlightSource?: 'mean' | 'max';
  /** λ: acknowledged messages per second. */
  throughputMsgsPerSec: number;
  /** W: mean latency from send to acknowledgement, in microseconds. */
  meanLatencyUs: number;
  /** Largest relative gap still called consistent. Default 0.2 (20%). */
  tolerance?: number;
}

export interface LittlesLawCheck {
  /** λ·W: messages in flight the throughput and latency imply. */
  expectedInFlight: number;
  measuredInFlight: number;
  /** |measured − expected| / expected. */
  relativeGap: number;
  tolerance: number;
  consistent: boolean;
  /** One line: the arithmetic, the gap and the verdict. */
  evidence: string;
}

export function checkLittlesLaw(input: LittlesLawInput): LittlesLawCheck {
  const tolerance = input.tolerance ?? 0.2;
  requirePositive('throughput λ (msg/s)', input.throughputMsgsPerSec);
  requirePositive('mean latency W (µs)', input.meanLatencyUs);
  requirePositive('tolerance', tolerance);
  if (!(Number.isFinite(input.measuredInFlight) && input.measuredInFlight >= 0)) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `measured in-flight L is ${input.measuredInFlight}; it must be a finite number ≥ 0`,
    );
  }
  const expectedInFlight = input.throughputMsgsPerSec * (input.meanLatencyUs / 1e6);
  const relativeGap = Math.abs(input.measuredInFlight - expectedInFlight) / expectedInFlight;
  const consistent = relativeGap < tolerance;
  const gap = `${formatDecimal(relativeGap * 100, 1)}%`;
  const limit = `${formatDecimal(tolerance * 100, 0)}%`;
  const verdict = consistent
    ? `consistent (within ${limit})`
    : `inconsistent (over ${limit}): ` +
      `${direction(input.measuredInFlight, expectedInFlight, input.inFlightSource ?? 'mean')}`;
  return {
    expectedInFlight,
    measuredInFlight: input.measuredInFlight,
    relativeGap,
    tolerance,
    consistent,
    evidence:
      `Little's law: λ·W = ${formatCount(input.throughputMsgsPerSec)} msg/s × ` +
      `${formatMsFromUs(input.meanLatencyUs)} ms = ` +
      `${formatDecimal(expectedInFlight, 1)} in flight; ` +
      `measured ${input.inFlightSource ?? 'mean'} ${formatDecimal(input.measuredInFlight, 1)}, ` +
      `gap ${gap}, ${verdict}`,
  };
}

function direction(measured: number, expected: number, source: 'mean' | 'max'): string {
  if (measured > expected && source === 'max') {
    return 'the producers did not keep their in-flight window full (not saturated), or latency is under-measured';
  }
  return measured > expected
    ? 'more in flight than λ·W explains, so latency is under-measured or messages wait before the timer starts'
    : 'fewer in flight than λ·W explains, so latency is over-measured or the in-flight count misses messages';
}

function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new KloadError('INVALID_ARGUMENT', `${name} is ${value}; it must be a positive finite number`);
  }
}
