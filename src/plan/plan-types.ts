/**
 * `kload plan`: what it is asked and what it answers. Every number in a plan carries its
 * evidence: the measured points it comes from (indices into the sweep result's `points`), and
 * the arithmetic in words. A refusal carries every reason the sweep cannot support the target.
 */

export const PLAN_SCHEMA_VERSION = 1;

export interface PlanTarget {
  value: number;
  unit: 'msg/s' | 'MB/s';
}

export interface PlanRequest {
  target: PlanTarget;
  /** The latency SLO: publish p99 at most this, µs. */
  p99Us: number;
  /** R to plan for; default: the only measured size, else the largest. */
  messageBytes?: number | undefined;
  /** How far beyond the highest measured throughput a plan may reach. Default 1.25. */
  extrapolationFactor?: number | undefined;
  /** The throughput fit's R² below which the sweep is too noisy to scale from. Default 0.8. */
  minRSquared?: number | undefined;
}

/** One planned quantity and why. */
export interface PlanNumber {
  /** null when the sweep did not measure what this number needs (e.g. no consumers). */
  value: number | null;
  /** Sweep points it rests on (indices into the sweep result's `points`). */
  points: number[];
  /** The arithmetic and its source, in one or two sentences. */
  evidence: string;
}

/** A measured configuration: points that differ only in repeat, folded together. */
export interface MeasuredConfiguration {
  pointIndices: number[];
  producers: number;
  threads: number;
  messageBytes: number;
  partitions: number;
  /** B: brokers of the point's own cluster; absent when the sweep ran on one cluster. */
  brokers?: number;
  /** With brokers: the topic's replication factor, the scenario's capped by B. */
  replicationFactor?: number;
  acks: string | null;
  compression: string | null;
  lingerMs: number | null;
  /** Mean over repeats, msg/s. */
  throughputMsgsPerSec: number;
  /** Worst (highest) over repeats, µs: the SLO must hold on every repeat. */
  publishP99Us: number;
  /** Mean over repeats of what one group consumed per second; null without consumers. */
  consumedPerGroupMsgsPerSec: number | null;
  consumerMembersPerGroup: number | null;
}

export interface CapacityPlan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  kind: 'kload-plan';
  sweep: SweepReference;
  request: ResolvedRequest;
  /** The measured configuration the plan scales from. */
  basis: MeasuredConfiguration;
  partitions: PlanNumber & { byProducer: number; byConsumer: number; limitedBy: 'producer' | 'consumer' | 'both' };
  producers: PlanNumber;
  /** Members per consumer group. */
  consumers: PlanNumber;
  /**
   * Without sweep.brokers: the one cluster size the sweep ran on. With it: sized from the basis's
   * per-broker throughput (perBrokerMsgsPerSec), within the extrapolation factor of the largest
   * cluster measured.
   */
  brokers: PlanNumber & { perBrokerMsgsPerSec?: number };
  /** Publish p99 to expect at the target, µs. */
  expectedP99Us: PlanNumber;
  /** (capacity of the planned configuration) / target − 1, as a fraction: 0.25 = 25% spare. */
  headroom: PlanNumber & { capacityMsgsPerSec: number };
  /** The throughput fit over the whole sweep, and what it predicts for the planned configuration. */
  fit: {
    formula: string;
    rSquared: number;
    constant: number;
    exponents: { exponent: string; predictor: string; estimate: number }[];
    predictedMsgsPerSec: number;
    evidence: string;
  };
  /** Settings of the basis point that the plan assumes (acks, compression, linger.ms), in words. */
  settings: string;
  warnings: string[];
}

export interface SweepReference {
  scenario: string;
  startedAt: string;
  status: string;
  points: number;
  /** e.g. "1 broker, embedded-temporary, Kafka 4.3.1". */
  cluster: string;
}

export interface ResolvedRequest {
  target: PlanTarget;
  targetMsgsPerSec: number;
  targetMBPerSec: number;
  p99Us: number;
  messageBytes: number;
  /** Why this R: "given", "the only size measured", "the largest of 100, 1000 (--message-bytes to choose)". */
  messageBytesChoice: string;
  extrapolationFactor: number;
  minRSquared: number;
}

export interface PlanRefusal {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  kind: 'kload-plan-refusal';
  sweep: SweepReference;
  request: Omit<ResolvedRequest, 'messageBytes' | 'targetMsgsPerSec' | 'targetMBPerSec'> & {
    messageBytes: number | null;
    targetMsgsPerSec: number | null;
    targetMBPerSec: number | null;
  };
  /** Every reason, each a sentence with the numbers that decided it. */
  reasons: string[];
}

export type PlanOutcome = { ok: true; plan: CapacityPlan } | { ok: false; refusal: PlanRefusal };
