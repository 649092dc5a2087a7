/**
 * Pure: the numbers of one point the models need, read from its RunResult. The measured phase
 * is the point's max phase, or with `load: scenario` the last recorded phase (the one a scenario
 * usually ends on, after its warmup).
 */
import type { PhaseResult, RunResult } from '../result/result-types.js';
import type { Scenario } from '../scenario/types.js';
import type { PointMeasurement } from './sweep-result-types.js';
import { assertNever } from '../errors.js';

export function measuredPhase(result: RunResult): PhaseResult | undefined {
  return [...result.phases].reverse().find((phase) => phase.recorded);
}

/** Null when the point recorded no phase at all (interrupted during its warmup). */
export function measurePoint(result: RunResult, scenario: Scenario): PointMeasurement | null {
  const phase = measuredPhase(result);
  if (phase === undefined) return null;
  const spec = scenario.phases.find((p) => p.name === phase.name);
  const consumers = scenario.consumers;
  const seconds = phase.durationSec > 0 ? phase.durationSec : Number.NaN;
  return {
    phase: phase.name,
    phaseType: phase.type,
    durationSec: phase.durationSec,
    throughputMsgsPerSec: phase.achievedRate,
    throughputMBPerSec: phase.bytes / seconds / 1e6,
    publishP50Us: phase.publishLatencyUs.p50,
    publishMeanUs: phase.publishLatencyUs.mean,
    publishP99Us: phase.publishLatencyUs.p99,
    consumedMsgsPerSec: consumers === null ? null : phase.consumed / consumers.groups.length / seconds,
    consumerGroups: consumers === null ? null : consumers.groups.length,
    consumerMembersPerGroup: consumers === null ? null : consumers.membersPerGroup,
    maxInFlightPerProducer: spec?.type === 'max' ? spec.maxInFlight : null,
    messagesAcked: result.phases.reduce((sum, p) => sum + p.acked, 0),
    generatorBound: phase.generatorBound,
    status: result.status,
  };
}

/** "warmup 2 s (not recorded), then max 5 s with 1,000 in flight per producer". */
export function describePointLoad(phases: Scenario['phases']): string {
  return phases
    .map((phase) => {
      const seconds = `${phase.durationMs / 1000} s`;
      switch (phase.type) {
        case 'warmup':
          return phase.rateMsgsPerSec === null
            ? `warmup ${seconds} (not recorded, unpaced)`
            : `warmup ${seconds} (not recorded, ${phase.rateMsgsPerSec.toLocaleString('en-US')} msg/s)`;
        case 'max':
          return `max ${seconds} with ${phase.maxInFlight.toLocaleString('en-US')} in flight per producer`;
        case 'constant':
          return `constant ${phase.rateMsgsPerSec} msg/s for ${seconds}`;
        case 'ramp':
          return `ramp ${phase.fromRateMsgsPerSec} → ${phase.toRateMsgsPerSec} msg/s over ${seconds}`;
        case 'steps':
          return `${phase.steps.length} steps over ${seconds}`;
        default:
          return assertNever(phase, 'phase');
      }
    })
    .join(', then ');
}
