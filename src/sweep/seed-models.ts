/**
 * Pure: the seed formulas checked against a sweep's points. A formula that cannot be fitted (too
 * few points, nothing varied, no stored bytes) is reported as not checked with the reason, never
 * dropped silently.
 */
import { KloadError } from '../errors.js';
import {
  checkSeedEfficiency,
  checkSeedLatency,
  checkSeedThroughput,
  checkSeedThroughputBytes,
  type SeedCheck,
  type ThroughputBytesPoint,
} from '../model/seed-formulas.js';
import type { PointMeasurement, PointStorage, SeedModel } from './sweep-result-types.js';
import type { SweepPointParameters } from './grid.js';

/** A point the models may use: it completed and measured something positive. */
export interface ModelPoint {
  parameters: SweepPointParameters;
  measurement: PointMeasurement;
  storage: PointStorage | null;
}

export const LATENCY_MEASURE = 'publish p50 of the measured phase (ack − intended send time)';

const throughputKeys = ['producers', 'recordBytes', 'partitions', 'brokers'] as const;

function throughputRows(points: readonly ModelPoint[]): ThroughputBytesPoint[] {
  return points.map(({ parameters: p, measurement: m }) => ({
    producers: p.producers,
    recordBytes: p.messageBytes,
    partitions: p.partitions,
    ...(p.brokers === undefined ? {} : { brokers: p.brokers }),
    throughputMsgsPerSec: m.throughputMsgsPerSec,
    throughputMBPerSec: m.throughputMBPerSec,
  }));
}

/** Predictors the sweep did not vary: left out of the fit (folded into c) instead of failing it. */
function constantKeys<K extends string>(rows: readonly Partial<Record<K, number>>[], keys: readonly K[]): K[] {
  return keys.filter((key) => new Set(rows.map((row) => row[key])).size <= 1);
}

export function throughputModel(points: readonly ModelPoint[]): SeedModel {
  const rows = throughputRows(points);
  const measures =
    'T: acknowledged msg/s of the measured phase; N producers, R message bytes, K partitions' +
    (rows.some((row) => row.brokers !== undefined) ? ", B brokers of the point's own cluster" : '');
  return attempt('T = N×R/K', measures, points, () =>
    checkSeedThroughput(rows, { fixed: constantKeys(rows, throughputKeys) }),
  );
}

export function throughputBytesModel(points: readonly ModelPoint[]): SeedModel {
  const rows = throughputRows(points);
  const measures = 'T_bytes: acknowledged payload MB/s of the measured phase (T×R); N, R, K as for T';
  return attempt('T_bytes = N×R²/K', measures, points, () =>
    checkSeedThroughputBytes(rows, { fixed: constantKeys(rows, throughputKeys) }),
  );
}

export function latencyModel(points: readonly ModelPoint[]): SeedModel {
  const rows = points.map(({ parameters: p, measurement: m }) => ({
    recordBytes: p.messageBytes,
    latencyUs: m.publishP50Us,
  }));
  const measures = `L: ${LATENCY_MEASURE}, µs; R message bytes; S unmeasured, folded into c`;
  return attempt('L = S/R', measures, points, () =>
    checkSeedLatency(rows, { fixed: constantKeys(rows, ['recordBytes']) }),
  );
}

/**
 * E = T/S with S the bytes the point's measured phase stored on the brokers' disks (the warmup's
 * left out, see point-storage.ts) and E the messages it stores per byte. E is computed as
 * messages / S, so the S exponent partly restates that definition; the T exponent is the real test.
 */
export function efficiencyModel(points: readonly ModelPoint[], storageUnavailable: string | null): SeedModel {
  const seed = 'E = T/S';
  const measures =
    'E: messages stored per byte on disk; T: msg/s of the measured phase; ' +
    "S: bytes of the topic's log segments from the measured phase's first offsets (all partitions and replicas)";
  if (storageUnavailable !== null) return { checked: false, seed, measures, reason: storageUnavailable };
  const missing = points.filter((p) => p.storage === null || p.storage.logBytes <= 0);
  if (missing.length > 0) {
    const which = missing.map((p) => `#${p.parameters.index}`).join(', ');
    return { checked: false, seed, measures, reason: `no stored bytes were measured for point(s) ${which}` };
  }
  const rows = points.map(({ measurement: m, storage }) => {
    const s = storage as PointStorage;
    return {
      throughputMsgsPerSec: m.throughputMsgsPerSec,
      storedBytes: s.logBytes,
      messagesPerByte: s.messages / s.logBytes,
    };
  });
  return attempt(seed, measures, points, () => checkSeedEfficiency(rows));
}

function attempt(seed: string, measures: string, points: readonly ModelPoint[], check: () => SeedCheck): SeedModel {
  try {
    const result = check();
    const pointIndices = points.map((p) => p.parameters.index);
    return { checked: true, seed, measures, holds: result.holds, fit: result.fit, lines: result.lines, pointIndices };
  } catch (error) {
    // The model layer explains why a fit is impossible (too few points, no variance) in its message.
    if (!(error instanceof KloadError)) throw error;
    return { checked: false, seed, measures, reason: error.message };
  }
}
