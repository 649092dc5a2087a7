/**
 * The peer benchmark's data: what one case is, what one run of one tool measured, and the
 * summary rows written to results/bench/. Rates are messages/s, sizes MB = 10^6 bytes (payload
 * only), times in the unit their name says.
 */

export type Acks = '1' | 'all';

/** One cell of the matrix: a message size and an acks setting; every tool runs it. */
export interface BenchCase {
  /** e.g. "100B-acks1". */
  id: string;
  messageBytes: number;
  acks: Acks;
}

export interface BenchOptions {
  /** Bootstrap servers of an existing cluster; null = start a 1-node embedded cluster. */
  brokers: string | null;
  /** Which halves run: producer cases (acks × sizes) and consumer cases (one pre-filled topic per size). */
  modes: BenchMode[];
  /**
   * Producer cases: messages per run for the count-based peers (kload's max phase is sized to
   * send about this many). Consumer cases: messages written to each size's topic and read per run.
   */
  messages: number;
  rounds: number;
  /** kload rows: producer threads (one producer client per thread). Always includes 1. */
  threads: number[];
  cases: BenchCase[];
  partitions: number;
  replicationFactor: number;
  lingerMs: number;
  batchBytes: number;
  /** Extra producer properties given to every tool (Java and librdkafka names agree for these). */
  extraProperties: Record<string, string>;
  /** Fixed kload max-phase length in seconds; null = sized from the last measured kload rate. */
  kloadSeconds: number | null;
  /** kload max phase `maxInFlight` per client; null = kload's default. */
  kloadMaxInFlight: number | null;
  /** Which tools to run (ids: see ToolKind). */
  tools: ToolKind[];
  outDir: string;
}

export type BenchMode = 'producer' | 'consumer';

/**
 * kload = kload on its default (native) driver: the kload-<t>t producer rows and the native
 * consumer row; kload-binding = kload on the node-rdkafka driver (kload-1t node-rdkafka, and the
 * node-rdkafka consumer row); java and rdkafka = the peers in both modes; binding = the
 * producer-only node-binding floor.
 */
export type ToolKind = 'kload' | 'kload-binding' | 'java' | 'rdkafka' | 'binding';

/** What a tool needs to run one case once. */
export interface RunContext {
  brokers: string;
  topic: string;
  partitions: number;
  replicationFactor: number;
  benchCase: BenchCase;
  messages: number;
  /** acks, linger.ms, batch.size and the extras: identical for every tool. */
  producerProperties: Record<string, string>;
  /** A fresh directory for this run's files. */
  workDir: string;
}

/** One run of one tool, as measured. */
export interface ToolRun {
  tool: string;
  caseId: string;
  round: number;
  /** Position of this tool in its round (0 = first), to spot order effects. */
  position: number;
  topic: string;
  /** Messages acknowledged by the broker. */
  messages: number;
  /** The tool's own measurement window in seconds (see README "Benchmarks" for each tool's). */
  durationSec: number;
  msgsPerSec: number;
  /** msgsPerSec × payload bytes / 10^6, the same formula for every tool. */
  mbPerSec: number;
  /** Send-to-ack p99 in ms as the tool reports it; null when the tool reports none. */
  p99Ms: number | null;
  /** User + system CPU of the whole process (start-up included). */
  cpuSec: number;
  /** cpuSec / messages, in µs. */
  cpuUsPerMsg: number;
  peakRssMb: number;
  wallSec: number;
  /** 1-minute load average just before the run: a busy machine shows here. */
  loadAvg1m: number;
  /** Failed deliveries, produce errors, anything that makes this run less than clean. */
  notes: string[];
}

/** What a tool's runner returns; the bench adds where in the matrix it ran. */
export type MeasuredRun = Omit<ToolRun, 'round' | 'position' | 'loadAvg1m'>;

/** A tool's rounds of one case, folded. */
export interface SummaryRow {
  tool: string;
  runs: number;
  medianMessages: number;
  medianMsgsPerSec: number;
  minMsgsPerSec: number;
  maxMsgsPerSec: number;
  medianMBPerSec: number;
  medianCpuUsPerMsg: number;
  medianPeakRssMb: number;
  medianP99Ms: number | null;
  /** medianMsgsPerSec / kload-1t's medianMsgsPerSec; null without a kload-1t row. */
  ratioToKload1t: number | null;
  /** kload rows only: msgs/s at t threads / (t × msgs/s at 1 thread). */
  scalingEfficiency: number | null;
}

export interface CaseReport {
  benchCase: BenchCase;
  rows: SummaryRow[];
  runs: ToolRun[];
}
