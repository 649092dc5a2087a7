import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPhaseResults, meanTargetRate } from '../../../src/coordinator/build-result.js';
import { IntervalSeries } from '../../../src/metrics/interval-series.js';
import type { Phase } from '../../../src/scenario/types.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../../../src/workers/protocol.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';
import { build, consumerPhase, inputs, phases, producerPhase } from './worker-results-fixture.js';

for (const { label, clocks, expected } of [
  {
    label: "'monotonic' when every latency used the monotonic clock",
    clocks: [{ monotonic: 10 }, { monotonic: 5 }],
    expected: 'monotonic',
  },
  {
    label: "'wall' when every latency used the wall clock",
    clocks: [
      { monotonic: 0, wall: 10 },
      { monotonic: 0, wall: 5 },
    ],
    expected: 'wall',
  },
  {
    label: "'mixed' when threads used different clocks",
    clocks: [
      { monotonic: 10, wall: 0 },
      { monotonic: 0, wall: 5 },
    ],
    expected: 'mixed',
  },
  { label: "'mixed' when one thread used both clocks", clocks: [{ monotonic: 10, wall: 1 }], expected: 'mixed' },
  { label: "'monotonic' when the consumers read nothing", clocks: [{ monotonic: 0, wall: 0 }], expected: 'monotonic' },
] as const) {
  test(`the end-to-end clock is ${label}`, () => {
    const consumers: ConsumerWorkerResult[] = clocks.map((c, i) => ({
      role: 'consumer',
      workerId: 2 + i,
      foreign: 0,
      groups: [],
      phases: [consumerPhase(0), consumerPhase(10, 2000, c), consumerPhase(0)],
    }));
    assert.equal(buildPhaseResults(inputs({ consumers }))[1]!.endToEndClock, expected);
  });
}

test('the end-to-end clock is null without consumers', () => {
  assert.deepEqual(
    buildPhaseResults(inputs({ consumers: [] })).map((r) => r.endToEndClock),
    [null, null, null],
  );
});

test('integrity counts go to their phase, and are null when the run had no consumers', () => {
  const integrity = [
    { lost: 0, unverified: 0, duplicated: 1, outOfOrder: 0 },
    { lost: 2, unverified: 0, duplicated: 0, outOfOrder: 0 },
    { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 3 },
  ];
  assert.deepEqual(
    buildPhaseResults(inputs({ integrity })).map((r) => r.integrity),
    integrity,
  );
  assert.deepEqual(
    build().map((r) => r.integrity),
    [null, null, null],
  );
});

for (const { phase, expected } of [
  { phase: { name: 'c', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 500 }, expected: 500 },
  { phase: { name: 'c', type: 'constant', durationMs: 1000, rateMsgsPerSec: 2.5 }, expected: 2 },
  { phase: { name: 'w', type: 'warmup', durationMs: 2000, rateMsgsPerSec: 300 }, expected: 300 },
  { phase: { name: 'w', type: 'warmup', durationMs: 2000, rateMsgsPerSec: null }, expected: null },
  {
    phase: { name: 'r', type: 'ramp', durationMs: 10_000, fromRateMsgsPerSec: 1000, toRateMsgsPerSec: 10_000 },
    expected: 5500,
  },
  {
    phase: {
      name: 's',
      type: 'steps',
      durationMs: 6000,
      steps: [
        { rateMsgsPerSec: 100, durationMs: 1000 },
        { rateMsgsPerSec: 200, durationMs: 2000 },
        { rateMsgsPerSec: 50, durationMs: 3000 },
      ],
    },
    expected: 650 / 6,
  },
  { phase: { name: 'm', type: 'max', durationMs: 5000, maxInFlight: 10 }, expected: null },
] satisfies { phase: Phase; expected: number | null }[]) {
  test(
    `the mean target rate of a ${phase.type} phase is ` +
      `${expected === null ? 'null' : `${expected.toFixed(2)} msg/s`}`,
    () => {
      assert.equal(meanTargetRate(phase), expected);
    },
  );
}

/** One producer and one consumer thread with `acked` messages in every phase. */
function oneOfEach(phaseCount: number, acked = 100, scheduleDelayUs = 100) {
  const producers: ProducerWorkerResult[] = [
    {
      role: 'producer',
      workerId: 0,
      stoppedEarly: false,
      producers: [],
      phases: Array.from({ length: phaseCount }, () => producerPhase(acked, {}, 1000, scheduleDelayUs)),
    },
  ];
  const consumers: ConsumerWorkerResult[] = [
    {
      role: 'consumer',
      workerId: 1,
      foreign: 0,
      groups: [],
      phases: Array.from({ length: phaseCount }, () => consumerPhase(acked)),
    },
  ];
  return { producers, consumers };
}

test('each interval gets the rate the schedule asked for at its middle, null when unpaced', () => {
  const rampAndMax = scenarioWith({
    phases: [
      { name: 'ramp', type: 'ramp', durationMs: 10_000, fromRateMsgsPerSec: 1000, toRateMsgsPerSec: 10_000 },
      { name: 'max', type: 'max', durationMs: 2000, maxInFlight: 10 },
    ],
  });
  const series = [new IntervalSeries(1000), new IntervalSeries(1000)];
  for (let index = 0; index < 10; index++)
    series[0]!.add({
      index,
      sent: 1,
      acked: 1,
      consumed: 0,
      ackedBytes: 0,
      publishHistogram: null,
      scheduleDelayHistogram: null,
    });
  series[1]!.add({
    index: 1,
    sent: 1,
    acked: 1,
    consumed: 0,
    ackedBytes: 0,
    publishHistogram: null,
    scheduleDelayHistogram: null,
  });
  const [ramp, max] = buildPhaseResults(
    inputs({ scenario: rampAndMax, ...oneOfEach(2), series, durationsSec: [10, 2] }),
  );
  // The middle of interval i is (i + 0.5) s: 1000 + 900 × (i + 0.5) msg/s.
  const targets = ramp!.intervals.map((iv) => iv.targetPerSec!);
  assert.equal(targets.length, 10);
  targets.forEach((t, i) => assert.ok(Math.abs(t - (1450 + 900 * i)) < 1e-6, `interval ${i}: ${t}`));
  assert.deepEqual(
    max!.intervals.map((iv) => iv.targetPerSec),
    [null, null],
  );
});

test('each interval of a steps phase gets the rate of the step it falls in', () => {
  const stepped = scenarioWith({
    phases: [
      {
        name: 's',
        type: 'steps',
        durationMs: 3000,
        steps: [
          { rateMsgsPerSec: 10, durationMs: 1000 },
          { rateMsgsPerSec: 30, durationMs: 2000 },
        ],
      },
    ],
  });
  const series = [new IntervalSeries(500)];
  series[0]!.add({
    index: 5,
    sent: 1,
    acked: 1,
    consumed: 0,
    ackedBytes: 0,
    publishHistogram: null,
    scheduleDelayHistogram: null,
  });
  const [steps] = buildPhaseResults(inputs({ scenario: stepped, ...oneOfEach(1), series, durationsSec: [3] }));
  assert.deepEqual(
    steps!.intervals.map((iv) => iv.targetPerSec),
    [10, 10, 30, 30, 30, 30],
  );
});

test('each interval gets the consumer lag sampled for it, null where none was', () => {
  const series = phases.map(() => new IntervalSeries(1000));
  series[1]!.add({
    index: 2,
    sent: 1,
    acked: 1,
    consumed: 0,
    ackedBytes: 0,
    publishHistogram: null,
    scheduleDelayHistogram: null,
  });
  const lag = [
    new Map<number, number>(),
    new Map([
      [0, 42],
      [2, 7],
    ]),
    new Map<number, number>(),
  ];
  const results = buildPhaseResults(inputs({ series, lag }));
  assert.deepEqual(
    results[1]!.intervals.map((iv) => iv.consumerLag),
    [42, null, 7],
  );
  assert.deepEqual(
    buildPhaseResults(inputs({ series }))[1]!.intervals.map((iv) => iv.consumerLag),
    [null, null, null],
  );
});

test('a phase that could not keep its schedule is generator-bound, with the reasons', () => {
  // 10 s at 500 msg/s but only 4500 acked (10% short), and sends 20 ms late.
  const late = {
    producers: [
      {
        role: 'producer' as const,
        workerId: 0,
        stoppedEarly: false,
        producers: [],
        phases: [producerPhase(10), producerPhase(4500, {}, 1000, 20_000), producerPhase(10)],
      },
    ],
  };
  const [warmup, steady, flatOut] = buildPhaseResults(inputs(late));
  assert.equal(steady!.generatorBound, true);
  assert.equal(steady!.generatorBoundReasons.length, 2);
  assert.match(
    steady!.generatorBoundReasons[0]!,
    /^schedule delay p99 20\.02 ms > 5\.00 ms: the producer queue was full/,
  );
  assert.equal(steady!.generatorBoundReasons[1], 'achieved 450 msg/s is 10.0% below the target 500 msg/s');
  for (const unpaced of [warmup!, flatOut!])
    assert.deepEqual([unpaced.generatorBound, unpaced.generatorBoundReasons], [false, []]);
});

test('a phase on schedule is not generator-bound, and the bounds come from the inputs', () => {
  const onTime = {
    producers: [
      {
        role: 'producer' as const,
        workerId: 0,
        stoppedEarly: false,
        producers: [],
        phases: [producerPhase(10), producerPhase(5000), producerPhase(10)],
      },
    ],
  };
  assert.deepEqual(
    [buildPhaseResults(inputs(onTime))[1]!.generatorBound, buildPhaseResults(inputs(onTime))[1]!.generatorBoundReasons],
    [false, []],
  );
  const strict = { maxScheduleDelayP99Us: 50, maxRateShortfall: 0.01 };
  const judged = buildPhaseResults(inputs({ ...onTime, bounds: strict }))[1]!;
  assert.equal(judged.generatorBound, true);
  assert.equal(judged.generatorBoundReasons.length, 1);
  assert.match(judged.generatorBoundReasons[0]!, /^schedule delay p99 /);
});
