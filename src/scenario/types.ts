import type { FaultSpec } from '../faults/fault-types.js';

/**
 * The resolved scenario: what the coordinator plans from, after validation and defaults.
 * A scenario describes the *load*, never the cluster address (that comes from --brokers or the
 * embedded cluster), so the same file runs anywhere. Units are in the field names.
 *
 * The YAML/JSON a user writes is looser (durations as "10s", sizes as numbers or distributions,
 * optional blocks); `schema.ts` turns it into this shape and `scenario.schema.json` documents it.
 */

export interface Scenario {
  /** Used in result file names; [a-zA-Z0-9._-]+. */
  name: string;
  description: string;
  topics: TopicSpec[];
  producers: ProducerSpec;
  /** Absent when the scenario only produces. */
  consumers: ConsumerSpec | null;
  /** Run in order; at least one. */
  phases: Phase[];
  /** Threshold expressions such as "publish.p99 < 50ms"; stored now, evaluated by a later module. */
  thresholds: string[];
  /** Timed faults against the cluster during the run (see faults/fault-types.ts); empty when none. */
  faults: FaultSpec[];
  /** A grid of runs for the capacity models; absent for an ordinary run (see SweepSpec). */
  sweep?: SweepSpec;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Topic-level configs passed to CreateTopics, values as strings (Kafka's wire form). */
  configs: Record<string, string>;
}

/**
 * 'native': kload's batched N-API core over librdkafka (native/), one call per batch and typed
 * arrays back; 'node-rdkafka': the @platformatic/rdkafka binding, one JS object per message.
 */
export type ClientDriver = 'native' | 'node-rdkafka';

export interface ProducerSpec {
  /** A topic named in `topics`; defaults to the first topic. */
  topic: string;
  /** N: producer clients in total. */
  count: number;
  /** Worker threads the clients are spread over (<= count). */
  threads: number;
  message: MessageSpec;
  keys: KeyStrategy;
  payload: PayloadSpec;
  /** Which client drives the producers (see ClientDriver). */
  client: ClientDriver;
  /** librdkafka producer properties, passed through verbatim as strings. */
  properties: Record<string, string>;
}

export type MessageSize =
  | { type: 'fixed'; bytes: number }
  | { type: 'uniform'; minBytes: number; maxBytes: number }
  /** Weighted choice among sizes; weights need not sum to 1. */
  | { type: 'weighted'; choices: { bytes: number; weight: number }[] };

export interface MessageSpec {
  size: MessageSize;
}

export type KeyStrategy =
  | { type: 'none' }
  | { type: 'random'; cardinality: number }
  /** key = prefix + sequence number, e.g. "key-0", "key-1", ... */
  | { type: 'sequential'; prefix: string };

export type PayloadSpec =
  /** Random bytes; compressibility 0 = incompressible, 0.9 = ~90% of each payload is repeated filler. */
  | { type: 'random'; compressibility: number }
  /** A text template; "{{seq}}" is replaced by the message sequence number. Size comes from the template. */
  | { type: 'template'; template: string }
  /** Each message is the next line of a file (relative paths resolve against the scenario file). */
  | { type: 'file'; path: string };

export interface ConsumerSpec {
  /** A topic named in `topics`; defaults to the producers' topic. */
  topic: string;
  /** Consumer group ids; every group reads every message. */
  groups: string[];
  /** Members in each group. */
  membersPerGroup: number;
  /** Worker threads all members are spread over. */
  threads: number;
  /** Which client drives the members (see ClientDriver). */
  client: ClientDriver;
  /** librdkafka consumer properties, verbatim as strings. */
  properties: Record<string, string>;
}

export type Phase = WarmupPhase | ConstantPhase | RampPhase | StepsPhase | MaxPhase;

interface PhaseBase {
  name: string;
  durationMs: number;
}

/** Load that is sent but not recorded: lets caches, JIT and connections settle. */
export interface WarmupPhase extends PhaseBase {
  type: 'warmup';
  /** Messages/s; null = as fast as possible. */
  rateMsgsPerSec: number | null;
}

/** An open-loop schedule: message i is intended at start + i / rate. */
export interface ConstantPhase extends PhaseBase {
  type: 'constant';
  rateMsgsPerSec: number;
}

/** A rate that changes linearly from `from` to `to` over the duration (open loop). */
export interface RampPhase extends PhaseBase {
  type: 'ramp';
  fromRateMsgsPerSec: number;
  toRateMsgsPerSec: number;
}

/** A list of rates, each held for its own duration; durationMs is their sum (open loop). */
export interface StepsPhase extends PhaseBase {
  type: 'steps';
  steps: { rateMsgsPerSec: number; durationMs: number }[];
}

/** As fast as the cluster accepts, with a bounded number of messages in flight per client. */
export interface MaxPhase extends PhaseBase {
  type: 'max';
  maxInFlight: number;
}

export type PhaseType = Phase['type'];

/**
 * A sweep: the scenario is run once per point of the grid producers × messageBytes × partitions
 * (× acks × compression × lingerMs), `repeats` times over, each point on a fresh topic. Lists are
 * resolved: a dimension the file does not sweep holds the scenario's own single value.
 */
export interface SweepSpec {
  /** N values: producer clients of a point. */
  producers: number[];
  /** Worker threads for each N, in the same order (min(N, producers.threads) unless listed). */
  threads: number[];
  /** R values: fixed message size in bytes (random payload). */
  messageBytes: number[];
  /** K values: partitions of the point's topic. */
  partitions: number[];
  /**
   * B values: brokers of the fresh embedded cluster each point runs on; absent when every point
   * runs on the one cluster of the run.
   */
  brokers?: number[];
  /** librdkafka `acks` values ("0", "1", "all"); null = as the producer properties say. */
  acks: string[] | null;
  /** librdkafka `compression.type` values; null = as the producer properties say. */
  compression: string[] | null;
  /** librdkafka `linger.ms` values; null = as the producer properties say. */
  lingerMs: number[] | null;
  /** How often the whole grid is run (repeat-major order, so drift spreads over every point). */
  repeats: number;
  /**
   * What a point runs. 'max': an unrecorded warmup of `warmupMs` at `warmupRateMsgsPerSec`, then
   * one max phase of `pointDurationMs` with `maxInFlight` per producer (the scenario's phases are
   * ignored).
   * 'scenario': the scenario's own phases; the last recorded phase is the measured one.
   */
  load: 'max' | 'scenario';
  /** Warmup before each point's max phase; null when load is 'scenario'. */
  warmupMs: number | null;
  /** Paced rate of that warmup, messages/s over all producers; null when load is 'scenario'. */
  warmupRateMsgsPerSec: number | null;
  /** Length of each point's measured max phase; null when load is 'scenario'. */
  pointDurationMs: number | null;
  /** Unacknowledged messages per producer client in the max phase; null when load is 'scenario'. */
  maxInFlight: number | null;
}
