/**
 * Made-up run results for the report, compare, threshold, model and sweep tests. Every field of
 * result-types.ts is present, latencies are real HDR histograms (so percentiles, spectra and hlog
 * lines can be recomputed from them), and a test overrides only what it is about.
 */
import { createLatencyHistogram, recordUs, summarize } from '../../src/metrics/histogram.js';
import type {
  IntervalStats,
  LatencySummaryUs,
  PhaseResult,
  RunResult,
  ThresholdOutcome,
} from '../../src/result/result-types.js';
import { RESULT_SCHEMA_VERSION } from '../../src/result/result-types.js';
import { summarizeRun } from '../../src/result/summary.js';
import type { Phase } from '../../src/scenario/types.js';
import { mulberry32 } from './random.js';
import { scenarioWith } from './scenario-fixture.js';

/** A summary of exactly these samples (µs); none gives the empty summary of a latency not measured. */
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

/** One second of a 1,000 msg/s phase without consumers. */
export function interval(elapsedSec: number, overrides: Partial<IntervalStats> = {}): IntervalStats {
  return {
    elapsedSec,
    sentPerSec: 1000,
    ackedPerSec: 1000,
    consumedPerSec: 0,
    ackedMBPerSec: 0.1,
    publishP50Us: 500,
    publishP99Us: 1000,
    publishMaxUs: 2000,
    scheduleDelayP99Us: 50,
    targetPerSec: 1000,
    consumerLag: null,
    ...overrides,
  };
}

/**
 * A recorded 10 s constant phase "steady" at 5,000 msg/s, one producer and one consumer, nothing lost;
 * no intervals.
 */
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
    integrity: { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 },
    generatorBound: false,
    generatorBoundReasons: [],
    intervals: [],
    ...overrides,
  };
}

/**
 * A 1-second-interval ramp from `from` to `to` msg/s, one p99 per second; each interval's target
 * is the line's rate in its middle, as kload saves it.
 */
export function rampPhase(
  p99sUs: readonly number[],
  from = 1000,
  to = 10_000,
  overrides: Partial<PhaseResult> = {},
): PhaseResult {
  const seconds = p99sUs.length;
  const intervals = p99sUs.map((p99Us, i) => {
    const target = from + ((to - from) * (i + 0.5)) / seconds;
    return interval(i + 1, { sentPerSec: target, ackedPerSec: target, targetPerSec: target, publishP99Us: p99Us });
  });
  const acked = Math.round(((from + to) / 2) * seconds);
  return phaseResult({
    name: 'ramp',
    type: 'ramp',
    targetRate: (from + to) / 2,
    achievedRate: acked / seconds,
    durationSec: seconds,
    sent: acked,
    acked,
    intervals,
    ...overrides,
  });
}

/**
 * A constant phase of `rate` msg/s whose in-flight count (sent − acked, counted from the run's
 * start) is `inFlight[i]` at the end of second i, and whose every service latency is `serviceUs`.
 */
export function steadyPhase(
  rate: number,
  inFlight: readonly number[],
  serviceUs: number,
  overrides: Partial<PhaseResult> = {},
): PhaseResult {
  const intervals = inFlight.map((n, i) =>
    interval(i + 1, { sentPerSec: rate + n - (i === 0 ? 0 : inFlight[i - 1]!), ackedPerSec: rate, targetPerSec: rate }),
  );
  const acked = rate * inFlight.length;
  return phaseResult({
    targetRate: rate,
    achievedRate: rate,
    durationSec: inFlight.length,
    sent: acked,
    acked,
    serviceLatencyUs: latencies(serviceUs, serviceUs, serviceUs),
    intervals,
    ...overrides,
  });
}

/**
 * A complete run of scenario "steady" made of these phases: the scenario's phases and consumers
 * follow from them (consumers when a phase had consumer workers), the summary is computed from
 * them, and there are no thresholds.
 */
export function runResult(phases: PhaseResult[], overrides: Partial<RunResult> = {}): RunResult {
  const consumers = phases.some((p) => p.consumerWorkers.length > 0);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kload: { version: '0.1.0' },
    status: 'complete',
    statusReason: null,
    startedAt: '2026-11-21T23:30:45.000Z',
    finishedAt: '2026-11-21T23:31:45.000Z',
    scenario: scenarioWith({ consumers: consumers ? {} : null, phases: phases.map(scenarioPhase) }),
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
      consumerThreads: consumers ? 1 : 0,
    },
    phases,
    thresholds: [],
    summary: summarizeRun(phases),
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

// ---------------------------------------------------------------------------------------------
// A realistic run, for the HTML report, hlog and spectrum tests.

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

function realisticPhase(shape: PhaseShape, rnd: () => number): PhaseResult {
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
  return phaseResult({
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
    producerWorkers: [
      { workerId: 0, sent: Math.ceil(sent / 2), acked: Math.ceil(acked / 2) },
      { workerId: 1, sent: Math.floor(sent / 2), acked: Math.floor(acked / 2) },
    ],
    consumerWorkers: [{ workerId: 2, consumed: acked }],
    publishLatencyUs: summarize(publish),
    serviceLatencyUs: summarize(service),
    scheduleDelayUs: summarize(schedule),
    endToEndLatencyUs: summarize(e2e),
    generatorBound: shape.generatorBoundReasons.length > 0,
    generatorBoundReasons: shape.generatorBoundReasons,
    intervals: realisticIntervals(shape, rnd),
  });
}

function realisticIntervals(shape: PhaseShape, rnd: () => number): IntervalStats[] {
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

/**
 * A run shaped like a real quickstart run on the embedded cluster: a generator-bound warmup, a
 * paced phase "steady" with a broker hiccup in second 6, and a max phase "flat-out" with 7
 * timed-out deliveries. Tens of thousands of samples per phase from a seeded generator, so tails
 * and counts are realistic yet the same on every run. Its "steady: e2e.p99 < 5ms" threshold fails.
 */
export function realisticRunResult(): RunResult {
  const rnd = mulberry32(20261121);
  const phases = [
    realisticPhase(
      {
        name: 'warmup',
        type: 'warmup',
        recorded: false,
        seconds: 3,
        rate: 1000,
        achievedRate: 998,
        serviceMedianUs: 2600,
        stallEvery: 400,
        hiccupAtSec: null,
        generatorBoundReasons: [
          'schedule delay p99 6.1 ms > 5.0 ms: the producer thread could not keep up (JIT still warming)',
        ],
        failed: {},
      },
      rnd,
    ),
    realisticPhase(
      {
        name: 'steady',
        type: 'constant',
        recorded: true,
        seconds: 10,
        rate: 5000,
        achievedRate: 4999.6,
        serviceMedianUs: 1800,
        stallEvery: 900,
        hiccupAtSec: 6,
        generatorBoundReasons: [],
        failed: {},
      },
      rnd,
    ),
    realisticPhase(
      {
        name: 'flat-out',
        type: 'max',
        recorded: true,
        seconds: 5,
        rate: null,
        achievedRate: 23_840,
        serviceMedianUs: 6200,
        stallEvery: 2000,
        hiccupAtSec: null,
        generatorBoundReasons: [],
        failed: { ERR__MSG_TIMED_OUT: 7 },
      },
      rnd,
    ),
  ];
  const [, steady] = phases;
  const summary = summarizeRun(phases);
  const thresholds: ThresholdOutcome[] = [
    {
      expression: 'publish.p99 < 50ms',
      phase: null,
      metric: 'publish.p99',
      actual: summary.publishP99Us / 1000,
      operator: '<',
      limit: 50,
      unit: 'ms',
      pass: summary.publishP99Us < 50_000,
    },
    {
      expression: 'steady: e2e.p99 < 5ms',
      phase: 'steady',
      metric: 'e2e.p99',
      actual: steady!.endToEndLatencyUs.p99 / 1000,
      operator: '<',
      limit: 5,
      unit: 'ms',
      pass: steady!.endToEndLatencyUs.p99 < 5000,
    },
    {
      expression: 'lost == 0',
      phase: null,
      metric: 'lost',
      actual: 0,
      operator: '==',
      limit: 0,
      unit: 'count',
      pass: true,
    },
    {
      expression: 'throughput.msgs > 4000',
      phase: null,
      metric: 'throughput.msgs',
      actual: summary.throughputMsgsPerSec,
      operator: '>',
      limit: 4000,
      unit: 'msg/s',
      pass: summary.throughputMsgsPerSec > 4000,
    },
  ];
  return runResult(phases, {
    startedAt: '2026-11-21T23:30:45.120Z',
    finishedAt: '2026-11-21T23:31:09.870Z',
    scenario: scenarioWith({
      name: 'quickstart',
      description: 'Two producers at a modest rate, then flat out, with one consumer group reading along.',
      topics: [{ name: 'kload-quickstart', partitions: 3, replicationFactor: 1, configs: {} }],
      producers: { count: 2, threads: 2, properties: { acks: '1', 'linger.ms': '5' } },
      consumers: { groups: ['quickstart-group'], membersPerGroup: 2 },
      phases: [
        { name: 'warmup', type: 'warmup', durationMs: 3000, rateMsgsPerSec: 1000 },
        { name: 'steady', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 5000 },
        { name: 'flat-out', type: 'max', durationMs: 5000, maxInFlight: 10_000 },
      ],
      thresholds: thresholds.map((t) => t.expression),
    }),
    environment: {
      node: 'v20.20.2',
      librdkafka: '2.12.0',
      kafka: '4.3.1',
      os: 'linux 6.1.0 x64',
      cpuModel: 'AMD EPYC 7B13',
      cpuCount: 2,
      totalMemoryBytes: 25_769_803_776,
      brokers: '127.0.0.1:39092',
      cluster: 'embedded',
      producerProperties: {
        'bootstrap.servers': '127.0.0.1:39092',
        acks: '1',
        'linger.ms': '5',
        'message.timeout.ms': '30000',
        log_level: '3',
        'sasl.password': '[redacted]',
      },
      consumerProperties: { 'bootstrap.servers': '127.0.0.1:39092', 'group.id': 'quickstart-group', log_level: '3' },
      producerThreads: 2,
      consumerThreads: 1,
    },
    thresholds,
  });
}
