/**
 * Pure: the numbers of a plan once the sweep is known to support it, each with its evidence.
 * Called by planCapacity only after every refusal check passed.
 */
import { sizePartitions } from '../model/partition-sizing.js';
import { formatExponent, formatSignificant } from '../model/power-law-verdict.js';
import { formatCount, formatDecimal, formatMsFromUs } from '../text/format.js';
import type { SeedModel, SweepResult } from '../sweep/sweep-result-types.js';
import { describeConfiguration, pointList, settingsOf } from './configurations.js';
import { scenarioReplicationFactor, sizeBrokers } from './plan-brokers.js';
import {
  PLAN_SCHEMA_VERSION,
  type CapacityPlan,
  type MeasuredConfiguration,
  type PlanNumber,
  type ResolvedRequest,
  type SweepReference,
} from './plan-types.js';

export interface PlanBasisInput {
  sweep: SweepResult;
  reference: SweepReference;
  request: ResolvedRequest;
  /** Configurations at the planned R that met the p99 limit; not empty. */
  withinSlo: readonly MeasuredConfiguration[];
  /** Every configuration at the planned R. */
  atSize: readonly MeasuredConfiguration[];
  fitModel: Extract<SeedModel, { checked: true }>;
}

/** Consumers that read at least this share of what was produced kept up: their ceiling is unknown. */
const KEPT_UP = 0.97;

export function buildPlan(input: PlanBasisInput): CapacityPlan {
  const target = input.request.targetMsgsPerSec;
  const basis = chooseBasis(input.withinSlo, target);
  const ids = basis.pointIndices;
  const perProducer = basis.throughputMsgsPerSec / basis.producers;
  const sized = partitionsAndConsumers(target, basis);
  const partitions = sized.partitions.value as number;
  const producers = Math.max(1, Math.ceil(target / perProducer));
  const brokerCount = brokers(input, basis);
  const perBroker = brokerCount.perBrokerMsgsPerSec;
  const byBrokers = perBroker === undefined ? Number.POSITIVE_INFINITY : (brokerCount.value as number) * perBroker;
  const capacity = Math.min(partitions * sized.perPartition, producers * perProducer, byBrokers);
  const fit = fitAt(input.fitModel, {
    producers,
    recordBytes: input.request.messageBytes,
    partitions,
    ...(basis.brokers === undefined ? {} : { brokers: brokerCount.value as number }),
  });
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    kind: 'kload-plan',
    sweep: input.reference,
    request: input.request,
    basis,
    partitions: sized.partitions,
    producers: {
      value: producers,
      points: ids,
      evidence:
        `⌈${formatCount(target)} / ${formatCount(perProducer)} msg/s per producer⌉ = ${producers}, ` +
        `from ${basisText(basis)}`,
    },
    consumers: sized.consumers,
    brokers: brokerCount,
    expectedP99Us: expectedP99(input, basis),
    headroom: {
      value: capacity / target - 1,
      capacityMsgsPerSec: capacity,
      points: ids,
      evidence:
        `capacity min(${partitions} partition${partitions === 1 ? '' : 's'} × ${formatCount(sized.perPartition)}, ` +
        `${producers} producer${producers === 1 ? '' : 's'} × ${formatCount(perProducer)}` +
        (perBroker === undefined
          ? ''
          : `, ${brokerCount.value} broker${brokerCount.value === 1 ? '' : 's'} × ${formatCount(perBroker)}`) +
        ') = ' +
        `${formatCount(capacity)} msg/s against the target ${formatCount(target)} msg/s`,
    },
    fit,
    settings: settingsOf(basis) || "as the scenario's producer properties",
    warnings: warnings(input, basis, fit.predictedMsgsPerSec),
  };
}

function basisText(basis: MeasuredConfiguration): string {
  return (
    `point ${pointList(basis)} (${describeConfiguration(basis)}: ` +
    `${formatCount(basis.throughputMsgsPerSec)} msg/s, p99 ${formatMsFromUs(basis.publishP99Us)} ms)`
  );
}

/**
 * partitions ≥ max(target/p, target/c), and at least one per consumer the load needs (a consumer
 * without a partition idles). Without consumers in the sweep, c is unknown and p alone decides.
 */
function partitionsAndConsumers(
  target: number,
  basis: MeasuredConfiguration,
): { partitions: CapacityPlan['partitions']; consumers: PlanNumber; perPartition: number } {
  const ids = basis.pointIndices;
  const p = basis.throughputMsgsPerSec / basis.partitions;
  const consumer = consumerRate(basis);
  const c = consumer === null ? p : consumer.perGroup / basis.partitions;
  const sizing = sizePartitions({ target, perPartitionProducer: p, perPartitionConsumer: c, unit: 'msg/s' });
  const needed = consumer === null ? null : Math.max(1, Math.ceil(target / consumer.perMember));
  const partitions = Math.max(sizing.partitions, needed ?? 0);
  const raised =
    partitions > sizing.partitions
      ? `; raised to ${partitions} so each of the ${needed} consumers gets a partition`
      : '';
  const unmeasured = consumer === null ? '; the sweep ran no consumers, so c is taken as p' : '';
  const consumers: PlanNumber =
    consumer === null
      ? {
          value: null,
          points: [],
          evidence:
            'not measured: the sweep ran no consumers; ' +
            'add a consumers block to size them (at most one per partition is useful)',
        }
      : {
          value: needed,
          points: ids,
          evidence:
            `⌈${formatCount(target)} / ${formatCount(consumer.perMember)} msg/s per consumer⌉ = ${needed} per group, ` +
            `from ${basisText(basis)}` +
            (consumer.keptUp
              ? '; a lower bound on what a consumer can do: ' +
                'they kept up with the producers, so their ceiling was not reached'
              : ''),
        };
  return {
    partitions: {
      value: partitions,
      points: ids,
      byProducer: sizing.byProducer,
      byConsumer: Math.max(sizing.byConsumer, needed ?? 0),
      limitedBy: sizing.limitedBy,
      evidence: `${sizing.evidence}${raised}${unmeasured}. p and c from ${basisText(basis)}`,
    },
    consumers,
    perPartition: p,
  };
}

/**
 * The cheapest measured configuration that sustained the target within the SLO (fewest
 * brokers when the sweep varied them, then partitions, then producers, then lowest p99); when
 * none did, the fastest one within the SLO, which the plan then extrapolates from (at most by the
 * factor the refusal checks allow).
 */
export function chooseBasis(withinSlo: readonly MeasuredConfiguration[], target: number): MeasuredConfiguration {
  const sustained = withinSlo.filter((c) => c.throughputMsgsPerSec >= target);
  if (sustained.length > 0) {
    return [...sustained].sort(
      (a, b) =>
        (a.brokers ?? 0) - (b.brokers ?? 0) ||
        a.partitions - b.partitions ||
        a.producers - b.producers ||
        a.publishP99Us - b.publishP99Us,
    )[0] as MeasuredConfiguration;
  }
  return [...withinSlo].sort((a, b) => b.throughputMsgsPerSec - a.throughputMsgsPerSec)[0] as MeasuredConfiguration;
}

function consumerRate(basis: MeasuredConfiguration): { perGroup: number; perMember: number; keptUp: boolean } | null {
  const perGroup = basis.consumedPerGroupMsgsPerSec;
  const members = basis.consumerMembersPerGroup;
  if (perGroup === null || members === null || !(perGroup > 0)) return null;
  return { perGroup, perMember: perGroup / members, keptUp: perGroup >= KEPT_UP * basis.throughputMsgsPerSec };
}

function expectedP99(input: PlanBasisInput, basis: MeasuredConfiguration): PlanNumber {
  const target = input.request.targetMsgsPerSec;
  const load = `${formatCount(basis.throughputMsgsPerSec)} msg/s`;
  const evidence =
    target <= basis.throughputMsgsPerSec
      ? `measured at point ${pointList(basis)} while it carried ${load}, at least the target; ` +
        'at the lower planned load per partition it should not be higher ' +
        "(max phases run flat out, so latency there is mostly the in-flight window: Little's law)"
      : `measured at point ${pointList(basis)} at ${load}; ` +
        `the target is ${formatDecimal(target / basis.throughputMsgsPerSec, 2)}× that, ` +
        'so this p99 is extrapolated, not measured at the target';
  return { value: basis.publishP99Us, points: basis.pointIndices, evidence };
}

function brokers(input: PlanBasisInput, basis: MeasuredConfiguration): CapacityPlan['brokers'] {
  const sizing = sizeBrokers(basis, input.request.targetMsgsPerSec, input.atSize);
  if (sizing !== null) {
    const { value, points, evidence, perBrokerMsgsPerSec } = sizing;
    return { value, points, evidence, perBrokerMsgsPerSec };
  }
  const count = input.sweep.cluster.brokerCount;
  const ceiling = Math.max(...input.atSize.map((c) => c.throughputMsgsPerSec));
  const target = input.request.targetMsgsPerSec;
  const within = target <= ceiling;
  const evidence =
    `every point ran on ${count} broker${count === 1 ? '' : 's'}, ` +
    `which acknowledged up to ${formatCount(ceiling)} msg/s of ${input.request.messageBytes}-byte messages; ` +
    (within
      ? 'the target is within that'
      : 'the target is above that: more brokers may be needed, which this sweep did not measure');
  return { value: count, points: basis.pointIndices, evidence };
}

function fitAt(
  model: PlanBasisInput['fitModel'],
  at: Record<'producers' | 'recordBytes' | 'partitions', number> & { brokers?: number },
): CapacityPlan['fit'] {
  const { fit } = model;
  const predicted = fit.exponents.reduce(
    (product, e) => product * (at[e.key as keyof typeof at] ?? 1) ** e.estimate,
    fit.constant.estimate,
  );
  const exponents = fit.exponents.map((e) => ({ exponent: e.exponent, predictor: e.predictor, estimate: e.estimate }));
  const terms = exponents.map((e) => `${e.exponent} = ${formatExponent(e.estimate)}`).join(', ');
  return {
    formula: fit.formula,
    rSquared: fit.rSquared,
    constant: fit.constant.estimate,
    exponents,
    predictedMsgsPerSec: predicted,
    evidence:
      `${fit.formula} over ${fit.n} points: c = ${formatSignificant(fit.constant.estimate)}, ${terms}, ` +
      `R² = ${formatExponent(fit.rSquared)}; ` +
      `it predicts ${formatCount(predicted)} msg/s for N=${at.producers}, R=${at.recordBytes} B, K=${at.partitions}` +
      (at.brokers === undefined ? '' : `, B=${at.brokers}`),
  };
}

function warnings(input: PlanBasisInput, basis: MeasuredConfiguration, predicted: number): string[] {
  const target = input.request.targetMsgsPerSec;
  const out: string[] = [];
  if (input.sweep.status !== 'complete')
    out.push(
      `the sweep is ${input.sweep.status} (${input.sweep.statusReason ?? 'no reason given'}); ` +
        'the plan uses the points it has',
    );
  if (target > basis.throughputMsgsPerSec) {
    out.push(
      'no measured point within the p99 limit reached the target; ' +
        `the plan extrapolates ${formatDecimal(target / basis.throughputMsgsPerSec, 2)}× ` +
        `from point ${pointList(basis)}`,
    );
  }
  if (predicted < target) {
    out.push(
      `the fit predicts only ${formatCount(predicted)} msg/s for the planned configuration: ` +
        'throughput does not grow linearly with producers and partitions here, so treat the headroom with care',
    );
  }
  if (settingsOf(basis) !== '') out.push(`the plan assumes the basis point's settings: ${settingsOf(basis)}`);
  return [...out, ...brokerWarnings(input, basis)];
}

function brokerWarnings(input: PlanBasisInput, basis: MeasuredConfiguration): string[] {
  if (basis.brokers === undefined) return [];
  const out: string[] = [];
  const wanted = scenarioReplicationFactor(input.sweep);
  if (basis.replicationFactor !== undefined && basis.replicationFactor < wanted)
    out.push(
      `the basis ran with replication factor ${basis.replicationFactor} (capped by its ${basis.brokers} ` +
        `broker${basis.brokers === 1 ? '' : 's'}), below the scenario's ${wanted}: ` +
        'its per-broker throughput carries less replication traffic than the planned cluster will',
    );
  const planned = sizeBrokers(basis, input.request.targetMsgsPerSec, input.atSize);
  const e = input.fitModel.fit.exponents.find((x) => x.key === 'brokers');
  if (planned !== null && planned.value > basis.brokers && e !== undefined && e.estimate < 1)
    out.push(
      `the plan adds brokers beyond the basis's ${basis.brokers} at its per-broker rate, ` +
        `but the sweep measured T ∝ B^${formatExponent(e.estimate)}: throughput grew less than linearly ` +
        'with brokers here, so the larger cluster may carry less than planned',
    );
  return out;
}
