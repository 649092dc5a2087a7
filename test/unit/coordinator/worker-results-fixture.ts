/**
 * Fabricated worker results for the build-result tests: a warmup, a 500 msg/s constant phase and
 * a max phase, two producer threads and two consumer threads, with real encoded histograms.
 */
import { buildPhaseResults, type PhaseInputs } from '../../../src/coordinator/build-result.js';
import { DEFAULT_GENERATOR_BOUNDS } from '../../../src/coordinator/generator-bound.js';
import { createLatencyHistogram, encodeHistogram, recordUs } from '../../../src/metrics/histogram.js';
import type { Phase } from '../../../src/scenario/types.js';
import type {
  ConsumerPhaseCounters,
  ConsumerWorkerResult,
  ProducerPhaseCounters,
  ProducerWorkerResult,
} from '../../../src/workers/protocol.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

export const phases: Phase[] = [
  { name: 'warmup', type: 'warmup', durationMs: 2000, rateMsgsPerSec: null },
  { name: 'steady', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 500 },
  { name: 'flat-out', type: 'max', durationMs: 10_000, maxInFlight: 1000 },
];
export const scenario = scenarioWith({ phases });

/** An encoded histogram holding `count` latencies of `valueUs` each. */
export function histogramOf(count: number, valueUs: number): string {
  const h = createLatencyHistogram();
  for (let i = 0; i < count; i++) recordUs(h, valueUs);
  return encodeHistogram(h);
}

export function producerPhase(
  acked: number,
  failed: Record<string, number> = {},
  latencyUs = 1000,
  scheduleDelayUs = 100,
): ProducerPhaseCounters {
  const failures = Object.values(failed).reduce((a, b) => a + b, 0);
  const sent = acked + failures;
  return {
    sent,
    acked,
    failed,
    ackedBytes: acked * 100,
    queueFullWaits: 1,
    publishHistogram: histogramOf(acked, latencyUs),
    serviceHistogram: histogramOf(acked, latencyUs / 2),
    scheduleDelayHistogram: histogramOf(sent, scheduleDelayUs),
  };
}

export function consumerPhase(
  consumed: number,
  latencyUs = 2000,
  clocks: { monotonic?: number; wall?: number } = {},
): ConsumerPhaseCounters {
  return {
    consumed,
    consumedBytes: consumed * 100,
    endToEndHistogram: histogramOf(consumed, latencyUs),
    monotonicClock: clocks.monotonic ?? consumed,
    wallClock: clocks.wall ?? 0,
    duplicated: 0,
    outOfOrder: 0,
  };
}

export const producers: ProducerWorkerResult[] = [
  {
    role: 'producer',
    workerId: 0,
    stoppedEarly: false,
    producers: [],
    phases: [producerPhase(100), producerPhase(3000, { ERR__MSG_TIMED_OUT: 2 }, 1000), producerPhase(7000, {}, 3000)],
  },
  {
    role: 'producer',
    workerId: 1,
    stoppedEarly: false,
    producers: [],
    phases: [
      producerPhase(50),
      producerPhase(1500, { ERR__MSG_TIMED_OUT: 1, ERR_NOT_LEADER_FOR_PARTITION: 4 }, 5000),
      producerPhase(5000, {}, 4000),
    ],
  },
];

export const consumers: ConsumerWorkerResult[] = [
  {
    role: 'consumer',
    workerId: 2,
    foreign: 0,
    groups: [],
    phases: [consumerPhase(120), consumerPhase(4000), consumerPhase(9000)],
  },
  {
    role: 'consumer',
    workerId: 3,
    foreign: 3,
    groups: [],
    phases: [consumerPhase(30), consumerPhase(500), consumerPhase(3000)],
  },
];

/** Inputs for the shared scenario and workers; a test overrides what it is about. */
export function inputs(overrides: Partial<PhaseInputs> = {}): PhaseInputs {
  return {
    scenario,
    producers,
    consumers,
    series: [],
    durationsSec: [2, 10, 10],
    integrity: null,
    bounds: DEFAULT_GENERATOR_BOUNDS,
    ...overrides,
  };
}

export function build(durationsSec = [2, 10, 10]) {
  return buildPhaseResults(inputs({ durationsSec }));
}
