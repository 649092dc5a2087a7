/**
 * The saved result of one `kload run`: self-describing (scenario, environment, versions) and
 * complete (every histogram encoded), so any percentile can be recomputed and two results can be
 * compared long after the run. Bump RESULT_SCHEMA_VERSION on any incompatible change.
 */
import type { FaultRecord } from '../faults/fault-types.js';
import type { Scenario } from '../scenario/types.js';

export const RESULT_SCHEMA_VERSION = 2;

export interface RunResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  kload: { version: string };
  /** 'complete', or 'interrupted' when Ctrl-C or a failure cut the run short (partial data). */
  status: 'complete' | 'interrupted' | 'failed';
  /** Why the run did not complete; null when complete. */
  statusReason: string | null;
  startedAt: string; // ISO 8601 UTC
  finishedAt: string; // ISO 8601 UTC
  scenario: Scenario;
  environment: Environment;
  phases: PhaseResult[];
  /** Every scenario threshold with its verdict; the run "passes" when all pass. */
  thresholds: ThresholdOutcome[];
  summary: RunSummary;
  /** Present when the run was split into execution segments (agents, or `--segment` + `kload merge`). */
  distribution?: Distribution;
  /** Each of the scenario's faults: when it fired, on which node, how it ended; absent without faults. */
  faults?: FaultRecord[];
  /**
   * `kload run --repeats N` (N >= 2): every repeat's own complete result, in run order, each without
   * `repeats` and without `intervalHistograms`; the fields above are then their aggregate (see
   * result/aggregate-repeats.ts). Absent: the result is one run. Read samples through
   * result/phase-samples.ts.
   */
  repeats?: RunResult[];
}

export interface Distribution {
  runId: number;
  segmentCount: number;
  segments: {
    index: number;
    /** The agent that ran it; null when run by hand. */
    agent: string | null;
    status: RunResult['status'];
    statusReason: string | null;
    /** That host's wall clock against the broker's (add it to get broker time), ± bound; null: not measured. */
    clockOffsetUs: number | null;
    clockBoundUs: number | null;
  }[];
  /** Segments the run planned that never delivered a result (a dead agent), 1-based. */
  missingSegments: number[];
}

export interface Environment {
  node: string;
  librdkafka: string;
  /** Broker software version when known (embedded cluster), else null. */
  kafka: string | null;
  os: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  brokers: string;
  /** 'embedded' when kload started or found its own cluster, 'external' for --brokers. */
  cluster: 'embedded' | 'external';
  /** Every client property in effect, secrets (sasl.password, ssl.key.password, ...) redacted. */
  producerProperties: Record<string, string>;
  consumerProperties: Record<string, string>;
  producerThreads: number;
  consumerThreads: number;
  /** The client driver that ran the producers and the consumers (null: no consumers). Absent before kload 0.2. */
  producerClient?: 'native' | 'node-rdkafka';
  consumerClient?: 'native' | 'node-rdkafka' | null;
}

/** Summary statistics of one HDR histogram, in microseconds. */
export interface LatencySummaryUs {
  count: number;
  mean: number;
  stdev: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  p9999: number;
  max: number;
  /** HdrHistogram compressed base64 (V2 encoding), decodable by any HdrHistogram library. */
  histogram: string;
}

export interface IntervalStats {
  /** Seconds since the phase started, at the interval's end. */
  elapsedSec: number;
  sentPerSec: number;
  ackedPerSec: number;
  consumedPerSec: number;
  /** Payload megabytes (10^6 bytes) acked per second. */
  ackedMBPerSec: number;
  publishP50Us: number;
  publishP99Us: number;
  publishMaxUs: number;
  /** Schedule delay p99 in the interval (0 for unpaced phases). */
  scheduleDelayP99Us: number;
  /** Messages/s the schedule asked for in this interval (null for unpaced phases). */
  targetPerSec: number | null;
  /** Messages produced but not yet consumed, summed over groups (null without consumers). */
  consumerLag: number | null;
}

export interface PhaseResult {
  name: string;
  type: Scenario['phases'][number]['type'];
  /** Warmup phases are run but their latencies and counts are not part of the verdict. */
  recorded: boolean;
  /** Messages/s from the schedule; null for max phases (no target). */
  targetRate: number | null;
  /** acked / durationSec. */
  achievedRate: number;
  durationSec: number;
  sent: number;
  acked: number;
  /** Failed deliveries by librdkafka error code name, e.g. { "ERR__MSG_TIMED_OUT": 3 }. */
  failed: Record<string, number>;
  /** Payload bytes acked (keys and headers excluded). */
  bytes: number;
  consumed: number;
  consumedBytes: number;
  /** How often produce() met a full local queue and had to wait: back-pressure, not hidden. */
  queueFullWaits: number;
  /** Per worker thread, to see imbalance between threads (and to check the merge). */
  producerWorkers: { workerId: number; sent: number; acked: number }[];
  consumerWorkers: { workerId: number; consumed: number }[];
  /** ack - intended send time: what a user of the system feels (no coordinated omission). */
  publishLatencyUs: LatencySummaryUs;
  /** ack - actual send time: the cluster's and client's share alone. */
  serviceLatencyUs: LatencySummaryUs;
  /** actual send - intended send time: the generator's lag or back-pressure. */
  scheduleDelayUs: LatencySummaryUs;
  /** consume - intended send time. */
  endToEndLatencyUs: LatencySummaryUs;
  /**
   * Which clock end-to-end latency used: 'monotonic' (same process), 'wall' (across processes), 'mixed',
   * or null (no consumers).
   */
  endToEndClock: 'monotonic' | 'wall' | 'mixed' | null;
  /** Checked from producer id + sequence stamps, summed over consumer groups; null without consumers. */
  integrity: IntegrityCounts | null;
  /** True when kload could not keep its schedule: the phase measured kload, not Kafka. */
  generatorBound: boolean;
  /** Why, in words (schedule delay p99 over the bound, achieved rate below target). */
  generatorBoundReasons: string[];
  intervals: IntervalStats[];
  /**
   * One HdrHistogram per interval per latency kind (compressed base64; null for an interval with
   * none), so any percentile of any second can be recomputed. Entry i covers [i, i+1) intervals
   * from the phase start, by when the latency was measured, for the messages of this phase: the
   * entries add up to the phase's histograms exactly, and may run past `intervals` by the acks or
   * reads that came after the phase ended. Absent in results of kload before 0.2.
   */
  intervalHistograms?: IntervalHistograms;
}

export interface IntervalHistograms {
  intervalSec: number;
  publish: (string | null)[];
  service: (string | null)[];
  scheduleDelay: (string | null)[];
  endToEnd: (string | null)[];
}

export interface IntegrityCounts {
  /**
   * Sequence numbers acknowledged by the broker that no member of a group consumed, though the
   * drain finished: proven lost. 0 when the drain was cut short (those are `unverified`).
   */
  lost: number;
  /**
   * Acknowledged, not yet read when the drain was cut short (Ctrl-C, a failure, the drain timeout):
   * maybe lost, maybe only late; not a verdict either way. Absent in results of kload before 0.2 (read as 0).
   */
  unverified: number;
  /** Messages a group consumed more than once. */
  duplicated: number;
  /** Messages that arrived after a later sequence number of the same producer and partition. */
  outOfOrder: number;
}

/** One threshold from the scenario, evaluated against this result. */
export interface ThresholdOutcome {
  /** As written in the scenario, e.g. "steady: publish.p99 < 50ms". */
  expression: string;
  /** The phase it applies to, or null for the whole run (recorded phases). */
  phase: string | null;
  /** Canonical metric name, e.g. "publish.p99", "throughput.msgs", "lost". */
  metric: string;
  /** The measured value in `unit`; null when the run has no such measurement. */
  actual: number | null;
  operator: '<' | '<=' | '>' | '>=' | '==' | '!=';
  limit: number;
  /**
   * Unit of `actual` and `limit`, as the threshold was written: "us", "ms", "s", "msg/s", "MB/s", "%",
   * "count", "ratio".
   */
  unit: string;
  /** False when not evaluated (see `evaluated`): such a threshold is neither passed nor failed. */
  pass: boolean;
  /**
   * False when the run cannot decide it: an integrity count (lost, duplicated, outOfOrder) while
   * messages are unverified. kload writes it always; absent in results of kload before 0.2 (= true).
   */
  evaluated?: boolean;
  /** Why not evaluated, e.g. "23 messages unverified (the drain did not finish)"; null when evaluated. */
  notEvaluatedReason?: string | null;
}

/** What a person reads first: the recorded phases folded together. */
export interface RunSummary {
  durationSec: number;
  sent: number;
  acked: number;
  failed: number;
  consumed: number;
  throughputMsgsPerSec: number;
  throughputMBPerSec: number;
  publishP50Us: number;
  publishP99Us: number;
  endToEndP99Us: number;
  /** Summed over recorded phases; null without consumers. */
  integrity: IntegrityCounts | null;
  /** True when any recorded phase was generator-bound. */
  generatorBound: boolean;
}
