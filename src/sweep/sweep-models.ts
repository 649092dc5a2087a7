/**
 * Pure: every model of a sweep from its points. Points that did not complete, or measured no
 * throughput, are left out of the fits (a log of zero has no meaning) and named in the notes.
 */
import { KloadError } from '../errors.js';
import { checkLittlesLaw } from '../model/littles-law.js';
import { fitUsl } from '../model/usl.js';
import {
  efficiencyModel,
  LATENCY_MEASURE,
  latencyModel,
  throughputBytesModel,
  throughputModel,
  type ModelPoint,
} from './seed-models.js';
import type { LittlesLawEntry, PartitionSizingPoint, SweepModels, UslEntry, UslGroup } from './sweep-result-types.js';

/** Fewer distinct producer counts than this leave the USL's two coefficients underdetermined. */
export const USL_MIN_PRODUCER_VALUES = 3;

export function buildSweepModels(points: readonly ModelPoint[], storageUnavailable: string | null): SweepModels {
  const usable = points.filter(isUsable);
  return {
    latencyMeasure: LATENCY_MEASURE,
    throughput: throughputModel(usable),
    throughputBytes: throughputBytesModel(usable),
    latency: latencyModel(usable),
    efficiency: efficiencyModel(usable, storageUnavailable),
    littlesLaw: points.map(littlesLaw),
    usl: uslFits(usable),
    partitionSizing: usable.map(partitionSizing),
  };
}

/** Completed, and every number a log or a ratio will be taken of is positive. */
export function isUsable(point: ModelPoint): boolean {
  const m = point.measurement;
  return m.status === 'complete' && m.throughputMsgsPerSec > 0 && m.throughputMBPerSec > 0 && m.publishP50Us > 0;
}

function littlesLaw(point: ModelPoint): LittlesLawEntry {
  const pointIndex = point.parameters.index;
  const m = point.measurement;
  if (m.phaseType !== 'max' || m.maxInFlightPerProducer === null) {
    const reason = `the measured phase is ${m.phaseType}, not max: kload records no in-flight count for paced phases`;
    return { pointIndex, checked: false, reason };
  }
  if (!isUsable(point))
    return {
      pointIndex,
      checked: false,
      reason: `the point did not complete with a positive throughput (status ${m.status})`,
    };
  // A saturated max phase keeps every producer's window full, so in flight = bound × producers.
  const check = checkLittlesLaw({
    measuredInFlight: m.maxInFlightPerProducer * point.parameters.producers,
    inFlightSource: 'max',
    throughputMsgsPerSec: m.throughputMsgsPerSec,
    meanLatencyUs: m.publishMeanUs,
  });
  return { pointIndex, checked: true, ...check };
}

function groupOf(point: ModelPoint): UslGroup {
  const { messageBytes, partitions, brokers, acks, compression, lingerMs } = point.parameters;
  return { messageBytes, partitions, ...(brokers === undefined ? {} : { brokers }), acks, compression, lingerMs };
}

/** One USL fit per set of points that differ only in producers (and the threads that follow them). */
function uslFits(points: readonly ModelPoint[]): SweepModels['usl'] {
  const producerValues = [...new Set(points.map((p) => p.parameters.producers))].sort((a, b) => a - b);
  if (producerValues.length < USL_MIN_PRODUCER_VALUES) {
    const reason =
      `producers takes ${producerValues.length} value(s) (${producerValues.join(', ') || 'none'}); ` +
      `the USL needs at least ${USL_MIN_PRODUCER_VALUES} to separate contention from coherency`;
    return { fits: [], notFitted: [{ group: null, reason }] };
  }
  const groups = new Map<string, ModelPoint[]>();
  for (const point of points) {
    const key = JSON.stringify(groupOf(point));
    groups.set(key, [...(groups.get(key) ?? []), point]);
  }
  const fits: UslEntry[] = [];
  const notFitted: SweepModels['usl']['notFitted'] = [];
  for (const members of groups.values()) {
    const group = groupOf(members[0] as ModelPoint);
    try {
      fits.push(uslEntry(group, members));
    } catch (error) {
      if (!(error instanceof KloadError)) throw error;
      notFitted.push({ group, reason: error.message });
    }
  }
  return { fits, notFitted };
}

function uslEntry(group: UslGroup, members: readonly ModelPoint[]): UslEntry {
  const fit = fitUsl(
    members.map((p) => ({ concurrency: p.parameters.producers, throughput: p.measurement.throughputMsgsPerSec })),
  );
  return {
    group,
    pointIndices: members.map((p) => p.parameters.index),
    sigma: fit.sigma,
    kappa: fit.kappa,
    lambda: fit.lambda,
    lambdaSource: fit.lambdaSource,
    rSquared: fit.rSquared,
    // JSON has no Infinity: an unbounded peak is saved as null.
    peakProducers: Number.isFinite(fit.peakConcurrency) ? fit.peakConcurrency : null,
    peakThroughputMsgsPerSec: Number.isFinite(fit.peakThroughput) ? fit.peakThroughput : null,
    notes: fit.notes,
  };
}

function partitionSizing(point: ModelPoint): PartitionSizingPoint {
  const { partitions } = point.parameters;
  const m = point.measurement;
  return {
    pointIndex: point.parameters.index,
    partitions,
    perPartitionProducerMsgsPerSec: m.throughputMsgsPerSec / partitions,
    perPartitionProducerMBPerSec: m.throughputMBPerSec / partitions,
    perPartitionConsumerMsgsPerSec: m.consumedMsgsPerSec === null ? null : m.consumedMsgsPerSec / partitions,
  };
}
