/**
 * Pure: brokers from measured per-broker capacity, for sweeps that ran points on clusters of
 * several sizes (sweep.brokers). A sweep on one cluster says only that its size carried what it
 * carried (plan-numbers.ts keeps that wording); this one divides the basis's throughput by its
 * brokers and scales, never further than the refusal in plan-refusals.ts allows.
 */
import { formatCount } from '../text/format.js';
import type { SweepResult } from '../sweep/sweep-result-types.js';
import { pointList } from './configurations.js';
import type { MeasuredConfiguration } from './plan-types.js';

export interface BrokerSizing {
  /** Brokers the plan needs. */
  value: number;
  /** The basis's throughput / its brokers, msg/s. */
  perBrokerMsgsPerSec: number;
  /** The largest cluster any configuration at the planned record size ran on. */
  largestMeasured: number;
  points: number[];
  evidence: string;
}

/** The replication factor the scenario's topic asks for; points with fewer brokers ran with less. */
export function scenarioReplicationFactor(sweep: SweepResult): number {
  const { topics, producers } = sweep.scenario;
  return topics.find((t) => t.name === producers.topic)?.replicationFactor ?? topics[0]?.replicationFactor ?? 1;
}

/**
 * The configurations a plan may scale from: those that ran with the scenario's replication
 * factor. A point whose cluster was too small for it replicated less, so its per-broker rate
 * describes another system; such points still inform the fit. All of them when none ran uncapped.
 */
export function uncappedConfigurations(
  configs: readonly MeasuredConfiguration[],
  replicationFactor: number,
): readonly MeasuredConfiguration[] {
  const uncapped = configs.filter((c) => c.replicationFactor === undefined || c.replicationFactor >= replicationFactor);
  return uncapped.length > 0 ? uncapped : configs;
}

/**
 * ⌈target / (T_basis / B_basis)⌉ and at least the basis's own brokers (a smaller cluster that
 * carried the target would have been the basis). Null when the basis did not run on a cluster of
 * its own size (a sweep without brokers).
 */
export function sizeBrokers(
  basis: MeasuredConfiguration,
  targetMsgsPerSec: number,
  atSize: readonly MeasuredConfiguration[],
): BrokerSizing | null {
  if (basis.brokers === undefined) return null;
  const perBroker = basis.throughputMsgsPerSec / basis.brokers;
  const byCapacity = Math.ceil(targetMsgsPerSec / perBroker);
  const value = Math.max(basis.brokers, byCapacity);
  const largestMeasured = Math.max(basis.brokers, ...atSize.map((c) => c.brokers ?? 0));
  const from =
    `point ${pointList(basis)} on ${basis.brokers} broker${basis.brokers === 1 ? '' : 's'}: ` +
    `${formatCount(basis.throughputMsgsPerSec)} msg/s, ${formatCount(perBroker)} msg/s per broker`;
  const rule = `⌈${formatCount(targetMsgsPerSec)} / ${formatCount(perBroker)} msg/s per broker⌉ = ${byCapacity}`;
  const evidence =
    byCapacity > basis.brokers
      ? `${rule}, from ${from}; the largest cluster measured had ${largestMeasured}`
      : `${from}, at least the target (${rule}); the plan keeps that cluster size: ` +
        "no smaller cluster was measured carrying the target at the scenario's replication factor";
  return { value, perBrokerMsgsPerSec: perBroker, largestMeasured, points: basis.pointIndices, evidence };
}
