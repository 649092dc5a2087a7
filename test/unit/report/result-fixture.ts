/** Small, valid RunResult/PhaseResult values for report tests. */
import { createLatencyHistogram, recordUs, summarize } from '../../../src/metrics/histogram.js';
import type { LatencySummaryUs, PhaseResult, RunResult } from '../../../src/result/result-types.js';
import { RESULT_SCHEMA_VERSION } from '../../../src/result/result-types.js';
import { summarizeRun } from '../../../src/result/summary.js';

export function latencies(...valuesUs: number[]): LatencySummaryUs {
  const h = createLatencyHistogram();
  for (const v of valuesUs) recordUs(h, v);
  return summarize(h);
}

export const emptyLatencies = (): LatencySummaryUs => latencies();

export function phase(overrides: Partial<PhaseResult> = {}): PhaseResult {
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

export function runResult(phases: PhaseResult[]): RunResult {
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
      consumers: null,
      phases: [],
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
      consumerThreads: 0,
    },
    phases,
    thresholds: [],
    summary: summarizeRun(phases),
  };
}
