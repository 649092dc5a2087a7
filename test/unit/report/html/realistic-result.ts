/**
 * A RunResult shaped like a real quickstart run (warmup, a paced phase with a stall, a max phase),
 * with real HDR histograms drawn from a seeded generator: the HTML and hlog tests need realistic
 * tails and counts without a Kafka cluster.
 */
import { createLatencyHistogram, recordUs, summarize } from '../../../../src/metrics/histogram.js';
import type { IntervalStats, PhaseResult, RunResult, ThresholdOutcome } from '../../../../src/result/result-types.js';
import { RESULT_SCHEMA_VERSION } from '../../../../src/result/result-types.js';
import { summarizeRun } from '../../../../src/result/summary.js';

/** mulberry32: a tiny seeded PRNG, so every test run sees the same "measurements". */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PhaseShape {
  name: string;
  type: PhaseResult['type'];
  recorded: boolean;
  seconds: number;
  /** null: unpaced (max). */
  rate: number | null;
  achievedRate: number;
  /** Median service latency (µs) and how often a stall of 20-60 ms hits. */
  serviceMedianUs: number;
  stallEvery: number;
  /** The second in which the broker hiccups (latency and lag jump), or null. */
  hiccupAtSec: number | null;
  generatorBoundReasons: string[];
  failed: Record<string, number>;
}

function buildPhase(shape: PhaseShape, rnd: () => number): PhaseResult {
  const publish = createLatencyHistogram();
  const service = createLatencyHistogram();
  const schedule = createLatencyHistogram();
  const e2e = createLatencyHistogram();
  const logNormal = (medianUs: number, sigma: number) => {
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    return medianUs * Math.exp(sigma * z);
  };
  const failedCount = Object.values(shape.failed).reduce((a, b) => a + b, 0);
  const acked = Math.round(shape.achievedRate * shape.seconds);
  for (let i = 0; i < acked; i++) {
    const stall = rnd() < 1 / shape.stallEvery ? 20_000 + rnd() * 40_000 : 0;
    const serviceUs = logNormal(shape.serviceMedianUs, 0.45) + stall;
    const delayUs = shape.rate === null ? 0 : rnd() < 0.002 ? 1_000 + rnd() * 5_000 : -Math.log(1 - rnd()) * 30;
    recordUs(service, serviceUs);
    if (shape.rate !== null) recordUs(schedule, delayUs);
    recordUs(publish, serviceUs + delayUs);
    recordUs(e2e, serviceUs + delayUs + logNormal(900, 0.35));
  }
  const sent = acked + failedCount;
  return {
    name: shape.name,
    type: shape.type,
    recorded: shape.recorded,
    targetRate: shape.rate,
    achievedRate: shape.achievedRate,
    durationSec: shape.seconds,
    sent,
    acked,
    failed: shape.failed,
    bytes: acked * 100,
    consumed: acked,
    consumedBytes: acked * 100,
    queueFullWaits: shape.rate === null ? 412 : 0,
    producerWorkers: [{ workerId: 0, sent: Math.ceil(sent / 2), acked: Math.ceil(acked / 2) }, { workerId: 1, sent: Math.floor(sent / 2), acked: Math.floor(acked / 2) }],
    consumerWorkers: [{ workerId: 2, consumed: acked }],
    publishLatencyUs: summarize(publish),
    serviceLatencyUs: summarize(service),
    scheduleDelayUs: summarize(schedule),
    endToEndLatencyUs: summarize(e2e),
    endToEndClock: 'monotonic',
    integrity: { lost: 0, duplicated: 0, outOfOrder: 0 },
    generatorBound: shape.generatorBoundReasons.length > 0,
    generatorBoundReasons: shape.generatorBoundReasons,
    intervals: intervals(shape, rnd),
  };
}

function intervals(shape: PhaseShape, rnd: () => number): IntervalStats[] {
  const out: IntervalStats[] = [];
  let lag = 120;
  for (let s = 1; s <= shape.seconds; s++) {
    const hiccup = shape.hiccupAtSec === s;
    const jitter = (spread: number) => 1 + (rnd() - 0.5) * spread;
    const rate = shape.rate ?? shape.achievedRate;
    const acked = Math.round(rate * jitter(0.04) * (hiccup ? 0.55 : shape.hiccupAtSec === s - 1 ? 1.45 : 1));
    lag = hiccup ? lag + Math.round(rate * 0.6) : Math.max(40, Math.round(lag * 0.3 + 80 * rnd()));
    const p50 = shape.serviceMedianUs * jitter(0.2);
    out.push({
      elapsedSec: s,
      sentPerSec: Math.round(rate * jitter(0.01)),
      ackedPerSec: acked,
      consumedPerSec: Math.round(acked * jitter(0.03)),
      ackedMBPerSec: (acked * 100) / 1e6,
      publishP50Us: Math.round(p50 * (hiccup ? 3 : 1)),
      publishP99Us: Math.round(p50 * 3.1 * jitter(0.3) * (hiccup ? 9 : 1)),
      publishMaxUs: Math.round(p50 * 8 * jitter(0.6) * (hiccup ? 12 : 1)),
      scheduleDelayP99Us: shape.rate === null ? 0 : Math.round(90 * jitter(0.5) * (hiccup ? 20 : 1)),
      targetPerSec: shape.rate,
      consumerLag: lag,
    });
  }
  return out;
}

export function realisticRunResult(): RunResult {
  const rnd = random(20261121);
  const phases = [
    buildPhase({ name: 'warmup', type: 'warmup', recorded: false, seconds: 3, rate: 1000, achievedRate: 998, serviceMedianUs: 2600, stallEvery: 400, hiccupAtSec: null,
      generatorBoundReasons: ['schedule delay p99 6.1 ms > 5.0 ms: the producer thread could not keep up (JIT still warming)'], failed: {} }, rnd),
    buildPhase({ name: 'steady', type: 'constant', recorded: true, seconds: 10, rate: 5000, achievedRate: 4999.6, serviceMedianUs: 1800, stallEvery: 900, hiccupAtSec: 6,
      generatorBoundReasons: [], failed: {} }, rnd),
    buildPhase({ name: 'flat-out', type: 'max', recorded: true, seconds: 5, rate: null, achievedRate: 23_840, serviceMedianUs: 6200, stallEvery: 2000, hiccupAtSec: null,
      generatorBoundReasons: [], failed: { ERR__MSG_TIMED_OUT: 7 } }, rnd),
  ];
  const [, steady] = phases;
  const summary = summarizeRun(phases);
  const thresholds: ThresholdOutcome[] = [
    { expression: 'publish.p99 < 50ms', phase: null, metric: 'publish.p99', actual: summary.publishP99Us / 1000, operator: '<', limit: 50, unit: 'ms', pass: summary.publishP99Us < 50_000 },
    { expression: 'steady: e2e.p99 < 5ms', phase: 'steady', metric: 'e2e.p99', actual: steady!.endToEndLatencyUs.p99 / 1000, operator: '<', limit: 5, unit: 'ms', pass: steady!.endToEndLatencyUs.p99 < 5000 },
    { expression: 'lost == 0', phase: null, metric: 'lost', actual: 0, operator: '==', limit: 0, unit: 'count', pass: true },
    { expression: 'throughput.msgs > 4000', phase: null, metric: 'throughput.msgs', actual: summary.throughputMsgsPerSec, operator: '>', limit: 4000, unit: 'msg/s', pass: summary.throughputMsgsPerSec > 4000 },
  ];
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kload: { version: '0.1.0' },
    status: 'complete',
    statusReason: null,
    startedAt: '2026-11-21T23:30:45.120Z',
    finishedAt: '2026-11-21T23:31:09.870Z',
    scenario: {
      name: 'quickstart',
      description: 'Two producers at a modest rate, then flat out, with one consumer group reading along.',
      topics: [{ name: 'kload-quickstart', partitions: 3, replicationFactor: 1, configs: {} }],
      producers: {
        topic: 'kload-quickstart', count: 2, threads: 2, message: { size: { type: 'fixed', bytes: 100 } },
        keys: { type: 'none' }, payload: { type: 'random', compressibility: 0 }, properties: { acks: '1', 'linger.ms': '5' },
      },
      consumers: { topic: 'kload-quickstart', groups: ['quickstart-group'], membersPerGroup: 2, threads: 1, properties: {} },
      phases: [
        { name: 'warmup', type: 'warmup', durationMs: 3000, rateMsgsPerSec: 1000 },
        { name: 'steady', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 5000 },
        { name: 'flat-out', type: 'max', durationMs: 5000, maxInFlight: 10_000 },
      ],
      thresholds: thresholds.map((t) => t.expression),
    },
    environment: {
      node: 'v20.20.2', librdkafka: '2.12.0', kafka: '4.3.1', os: 'linux 6.1.0 x64',
      cpuModel: 'AMD EPYC 7B13', cpuCount: 2, totalMemoryBytes: 25_769_803_776,
      brokers: '127.0.0.1:39092', cluster: 'embedded',
      producerProperties: { 'bootstrap.servers': '127.0.0.1:39092', acks: '1', 'linger.ms': '5', 'message.timeout.ms': '30000', log_level: '3', 'sasl.password': '[redacted]' },
      consumerProperties: { 'bootstrap.servers': '127.0.0.1:39092', 'group.id': 'quickstart-group', log_level: '3' },
      producerThreads: 2, consumerThreads: 1,
    },
    phases,
    thresholds,
    summary,
  };
}
