/** Model points made up for tests: a grid whose throughput follows a law the test chooses. */
import type { SweepPointParameters } from '../../../src/sweep/grid.js';
import type { ModelPoint } from '../../../src/sweep/seed-models.js';
import type { PointMeasurement, PointStorage } from '../../../src/sweep/sweep-result-types.js';

export interface Row {
  producers: number;
  messageBytes: number;
  partitions: number;
  throughput: number;
  p50Us?: number;
  meanUs?: number;
  p99Us?: number;
  consumed?: number | null;
  members?: number;
  logBytes?: number | null;
  status?: PointMeasurement['status'];
  phaseType?: PointMeasurement['phaseType'];
  maxInFlight?: number | null;
  repeat?: number;
  acks?: string | null;
  /** A point on its own cluster of this many brokers (sweep.brokers). */
  brokers?: number;
  replicationFactor?: number;
}

export function modelPoint(row: Row, index: number): ModelPoint {
  const parameters: SweepPointParameters = {
    index,
    repeat: row.repeat ?? 0,
    producers: row.producers,
    threads: Math.min(row.producers, 2),
    messageBytes: row.messageBytes,
    partitions: row.partitions,
    ...(row.brokers === undefined
      ? {}
      : { brokers: row.brokers, replicationFactor: row.replicationFactor ?? Math.min(3, row.brokers) }),
    acks: row.acks ?? null,
    compression: null,
    lingerMs: null,
    topic: `t-x-${index + 1}`,
  };
  const messagesAcked = Math.round(row.throughput * 7);
  const measurement: PointMeasurement = {
    phase: 'max',
    phaseType: row.phaseType ?? 'max',
    durationSec: 5,
    throughputMsgsPerSec: row.throughput,
    throughputMBPerSec: (row.throughput * row.messageBytes) / 1e6,
    publishP50Us: row.p50Us ?? 10_000,
    publishMeanUs: row.meanUs ?? 12_000,
    publishP99Us: row.p99Us ?? 40_000,
    consumedMsgsPerSec: row.consumed === undefined ? row.throughput : row.consumed,
    consumerGroups: row.consumed === null ? null : 1,
    consumerMembersPerGroup: row.consumed === null ? null : (row.members ?? 1),
    maxInFlightPerProducer: row.maxInFlight === undefined ? 1000 : row.maxInFlight,
    messagesAcked,
    generatorBound: false,
    status: row.status ?? 'complete',
  };
  const logBytes = row.logBytes === undefined ? messagesAcked * (row.messageBytes + 70) : row.logBytes;
  const storage: PointStorage | null =
    logBytes === null
      ? null
      : {
          logBytes,
          messages: messagesAcked,
          bytesPerMessage: logBytes / messagesAcked,
          overheadBytesPerMessage: logBytes / messagesAcked - row.messageBytes,
        };
  return { parameters, measurement, storage };
}

/** N × R × K grid with T = law(N, R, K) times a fixed pseudo-random wobble of about ±3%. */
export function gridPoints(
  law: (n: number, r: number, k: number) => number,
  dims: { producers: number[]; messageBytes: number[]; partitions: number[] } = {
    producers: [1, 2, 4],
    messageBytes: [100, 1000],
    partitions: [1, 4],
  },
  extra: Partial<Row> = {},
): ModelPoint[] {
  const rows: Row[] = [];
  let i = 0;
  for (const producers of dims.producers)
    for (const messageBytes of dims.messageBytes)
      for (const partitions of dims.partitions) {
        const wobble = 1 + 0.03 * Math.sin(++i * 2.7);
        rows.push({
          producers,
          messageBytes,
          partitions,
          throughput: law(producers, messageBytes, partitions) * wobble,
          ...extra,
        });
      }
  return rows.map(modelPoint);
}
