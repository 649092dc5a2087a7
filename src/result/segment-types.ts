/**
 * The saved result of one execution segment (`kload run --segment i/N`, or one agent's share):
 * not a report but the raw material of one — every worker's counters, encoded histograms and
 * integrity bitmaps, and the interval deltas — so `kload merge` can rebuild the result of the
 * whole run exactly as one process would have (histograms added, never percentiles averaged).
 * Bump SEGMENT_SCHEMA_VERSION on any incompatible change.
 */
import type { IntervalDelta } from '../metrics/interval-types.js';
import type { Scenario } from '../scenario/types.js';
import type { ExecutionSegment } from '../segment/execution-segment.js';
import type { ConsumerPhaseCounters, PartitionAckGaps, ProducerPhaseCounters } from '../workers/protocol.js';
import type { Environment, RunResult } from './result-types.js';

export const SEGMENT_SCHEMA_VERSION = 1;
export const SEGMENT_KIND = 'kload-segment';

export interface SegmentResult {
  kind: typeof SEGMENT_KIND;
  schemaVersion: typeof SEGMENT_SCHEMA_VERSION;
  kload: { version: string };
  /** Common to every segment of one run: their messages carry it, and merge checks it. */
  runId: number;
  segment: ExecutionSegment;
  /** The agent that ran it, or null when run by hand (`--segment`). */
  agent: string | null;
  status: RunResult['status'];
  statusReason: string | null;
  startedAt: string;
  finishedAt: string;
  /** Wall-clock µs (corrected by `clock` when known) at which the schedule started. */
  scheduleStartWallUs: number;
  /** Seconds into the schedule when a stop was requested; null when the schedule ran out. */
  stoppedAfterSec: number | null;
  intervalMs: number;
  /** Redacted, and the same in every segment of a run. */
  scenario: Scenario;
  environment: Environment;
  /** This host's wall clock against the broker's; null when not measured. */
  clock: ClockOffsetRecord | null;
  producers: SegmentProducerWorker[];
  consumers: SegmentConsumerWorker[];
  /** Per phase: the interval deltas of every worker of the segment, folded by interval index. */
  intervals: IntervalDelta[][];
  /** Per phase: [interval index, consumer lag] samples, against the group's committed offsets. */
  lag: [number, number][][];
  /** False when the drain ran out of time or was cut short (unread messages are then not verified). */
  drained: boolean;
  clientErrors: string[];
}

export interface ClockOffsetRecord {
  /** Add to this host's wall clock to get the broker's. */
  offsetUs: number;
  /** The true offset is within offsetUs ± boundUs. */
  boundUs: number;
  method: string;
}

/** ProducerWorkerResult with its acknowledged-sequence bitmaps in base64. */
export interface SegmentProducerWorker {
  workerId: number;
  phases: ProducerPhaseCounters[];
  producers: { producerId: number; phaseStartSeq: number[]; ackedBase64: string; intervalStartSeq?: number[] }[];
  stoppedEarly: boolean;
  /** Absent in segments of older kload versions. */
  ackGaps?: PartitionAckGaps[];
}

/** ConsumerWorkerResult with its consumed-sequence bitmaps in base64. */
export interface SegmentConsumerWorker {
  workerId: number;
  phases: ConsumerPhaseCounters[];
  groups: { group: string; consumed: { producerId: number; seqsBase64: string }[] }[];
  foreign: number;
  duplicatedByInterval?: [number, number][];
}
