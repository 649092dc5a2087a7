/**
 * Pure: the plan's headroom as figures: the target against the planned capacity, the load per
 * planned partition against the measured p and c, the p99 limit against the expected p99, and the
 * target against the latency knee the sweep page draws. On a refusal only the asked side is known.
 */
import type { PlanOutcome } from '../../../plan/plan-types.js';
import type { SweepResult } from '../../../sweep/sweep-result-types.js';
import { sweepLatencyKnee } from '../sweep/sections/latency.js';

export interface HeadroomFigures {
  /** Null when the refusal could not even convert the target (no record size to plan for). */
  targetMsgsPerSec: number | null;
  p99LimitUs: number;
  /** The planned configuration's capacity and (capacity / target − 1); null on a refusal. */
  capacity: { msgsPerSec: number; spareFraction: number } | null;
  /** What each planned partition carries at the target, against what one carried at the basis. */
  perPartition: {
    partitions: number;
    loadMsgsPerSec: number;
    producerMsgsPerSec: number;
    consumerMsgsPerSec: number | null;
    /** min(p, c) / load: how many times the load one partition measured. */
    ratio: number;
  } | null;
  latency: { expectedP99Us: number; limitRatio: number } | null;
  /** The knee the sweep's latency chart draws, and the target as a share of its throughput. */
  knee: { throughputMsgsPerSec: number; p99Us: number; targetShare: number | null } | { reason: string };
}

export function headroomFigures(sweep: SweepResult, outcome: PlanOutcome): HeadroomFigures {
  if (!outcome.ok) {
    const { targetMsgsPerSec, p99Us } = outcome.refusal.request;
    const knee = kneeAgainst(sweep, targetMsgsPerSec);
    return { targetMsgsPerSec, p99LimitUs: p99Us, capacity: null, perPartition: null, latency: null, knee };
  }
  const { plan } = outcome;
  const { basis } = plan;
  const target = plan.request.targetMsgsPerSec;
  const partitions = plan.partitions.value ?? basis.partitions;
  const producerMsgsPerSec = basis.throughputMsgsPerSec / basis.partitions;
  const consumed = basis.consumedPerGroupMsgsPerSec;
  const consumerMsgsPerSec = consumed === null ? null : consumed / basis.partitions;
  const loadMsgsPerSec = target / partitions;
  const expectedP99Us = plan.expectedP99Us.value ?? basis.publishP99Us;
  return {
    targetMsgsPerSec: target,
    p99LimitUs: plan.request.p99Us,
    capacity: { msgsPerSec: plan.headroom.capacityMsgsPerSec, spareFraction: plan.headroom.value ?? 0 },
    perPartition: {
      partitions,
      loadMsgsPerSec,
      producerMsgsPerSec,
      consumerMsgsPerSec,
      ratio: Math.min(producerMsgsPerSec, consumerMsgsPerSec ?? Number.POSITIVE_INFINITY) / loadMsgsPerSec,
    },
    latency: { expectedP99Us, limitRatio: plan.request.p99Us / expectedP99Us },
    knee: kneeAgainst(sweep, target),
  };
}

function kneeAgainst(sweep: SweepResult, targetMsgsPerSec: number | null): HeadroomFigures['knee'] {
  const found = sweepLatencyKnee(sweep);
  if ('reason' in found) return { reason: found.reason };
  const throughputMsgsPerSec = found.knee.offeredRateMsgsPerSec;
  return {
    throughputMsgsPerSec,
    p99Us: found.knee.p99Us,
    targetShare: targetMsgsPerSec === null ? null : targetMsgsPerSec / throughputMsgsPerSec,
  };
}
