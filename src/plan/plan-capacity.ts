/**
 * Pure: a capacity plan from a sweep. It scales from one measured configuration that met the
 * p99 limit (the basis): partitions ≥ max(target/p, target/c) with p and c the basis's
 * per-partition producer and consumer throughput, producers and consumers from the basis's
 * per-client throughput. The power-law fit over the whole sweep is the cross-check, and the plan
 * refuses when the sweep cannot support the target (see plan-refusals.ts).
 */
import type { SweepResult } from '../sweep/sweep-result-types.js';
import { measuredConfigurations } from './configurations.js';
import { sizeBrokers, scenarioReplicationFactor, uncappedConfigurations } from './plan-brokers.js';
import { beyondRange, brokersBeyondRange, chooseMessageBytes, fitProblem, noPointMeetsP99 } from './plan-refusals.js';
import { buildPlan, chooseBasis, type PlanBasisInput } from './plan-numbers.js';
import {
  PLAN_SCHEMA_VERSION,
  type PlanOutcome,
  type PlanRequest,
  type PlanTarget,
  type SweepReference,
} from './plan-types.js';

export const DEFAULT_EXTRAPOLATION_FACTOR = 1.25;
export const DEFAULT_MIN_R_SQUARED = 0.8;

export function planCapacity(sweep: SweepResult, request: PlanRequest): PlanOutcome {
  const extrapolationFactor = request.extrapolationFactor ?? DEFAULT_EXTRAPOLATION_FACTOR;
  const minRSquared = request.minRSquared ?? DEFAULT_MIN_R_SQUARED;
  const configs = measuredConfigurations(sweep);
  const size = chooseMessageBytes(configs, request.messageBytes);
  const reasons: string[] = [];
  if (size.reason !== null) reasons.push(size.reason);
  const fitReason = fitProblem(sweep.models.throughput, minRSquared);
  if (fitReason !== null) reasons.push(fitReason);

  const bytes = size.bytes;
  const targetMsgsPerSec = bytes === null ? null : toMsgsPerSec(request.target, bytes);
  const atSize = configs.filter((c) => c.messageBytes === bytes);
  const withinSlo = uncappedConfigurations(
    atSize.filter((c) => c.publishP99Us <= request.p99Us),
    scenarioReplicationFactor(sweep),
  );
  if (bytes !== null && targetMsgsPerSec !== null) {
    if (withinSlo.length === 0) reasons.push(noPointMeetsP99(atSize, request.p99Us, bytes));
    const range = withinSlo.length > 0 ? withinSlo : atSize;
    const outside = beyondRange(targetMsgsPerSec, request.target, range, extrapolationFactor, withinSlo.length > 0);
    if (outside !== null) reasons.push(outside);
    const brokers =
      withinSlo.length > 0 ? sizeBrokers(chooseBasis(withinSlo, targetMsgsPerSec), targetMsgsPerSec, atSize) : null;
    const tooManyBrokers = brokersBeyondRange(brokers, extrapolationFactor);
    if (tooManyBrokers !== null) reasons.push(tooManyBrokers);
  }
  const common = {
    target: request.target,
    p99Us: request.p99Us,
    messageBytesChoice: size.choice,
    extrapolationFactor,
    minRSquared,
  };
  const reference = sweepReference(sweep);
  if (reasons.length > 0 || bytes === null || targetMsgsPerSec === null || !sweep.models.throughput.checked) {
    const targetMBPerSec = targetMsgsPerSec === null || bytes === null ? null : (targetMsgsPerSec * bytes) / 1e6;
    const request_ = { ...common, messageBytes: bytes, targetMsgsPerSec, targetMBPerSec };
    return {
      ok: false,
      refusal: {
        schemaVersion: PLAN_SCHEMA_VERSION,
        kind: 'kload-plan-refusal',
        sweep: reference,
        request: request_,
        reasons,
      },
    };
  }
  const input: PlanBasisInput = {
    sweep,
    reference,
    request: { ...common, messageBytes: bytes, targetMsgsPerSec, targetMBPerSec: (targetMsgsPerSec * bytes) / 1e6 },
    withinSlo,
    atSize,
    fitModel: sweep.models.throughput,
  };
  return { ok: true, plan: buildPlan(input) };
}

/** MB are 10^6 bytes, as everywhere in kload's results. */
export function toMsgsPerSec(target: PlanTarget, messageBytes: number): number {
  return target.unit === 'msg/s' ? target.value : (target.value * 1e6) / messageBytes;
}

export function sweepReference(sweep: SweepResult): SweepReference {
  const c = sweep.cluster;
  const kafka = c.kafkaVersion === null ? '' : `, Kafka ${c.kafkaVersion}`;
  if (c.perPointBrokerCounts !== undefined) {
    const sizes = c.perPointBrokerCounts.join(' or ');
    return { ...reference(sweep), cluster: `${sizes} brokers, a fresh ${c.kind} cluster per point${kafka}` };
  }
  return {
    ...reference(sweep),
    cluster: `${c.brokerCount} broker${c.brokerCount === 1 ? '' : 's'}, ${c.kind}${kafka}`,
  };
}

function reference(sweep: SweepResult): Omit<SweepReference, 'cluster'> {
  return {
    scenario: sweep.scenario.name,
    startedAt: sweep.startedAt,
    status: sweep.status,
    points: sweep.points.length,
  };
}
