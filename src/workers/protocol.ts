/**
 * The coordinator <-> worker contract. A worker thread runs one long task (piscina) holding all
 * its clients for the whole run; it streams interval deltas over a MessagePort and returns its
 * final counters and encoded histograms. Workers never print and never decide pass or fail.
 * Times are microseconds on process.hrtime (one monotonic clock shared by every thread).
 */
import type { MessagePort } from 'node:worker_threads';
import type { ClientDriver, KeyStrategy, MessageSpec, PayloadSpec, PhaseType } from '../scenario/types.js';
import type { IntervalDelta } from '../metrics/interval-types.js';
import type { RateSegment } from './rate-profile.js';

/** One phase as a worker runs it: the rate is this thread's share of the scenario's rate. */
export interface WorkerPhase {
  name: string;
  type: PhaseType;
  durationMs: number;
  /**
   * The scenario-wide open-loop schedule; null = unpaced (max phases, unpaced warmups). Message k
   * of the phase belongs to producer client k mod `of`; this thread sends the messages of its
   * `slots` (its producer ids). Totals and intended times are therefore exact, however unevenly
   * clients divide over threads. Consumers receive it too, only for the phase timing.
   */
  schedule: { segments: RateSegment[]; slots: number[]; of: number } | null;
  /** Cap on messages sent but not yet acknowledged, for this thread (unpaced phases). */
  maxInFlight: number;
  recorded: boolean;
}

interface AssignmentBase {
  workerId: number;
  /** Which driver runs this thread's clients (workers/producer-driver.ts, consumer-driver.ts). */
  client: ClientDriver;
  brokers: string;
  topic: string;
  /** Shared by all messages of one run; consumers ignore messages of other runs. */
  runId: number;
  phases: WorkerPhase[];
  intervalMs: number;
  /** Added to this host's wall clock (stamps, end-to-end latency) to read the broker's: see kafka/clock-offset.ts. */
  wallClockOffsetUs: number;
  /** Int32Array view [0]: 0 = run, 1 = stop now (cooperative stop, e.g. Ctrl-C or drain done). */
  stopFlag: SharedArrayBuffer;
  port: MessagePort;
}

export interface ProducerAssignment extends AssignmentBase {
  role: 'producer';
  /** Globally unique ids of the producer clients this thread drives (stamped in every message). */
  producerIds: number[];
  message: MessageSpec;
  keys: KeyStrategy;
  payload: PayloadSpec;
  /** Payload file lines when payload.type is 'file' (read once by the coordinator). */
  payloadLines: string[] | null;
  /** Complete librdkafka configuration, minus client.id (set per client). */
  properties: Record<string, string>;
}

export interface ConsumerAssignment extends AssignmentBase {
  role: 'consumer';
  /** (group, member) pairs this thread drives. */
  members: { group: string; member: number }[];
  properties: Record<string, string>;
}

export type WorkerAssignment = ProducerAssignment | ConsumerAssignment;

/** Worker -> coordinator, over the task's MessagePort. */
export type WorkerMessage =
  /** All clients connected (producers) or subscribed (consumers); waiting for `start`. */
  | { type: 'ready'; workerId: number; role: 'producer' | 'consumer' }
  /** A consumer member's partition count after a rebalance (0 while revoked). */
  | { type: 'assignment'; workerId: number; group: string; member: number; partitions: number }
  | { type: 'interval'; workerId: number; role: 'producer' | 'consumer'; phaseIndex: number; delta: IntervalDelta }
  /** Per group, the next offset of every partition this worker has read from (for the drain and consumer lag). */
  | { type: 'consumed'; workerId: number; positions: Record<string, Record<number, number>> }
  /** A client error that does not end the task (broker down, transport error). */
  | { type: 'client-error'; workerId: number; message: string };

/** Coordinator -> worker. */
export type CoordinatorMessage = { type: 'start'; startAtUs: number };

export interface ProducerPhaseCounters {
  sent: number;
  acked: number;
  failed: Record<string, number>;
  ackedBytes: number;
  queueFullWaits: number;
  /** Encoded histograms, µs: ack - intended, ack - send, send - intended. */
  publishHistogram: string;
  serviceHistogram: string;
  scheduleDelayHistogram: string;
}

/** What one producer client sent and had acknowledged, for the integrity check. */
export interface ProducerLedger {
  producerId: number;
  /** phaseStartSeq[p] = the client's first sequence number in phase p; the last entry = total sent. */
  phaseStartSeq: number[];
  /** Bit s set = message s was acknowledged by the broker. */
  acked: Uint8Array;
  /**
   * intervalStartSeq[b] = the client's first sequence number intended in interval b of the schedule
   * ([b, b+1) × intervalMs from its start) or later; past the end, the total sent. Intended times
   * grow with the sequence, so a time window maps to one seq range per client (fault windows).
   * Absent in results of older kload versions.
   */
  intervalStartSeq?: number[];
}

/**
 * Stretches without an ack on one partition, as this thread saw them: µs from the schedule start
 * (its monotonic startAtUs), only those longer than the recorder's floor (workers/ack-gap-recorder.ts).
 */
export interface PartitionAckGaps {
  partition: number;
  /** The first and last ack of the partition in this thread. */
  firstAckUs: number;
  lastAckUs: number;
  /** [last ack before, first ack after], in time order; the longest kept when there were too many. */
  gapsUs: [number, number][];
  /** The last gap had no ack after it: it was still open when the schedule ended (its end is that time). */
  openAtEnd: boolean;
  /** Gaps over the floor left out because the list was full (the shortest go first). */
  dropped: number;
}

export interface ConsumerPhaseCounters {
  consumed: number;
  consumedBytes: number;
  /** Encoded histogram of consume - intended, µs. */
  endToEndHistogram: string;
  /** Latencies taken on the monotonic clock (producer in this process) and on the wall clock. */
  monotonicClock: number;
  wallClock: number;
  /** Read again by the same thread, and read after a later message of its producer and partition. */
  duplicated: number;
  outOfOrder: number;
}

/** Which sequence numbers of each producer one group's members in this thread consumed. */
export interface GroupLedger {
  group: string;
  consumed: { producerId: number; seqs: Uint8Array }[];
}

export interface ProducerWorkerResult {
  role: 'producer';
  workerId: number;
  phases: ProducerPhaseCounters[];
  producers: ProducerLedger[];
  /** True when the worker left its schedule early because the stop flag was raised. */
  stoppedEarly: boolean;
  /** Per partition this thread had acknowledged; absent in results of older kload versions. */
  ackGaps?: PartitionAckGaps[];
}

export interface ConsumerWorkerResult {
  role: 'consumer';
  workerId: number;
  phases: ConsumerPhaseCounters[];
  groups: GroupLedger[];
  /** Messages of other runs (or without a kload stamp) that were read and skipped. */
  foreign: number;
  /**
   * The re-reads within this thread (ConsumerPhaseCounters.duplicated) again, by the schedule
   * interval of the message's intended send time: [interval index, count], only intervals that
   * had any. Absent in results of older kload versions.
   */
  duplicatedByInterval?: [number, number][];
}
