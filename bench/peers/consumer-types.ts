/**
 * The consumer half of the peer benchmark: one topic per message size, pre-filled once with
 * exactly N kload-stamped messages, then read from the beginning by every tool, each with a
 * fresh group, once per round. Rates are messages/s over each tool's own read window, sizes
 * MB = 10^6 bytes (payload only), times in the unit their name says.
 */

/** The filled topic every consumer run of one size reads. */
export interface FilledTopic {
  /** e.g. "consume-100B". */
  caseId: string;
  topic: string;
  messageBytes: number;
  partitions: number;
  /** Messages in the topic: the sum of endOffsets, equal to --messages when the fill was clean. */
  messages: number;
  /** High watermark of every partition after the fill; a consumer is done when it reaches them. */
  endOffsets: number[];
  /** The run id the fill stamped: kload consumers count only messages of this run. */
  runId: number;
  /** How long the fill took (not a measurement: one native producer with acks=all). */
  fillSec: number;
}

/** What a consumer tool needs to read the topic once. */
export interface ConsumerRunContext {
  brokers: string;
  filled: FilledTopic;
  /** A group id never used before, so the read starts at the beginning (auto.offset.reset=earliest). */
  group: string;
  /** A fresh directory for this run's files. */
  workDir: string;
  /** Upper bound for one read of the whole topic, start-up included. */
  timeoutMs: number;
}

/** What kload's own consumer rows add: latency and integrity from the real consumer task. */
export interface KloadConsumerFigures {
  /** Message age at read time (consume − intended send, wall clock), µs: see README "Benchmarks". */
  e2eP50Us: number;
  e2eP99Us: number;
  /** Messages of the fill no member read. */
  lost: number;
  /** Reads beyond the first of one message (same thread, or after a rebalance). */
  duplicated: number;
  outOfOrder: number;
  /** Messages without this run's stamp (should be 0: the topic holds the fill alone). */
  foreign: number;
  /** Which driver the task ran (native | node-rdkafka). */
  client: string;
}

/** One consumer run of one tool, as measured. */
export interface ConsumerToolRun {
  tool: string;
  caseId: string;
  round: number;
  /** Position of this tool in its round (0 = first), to spot order effects. */
  position: number;
  topic: string;
  group: string;
  /** Messages the tool says it read. */
  messages: number;
  /** The tool's own read window in seconds (first message to last, see README "Benchmarks"). */
  durationSec: number;
  msgsPerSec: number;
  /** msgsPerSec × payload bytes / 10^6, the same formula for every tool. */
  mbPerSec: number;
  /** User + system CPU of the whole process (start-up and group join included). */
  cpuSec: number;
  cpuUsPerMsg: number;
  peakRssMb: number;
  wallSec: number;
  loadAvg1m: number;
  /** kload rows only; null for the peers, which check neither. */
  kload: KloadConsumerFigures | null;
  /** The tool's other figures worth keeping (e.g. ConsumerPerformance's group-join ms). */
  extra: Record<string, number>;
  notes: string[];
}

/** What a consumer tool's runner returns; the bench adds where in the matrix it ran. */
export type MeasuredConsumerRun = Omit<
  ConsumerToolRun,
  'caseId' | 'round' | 'position' | 'topic' | 'group' | 'loadAvg1m'
>;

export interface ConsumerTool {
  name: string;
  run(ctx: ConsumerRunContext): Promise<MeasuredConsumerRun>;
}

/** A tool's rounds of one consumer case, folded. */
export interface ConsumerSummaryRow {
  tool: string;
  runs: number;
  medianMessages: number;
  medianMsgsPerSec: number;
  minMsgsPerSec: number;
  maxMsgsPerSec: number;
  medianMBPerSec: number;
  medianCpuUsPerMsg: number;
  medianPeakRssMb: number;
  /** kload rows: medians of the runs' p50 and p99 message age; null for the peers. */
  medianE2eP50Ms: number | null;
  medianE2eP99Ms: number | null;
  /** kload rows: summed over all rounds (any non-zero is a failure); null for the peers. */
  lost: number | null;
  duplicated: number | null;
  /** medianMsgsPerSec / `kload consumer (native)`'s; null without that row. */
  ratioToKloadNative: number | null;
}

export interface ConsumerCaseReport {
  filled: FilledTopic;
  rows: ConsumerSummaryRow[];
  runs: ConsumerToolRun[];
}
