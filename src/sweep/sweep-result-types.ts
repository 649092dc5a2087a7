/**
 * The saved result of a sweep (`results/<scenario>-sweep-<timestamp>.json`): every point's
 * parameters and its complete RunResult, the numbers the models use per point, and the models
 * fitted to them. `kload plan` reads nothing else. Bump SWEEP_RESULT_SCHEMA_VERSION on any
 * incompatible change.
 */
import type { PowerLawFit } from '../model/power-law-fit.js';
import type { LittlesLawCheck } from '../model/littles-law.js';
import type { RunResult } from '../result/result-types.js';
import type { PhaseType, Scenario } from '../scenario/types.js';
import type { SweepPointParameters } from './grid.js';
import type { ClusterDescription } from '../result/cluster-description.js';

export type { SweepPointParameters } from './grid.js';

export const SWEEP_RESULT_SCHEMA_VERSION = 1;

export interface SweepResult {
  schemaVersion: typeof SWEEP_RESULT_SCHEMA_VERSION;
  /** Tells a sweep result from a run result without guessing from the fields. */
  kind: 'kload-sweep';
  kload: { version: string };
  /** 'interrupted' or 'failed' when the sweep stopped before its last point; the points run so far are kept. */
  status: 'complete' | 'interrupted' | 'failed';
  statusReason: string | null;
  startedAt: string; // ISO 8601 UTC
  finishedAt: string; // ISO 8601 UTC
  /** The scenario as written, with its resolved sweep block (client secrets redacted). */
  scenario: Scenario;
  /**
   * What every point ran, in words, e.g. "warmup 2 s (not recorded), then max 5 s with 1,000 in flight
   * per producer".
   */
  pointLoad: string;
  /** What happens between points, e.g. "topic deleted; page cache written back (sync)". */
  betweenPoints: string;
  cluster: SweepCluster;
  /** Points in the grid; `points` is shorter when the sweep stopped early. */
  plannedPoints: number;
  /** In run order; `points[i].parameters.index === i`. */
  points: SweepPointResult[];
  models: SweepModels;
}

/** Saved as the sweep's `cluster` (one type with a run's cluster choice). */
export type SweepCluster = ClusterDescription & {
  /**
   * Present when every point ran on its own fresh embedded cluster: the sizes sweep.brokers
   * asked for, ascending. brokerCount is then the largest that ran, and each point's
   * `parameters.brokers` and its result's `environment.brokers` say which it ran on.
   */
  perPointBrokerCounts?: number[];
};

export interface SweepPointResult {
  parameters: SweepPointParameters;
  /** Null when the point recorded no phase (interrupted during its warmup). */
  measurement: PointMeasurement | null;
  /** Bytes on the brokers' disks for the point's topic; null when the log dirs are unknown. */
  storage: PointStorage | null;
  /** The point's complete result, as `kload run` would have written it. */
  result: RunResult;
}

/** The numbers of one point the models use, taken from its measured phase. */
export interface PointMeasurement {
  /** The measured phase: the max phase, or with load: scenario the last recorded phase. */
  phase: string;
  phaseType: PhaseType;
  durationSec: number;
  /** T: acknowledged messages per second. */
  throughputMsgsPerSec: number;
  /** Acknowledged payload megabytes (10^6 bytes) per second. */
  throughputMBPerSec: number;
  /** Publish latency (ack − intended send time) of the measured phase, µs. */
  publishP50Us: number;
  publishMeanUs: number;
  publishP99Us: number;
  /** Messages one consumer group read per second in the phase (groups averaged); null without consumers. */
  consumedMsgsPerSec: number | null;
  /** Consumer groups and members per group; null without consumers. */
  consumerGroups: number | null;
  consumerMembersPerGroup: number | null;
  /** In-flight bound per producer client of a max phase; null for paced phases. */
  maxInFlightPerProducer: number | null;
  /** Acknowledged in every phase, warmup included: what the topic holds. */
  messagesAcked: number;
  generatorBound: boolean;
  status: RunResult['status'];
}

export interface PointStorage {
  /**
   * Bytes of the topic's log segment files (*.log) from the measured phase's first offsets on,
   * summed over partitions and replicas. Sweeps of kload before 0.2 counted the whole point, warmup included.
   */
  logBytes: number;
  /**
   * Messages from those offsets on (the high watermarks' growth since the phase began: the
   * phase's acknowledged messages, give or take a warmup message in flight at the line).
   * Before kload 0.2: acknowledged in the point, warmup included.
   */
  messages: number;
  /** S per message: logBytes / messages. */
  bytesPerMessage: number;
  /** bytesPerMessage − messageBytes: record, batch and header overhead (negative when compression wins). */
  overheadBytesPerMessage: number;
  /** The high watermark of each partition when the measured phase began; absent before kload 0.2. */
  firstOffsets?: number[];
}

/** A power-law check of one seed formula, or why it could not be made. */
export type SeedModel =
  | {
      checked: true;
      /** The formula as stated, e.g. "T = N×R/K". */
      seed: string;
      /** What the fitted quantities are, in words and units. */
      measures: string;
      /** Every tested exponent holds; null when nothing was tested. */
      holds: boolean | null;
      fit: PowerLawFit;
      /** Verdict lines: headline, one per exponent, constant and R², worst point, notes. */
      lines: string[];
      /** Points the fit used (indices into `points`). */
      pointIndices: number[];
    }
  | { checked: false; seed: string; measures: string; reason: string };

export type LittlesLawEntry =
  | ({ pointIndex: number; checked: true } & LittlesLawCheck)
  | { pointIndex: number; checked: false; reason: string };

/** The parameters every USL group shares: all but producers. */
export interface UslGroup {
  messageBytes: number;
  partitions: number;
  /** With sweep.brokers: the points' cluster size. */
  brokers?: number;
  acks: string | null;
  compression: string | null;
  lingerMs: number | null;
}

export interface UslEntry {
  group: UslGroup;
  pointIndices: number[];
  /** Contention. */
  sigma: number;
  /** Coherency. */
  kappa: number;
  /** Throughput of one producer, msg/s. */
  lambda: number;
  lambdaSource: 'measured' | 'fitted';
  rSquared: number;
  /** Producers at peak throughput; null = unbounded (κ = 0). */
  peakProducers: number | null;
  /** Peak throughput msg/s; null = unbounded (σ = κ = 0). */
  peakThroughputMsgsPerSec: number | null;
  notes: string[];
}

export interface SweepModels {
  /** Which latency the L model uses, e.g. "publish p50 of the measured phase". */
  latencyMeasure: string;
  /** T = N×R/K with T in msg/s. */
  throughput: SeedModel;
  /** The same fit with T in MB/s (T×R), whose seed-implied exponents are a = 1, b = 2, d = −1. */
  throughputBytes: SeedModel;
  /** L = S/R. */
  latency: SeedModel;
  /** E = T/S, S the bytes stored on disk for the point. */
  efficiency: SeedModel;
  /** Per point: the max phase's in-flight bound against throughput × mean publish latency. */
  littlesLaw: LittlesLawEntry[];
  /**
   * Throughput against producers, one fit per group of points that differ only in N (and the
   * threads that follow N); notFitted says why not, with group null when it holds for the whole sweep.
   */
  usl: { fits: UslEntry[]; notFitted: { group: UslGroup | null; reason: string }[] };
  /** Per point: the per-partition throughput `kload plan` sizes partitions from. */
  partitionSizing: PartitionSizingPoint[];
}

export interface PartitionSizingPoint {
  pointIndex: number;
  partitions: number;
  /** p: T / K. */
  perPartitionProducerMsgsPerSec: number;
  perPartitionProducerMBPerSec: number;
  /** c: consumed msg/s of one group / K; null without consumers. */
  perPartitionConsumerMsgsPerSec: number | null;
}
