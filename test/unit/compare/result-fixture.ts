/**
 * Fabricated RunResults for the threshold and compare tests: every field of result-types.ts is
 * present, latencies are real HDR histograms, and a test overrides only what it is about.
 */
import { createLatencyHistogram, recordUs, summarize } from '../../../src/metrics/histogram.js';
import { RESULT_SCHEMA_VERSION } from '../../../src/result/result-types.js';
import type { LatencySummaryUs, PhaseResult, RunResult } from '../../../src/result/result-types.js';
import type { Phase } from '../../../src/scenario/types.js';

/** A summary of exactly these samples (µs). */
export function latencies(...valuesUs: number[]): LatencySummaryUs {
  const h = createLatencyHistogram();
  for (const v of valuesUs) recordUs(h, v);
  return summarize(h);
}

/**
 * `count` samples shaped like real latencies (a floor plus an exponential tail), every value
 * multiplied by `scale`. Deterministic: the samples are the distribution's quantiles.
 */
export function latencyDistribution(count: number, scale = 1, floorUs = 1000, tailUs = 2000): LatencySummaryUs {
  const h = createLatencyHistogram();
  for (let i = 0; i < count; i++) {
    const u = (i + 0.5) / count;
    recordUs(h, scale * (floorUs - tailUs * Math.log(1 - u)));
  }
  return summarize(h);
}

export function phaseResult(overrides: Partial<PhaseResult> = {}): PhaseResult {
  return {
    name: 'steady',
    type: 'constant',
    recorded: true,
    targetRate: 5000,
    achievedRate: 5000,
    durationSec: 10,
    sent: 50_000,
    acked: 50_000,
    failed: {},
    bytes: 5_000_000,
    consumed: 50_000,
    consumedBytes: 5_000_000,
    queueFullWaits: 0,
    producerWorkers: [{ workerId: 0, sent: 50_000, acked: 50_000 }],
    consumerWorkers: [{ workerId: 1, consumed: 50_000 }],
    publishLatencyUs: latencies(1000, 2000, 3000),
    serviceLatencyUs: latencies(800, 1600, 2400),
    scheduleDelayUs: latencies(10, 20, 30),
    endToEndLatencyUs: latencies(4000, 5000),
    endToEndClock: 'monotonic',
    integrity: { lost: 0, duplicated: 0, outOfOrder: 0 },
    generatorBound: false,
    generatorBoundReasons: [],
    intervals: [],
    ...overrides,
  };
}

export function runResult(phases: PhaseResult[], overrides: Partial<RunResult> = {}): RunResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kload: { version: '0.1.0' },
    status: 'complete',
    statusReason: null,
    startedAt: '2026-11-21T23:30:45.000Z',
    finishedAt: '2026-11-21T23:31:45.000Z',
    scenario: {
      name: 'steady',
      description: '',
      topics: [{ name: 't', partitions: 1, replicationFactor: 1, configs: {} }],
      producers: {
        topic: 't',
        count: 1,
        threads: 1,
        message: { size: { type: 'fixed', bytes: 100 } },
        keys: { type: 'none' },
        payload: { type: 'random', compressibility: 0 },
        properties: {},
      },
      consumers: { topic: 't', groups: ['g'], membersPerGroup: 1, threads: 1, properties: {} },
      phases: phases.map(scenarioPhase),
      thresholds: [],
    },
    environment: {
      node: 'v20.0.0',
      librdkafka: '2.12.0',
      kafka: null,
      os: 'linux',
      cpuModel: 'test',
      cpuCount: 2,
      totalMemoryBytes: 1,
      brokers: '127.0.0.1:9092',
      cluster: 'external',
      producerProperties: {},
      consumerProperties: {},
      producerThreads: 1,
      consumerThreads: 1,
    },
    phases,
    thresholds: [],
    // Not read by thresholds or compare; present because every result has one.
    summary: {
      durationSec: 0,
      sent: 0,
      acked: 0,
      failed: 0,
      consumed: 0,
      throughputMsgsPerSec: 0,
      throughputMBPerSec: 0,
      publishP50Us: 0,
      publishP99Us: 0,
      endToEndP99Us: 0,
      integrity: null,
      generatorBound: false,
    },
    ...overrides,
  };
}

/** The scenario phase a phase result came from, so fixtures stay self-consistent. */
function scenarioPhase(phase: PhaseResult): Phase {
  const durationMs = phase.durationSec * 1000;
  const rate = phase.targetRate ?? 1;
  switch (phase.type) {
    case 'warmup':
      return { name: phase.name, type: 'warmup', durationMs, rateMsgsPerSec: phase.targetRate };
    case 'constant':
      return { name: phase.name, type: 'constant', durationMs, rateMsgsPerSec: rate };
    case 'ramp':
      return { name: phase.name, type: 'ramp', durationMs, fromRateMsgsPerSec: rate, toRateMsgsPerSec: rate };
    case 'steps':
      return { name: phase.name, type: 'steps', durationMs, steps: [{ rateMsgsPerSec: rate, durationMs }] };
    case 'max':
      return { name: phase.name, type: 'max', durationMs, maxInFlight: 1000 };
    default: {
      const never: never = phase.type;
      throw new Error(`unhandled phase type ${String(never)}`);
    }
  }
}
