/**
 * The seed formulas users bring, taken literally and tested against a sweep, never assumed:
 * T = N×R/K, L = S/R and E = T/S. Each becomes a power law whose predicted exponents are read off
 * the formula; the fit says which of them the measurements support.
 */
import { fitPowerLaw, type PowerLawFit, type PowerLawSpec, type PowerLawTerm } from './power-law-fit.js';
import { formatExponent, formatSignificant } from './power-law-verdict.js';

/** One run of a throughput sweep. */
export interface ThroughputPoint {
  /** N: producer count. */
  producers: number;
  /** R: record (value) size in bytes. */
  recordBytes: number;
  /** K: partitions of the topic. */
  partitions: number;
  /**
   * B: brokers of the cluster the run had, when the sweep varied clusters; given for every point
   * or none, it adds the term B^e to the throughput fits.
   */
  brokers?: number;
  /** T: acknowledged messages per second. */
  throughputMsgsPerSec: number;
}

/** One run of a record-size sweep. */
export interface LatencyPoint {
  /** R: record size in bytes. */
  recordBytes: number;
  /** L: the latency the caller chose to test (e.g. publish p50), in microseconds. */
  latencyUs: number;
}

/** One run measured for storage efficiency. */
export interface EfficiencyPoint {
  /** T: acknowledged messages per second. */
  throughputMsgsPerSec: number;
  /** S: bytes the brokers store on disk for the run. */
  storedBytes: number;
  /** E: messages per stored byte. */
  messagesPerByte: number;
}

export interface SeedCheckOptions<P> {
  /** Predictors the sweep holds constant on purpose; they are left out instead of failing the fit. */
  fixed?: readonly (keyof P & string)[];
  /** Two-sided confidence of the intervals. Default 0.95. */
  confidence?: number;
}

export interface SeedCheck {
  /** The formula as the user states it, e.g. "T = N×R/K". */
  seed: string;
  fit: PowerLawFit;
  /** Every tested term holds; null when every term was left out as fixed (nothing tested). */
  holds: boolean | null;
  /** Headline, one verdict per exponent, the constant and fit quality, then notes. */
  lines: string[];
}

/**
 * The seed formula says nothing about brokers, so B's exponent is fitted with no prediction: it
 * is measured (how T grows with the cluster), never judged, and does not move the verdict.
 */
function brokerTerm<P extends ThroughputPoint>(points: readonly P[]): PowerLawTerm<P>[] {
  return points.length > 0 && points.every((p) => p.brokers !== undefined)
    ? [{ key: 'brokers', symbol: 'B', exponent: 'e' }]
    : [];
}

/** T = N×R/K, i.e. T = c·N^a·R^b·K^d with a = 1, b = 1, d = −1 (and ·B^e, untested, with brokers). */
export function checkSeedThroughput(
  points: readonly ThroughputPoint[],
  options: SeedCheckOptions<ThroughputPoint> = {},
): SeedCheck {
  return checkSeed('T = N×R/K', points, options, {
    response: { key: 'throughputMsgsPerSec', symbol: 'T' },
    terms: [
      { key: 'producers', symbol: 'N', exponent: 'a', predicted: 1 },
      { key: 'recordBytes', symbol: 'R', exponent: 'b', predicted: 1 },
      { key: 'partitions', symbol: 'K', exponent: 'd', predicted: -1 },
      ...brokerTerm(points),
    ],
  });
}

/** A throughput point with T also in bytes: T_bytes = T × R. */
export interface ThroughputBytesPoint extends ThroughputPoint {
  /** T_bytes: acknowledged payload MB/s. */
  throughputMBPerSec: number;
}

/**
 * T in MB/s is T(msg/s) × R, so taken literally the seed predicts T_bytes = N×R²/K: the same fit
 * with b shifted by exactly 1, saying how well bytes/s (what disks and networks see) follows it.
 */
export function checkSeedThroughputBytes(
  points: readonly ThroughputBytesPoint[],
  options: SeedCheckOptions<ThroughputBytesPoint> = {},
): SeedCheck {
  return checkSeed('T_bytes = N×R²/K', points, options, {
    response: { key: 'throughputMBPerSec', symbol: 'T_bytes' },
    terms: [
      { key: 'producers', symbol: 'N', exponent: 'a', predicted: 1 },
      { key: 'recordBytes', symbol: 'R', exponent: 'b', predicted: 2 },
      { key: 'partitions', symbol: 'K', exponent: 'd', predicted: -1 },
      ...brokerTerm(points),
    ],
  });
}

/** L = S/R with S unmeasured and constant, i.e. L = c·R^b with b = −1 (S folds into c). */
export function checkSeedLatency(
  points: readonly LatencyPoint[],
  options: SeedCheckOptions<LatencyPoint> = {},
): SeedCheck {
  return checkSeed('L = S/R', points, options, {
    response: { key: 'latencyUs', symbol: 'L' },
    terms: [{ key: 'recordBytes', symbol: 'R', exponent: 'b', predicted: -1 }],
  });
}

/**
 * E = T/S, i.e. E = c·T^a·S^e with a = 1, e = −1. If E was computed as messages / S, the S term
 * partly restates that definition; the T term is the real test.
 */
export function checkSeedEfficiency(
  points: readonly EfficiencyPoint[],
  options: SeedCheckOptions<EfficiencyPoint> = {},
): SeedCheck {
  return checkSeed('E = T/S', points, options, {
    response: { key: 'messagesPerByte', symbol: 'E' },
    terms: [
      { key: 'throughputMsgsPerSec', symbol: 'T', exponent: 'a', predicted: 1 },
      { key: 'storedBytes', symbol: 'S', exponent: 'e', predicted: -1 },
    ],
  });
}

function checkSeed<P extends object>(
  seed: string,
  points: readonly P[],
  options: SeedCheckOptions<P>,
  spec: { response: PowerLawSpec<P>['response']; terms: readonly PowerLawTerm<P>[] },
): SeedCheck {
  const fixed = new Set<string>(options.fixed ?? []);
  const fit = fitPowerLaw(points, {
    ...spec,
    terms: spec.terms.map((term) => ({ ...term, fixed: fixed.has(term.key) })),
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
  });
  const constant = fit.constant;
  return {
    seed,
    fit,
    holds: fit.holds,
    lines: [
      headline(seed, fit),
      ...fit.verdicts,
      `c = ${formatSignificant(constant.estimate)} ` +
        `[${formatSignificant(constant.interval.low)}, ${formatSignificant(constant.interval.high)}], ` +
        `R² = ${formatExponent(fit.rSquared)} on logs, ` +
        `typical error ${formatSignificant(fit.residualStandardError * 100)}%, ` +
        `n = ${fit.n} (${fit.degreesOfFreedom} degrees of freedom)`,
      ...worstLine(fit),
      ...fit.notes,
    ],
  };
}

/** The point furthest from the fitted curve, for a reader who wants to look at that run again. */
function worstLine(fit: PowerLawFit): string[] {
  const worst = fit.worstResiduals[0];
  if (worst === undefined) return [];
  const sign = worst.relativeError >= 0 ? '+' : '';
  return [
    `worst point: #${worst.index}, measured ${formatSignificant(worst.observed)} ` +
      `vs fitted ${formatSignificant(worst.fitted)} (${sign}${formatSignificant(worst.relativeError * 100)}%)`,
  ];
}

/** "T = N×R/K: holds for a, b, d" or "T = N×R/K: does not hold (b off; d not tested, held fixed)". */
function headline(seed: string, fit: PowerLawFit): string {
  const failed = fit.exponents.filter((e) => e.holds === false).map((e) => e.exponent);
  const passed = fit.exponents.filter((e) => e.holds === true).map((e) => e.exponent);
  const untested = fit.dropped.length === 0 ? '' : `; not tested: ${fit.dropped.join(', ')} (held fixed)`;
  const confidence = `${Math.round(fit.confidence * 100)}%`;
  if (failed.length > 0) return `${seed}: does not hold at ${confidence} (${failed.join(', ')} off)${untested}`;
  if (passed.length === 0) return `${seed}: nothing tested${untested}`;
  return `${seed}: holds for ${passed.join(', ')} at ${confidence}${untested}`;
}
