import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phaseSegments, assignThreads, splitEvenly } from '../../../src/coordinator/assign-threads.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { Phase } from '../../../src/scenario/types.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

const constant1000: Phase = { name: 'steady', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 1000 };

for (const { count, threads, expected } of [
  { count: 5, threads: 2, expected: [3, 2] },
  { count: 4, threads: 4, expected: [1, 1, 1, 1] },
  { count: 1, threads: 1, expected: [1] },
  { count: 5, threads: 3, expected: [2, 2, 1] },
  { count: 7, threads: 3, expected: [3, 2, 2] },
]) {
  test(`splitEvenly spreads ${count} over ${threads} threads as ${expected.join(' + ')}`, () => {
    assert.deepEqual(splitEvenly(count, threads), expected);
  });
}

test('plan gives every producer client a unique id, contiguous from 0 across threads', () => {
  const plan = assignThreads(scenarioWith({ producers: { count: 5, threads: 3 } }));
  assert.deepEqual(
    plan.producers.map((t) => t.producerIds),
    [[0, 1], [2, 3], [4]],
  );
  assert.deepEqual(
    plan.producers.map((t) => t.workerId),
    [0, 1, 2],
  );
});

for (const { count, threads, rate } of [
  { count: 5, threads: 3, rate: 1000 },
  { count: 3, threads: 2, rate: 100 },
  { count: 7, threads: 4, rate: 999.5 },
  { count: 11, threads: 11, rate: 1 },
]) {
  test(
    `plan gives ${count} producers on ${threads} threads ` +
      `slots that partition 0..${count - 1} of one schedule at ${rate} msg/s`,
    () => {
      const plan = assignThreads(
        scenarioWith({ producers: { count, threads }, phases: [{ ...constant1000, rateMsgsPerSec: rate }] }),
      );
      const schedules = plan.producers.map((t) => t.phases[0]!.schedule!);
      const slots = schedules.flatMap((s) => s.slots).sort((a, b) => a - b);
      assert.deepEqual(
        slots,
        Array.from({ length: count }, (_, i) => i),
      );
      for (const s of schedules) {
        assert.equal(s.of, count);
        assert.deepEqual(s.segments, [{ durationUs: 10_000_000, fromRateMsgsPerSec: rate, toRateMsgsPerSec: rate }]);
      }
    },
  );
}

test('plan gives each thread the slots of the clients it holds', () => {
  const plan = assignThreads(scenarioWith({ producers: { count: 5, threads: 3 } }));
  assert.deepEqual(
    plan.producers.map((t) => t.phases[0]!.schedule!.slots),
    [[0, 1], [2, 3], [4]],
  );
  for (const t of plan.producers) assert.deepEqual(t.phases[0]!.schedule!.slots, t.producerIds);
});

test('plan marks warmup phases as not recorded and every other phase as recorded', () => {
  const plan = assignThreads(
    scenarioWith({
      phases: [
        { name: 'warmup', type: 'warmup', durationMs: 3000, rateMsgsPerSec: null },
        constant1000,
        { name: 'max', type: 'max', durationMs: 5000, maxInFlight: 10 },
      ],
    }),
  );
  assert.deepEqual(
    plan.producers[0]!.phases.map((p) => [p.name, p.recorded]),
    [
      ['warmup', false],
      ['steady', true],
      ['max', true],
    ],
  );
});

test('plan keeps each phase name, type and duration for every thread', () => {
  const plan = assignThreads(scenarioWith({ producers: { count: 2, threads: 2 }, phases: [constant1000] }));
  for (const thread of plan.producers) {
    assert.deepEqual(
      { name: thread.phases[0]!.name, type: thread.phases[0]!.type, durationMs: thread.phases[0]!.durationMs },
      { name: 'steady', type: 'constant', durationMs: 10_000 },
    );
  }
});

test('plan gives a max phase no schedule and maxInFlight times the clients of the thread', () => {
  const plan = assignThreads(
    scenarioWith({
      producers: { count: 5, threads: 2 },
      phases: [{ name: 'max', type: 'max', durationMs: 5000, maxInFlight: 10 }],
    }),
  );
  assert.deepEqual(
    plan.producers.map((t) => [t.phases[0]!.schedule, t.phases[0]!.maxInFlight]),
    [
      [null, 30],
      [null, 20],
    ],
  );
});

test('plan leaves a constant phase unbounded in flight: the schedule paces it', () => {
  const plan = assignThreads(scenarioWith());
  assert.equal(plan.producers[0]!.phases[0]!.maxInFlight, Infinity);
});

test('plan keeps an unpaced warmup unpaced and splits a paced warmup like a constant phase', () => {
  const plan = assignThreads(
    scenarioWith({
      producers: { count: 4, threads: 2 },
      phases: [
        { name: 'fast', type: 'warmup', durationMs: 1000, rateMsgsPerSec: null },
        { name: 'paced', type: 'warmup', durationMs: 1000, rateMsgsPerSec: 500 },
      ],
    }),
  );
  for (const thread of plan.producers) {
    assert.equal(thread.phases[0]!.schedule, null);
    assert.deepEqual(thread.phases[1]!.schedule, {
      segments: [{ durationUs: 1_000_000, fromRateMsgsPerSec: 500, toRateMsgsPerSec: 500 }],
      slots: thread.producerIds,
      of: 4,
    });
    assert.ok(Number.isFinite(thread.phases[0]!.maxInFlight) && thread.phases[0]!.maxInFlight > 0);
  }
});

test('plan has no consumer threads when the scenario has no consumers', () => {
  assert.deepEqual(assignThreads(scenarioWith()).consumers, []);
});

test('plan spreads the members of every group over the consumer threads', () => {
  const plan = assignThreads(
    scenarioWith({
      producers: { count: 3, threads: 2 },
      consumers: { groups: ['a', 'b'], membersPerGroup: 3, threads: 4 },
    }),
  );
  assert.deepEqual(
    plan.consumers.map((t) => t.members.map((m) => `${m.group}/${m.member}`)),
    [['a/0', 'a/1'], ['a/2', 'b/0'], ['b/1'], ['b/2']],
  );
});

test('plan numbers consumer threads after the producer threads', () => {
  const plan = assignThreads(
    scenarioWith({ producers: { count: 3, threads: 2 }, consumers: { groups: ['a'], membersPerGroup: 3, threads: 3 } }),
  );
  assert.deepEqual(
    plan.consumers.map((t) => t.workerId),
    [2, 3, 4],
  );
});

test('plan never starts more consumer threads than there are members', () => {
  const plan = assignThreads(scenarioWith({ consumers: { groups: ['a', 'b'], membersPerGroup: 1, threads: 8 } }));
  assert.equal(plan.consumers.length, 2);
  for (const thread of plan.consumers) assert.equal(thread.members.length, 1);
});

test('plan of a parsed YAML scenario assigns every member of every group exactly once', () => {
  const scenario = parseScenario(
    [
      'name: parsed',
      'topics: [{ name: t, partitions: 6 }]',
      'producers: { count: 5, threads: 3 }',
      'consumers: { groups: [g1, g2, g3], members: 2, threads: 4 }',
      'phases:',
      '  - { type: warmup, duration: 2s, rate: 500 }',
      '  - { type: constant, duration: 10s, rate: 1000 }',
      '',
    ].join('\n'),
    'x.yaml',
  );
  const plan = assignThreads(scenario);
  const members = plan.consumers.flatMap((t) => t.members.map((m) => `${m.group}/${m.member}`));
  assert.deepEqual(members.sort(), ['g1/0', 'g1/1', 'g2/0', 'g2/1', 'g3/0', 'g3/1']);
  assert.deepEqual(
    plan.producers.flatMap((t) => t.producerIds),
    [0, 1, 2, 3, 4],
  );
  assert.deepEqual(
    plan.consumers.map((t) => t.workerId),
    [3, 4, 5, 6],
  );
});

for (const { label, phase, expected } of [
  {
    label: 'an unpaced warmup has no segments',
    phase: { name: 'w', type: 'warmup', durationMs: 2000, rateMsgsPerSec: null },
    expected: null,
  },
  {
    label: 'a paced warmup is one flat segment at its rate',
    phase: { name: 'w', type: 'warmup', durationMs: 2000, rateMsgsPerSec: 300 },
    expected: [{ durationUs: 2_000_000, fromRateMsgsPerSec: 300, toRateMsgsPerSec: 300 }],
  },
  {
    label: 'a constant phase is one flat segment at its rate',
    phase: { name: 'c', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 1000 },
    expected: [{ durationUs: 10_000_000, fromRateMsgsPerSec: 1000, toRateMsgsPerSec: 1000 }],
  },
  {
    label: 'a ramp is one sloped segment from its first rate to its last',
    phase: { name: 'r', type: 'ramp', durationMs: 10_000, fromRateMsgsPerSec: 1000, toRateMsgsPerSec: 10_000 },
    expected: [{ durationUs: 10_000_000, fromRateMsgsPerSec: 1000, toRateMsgsPerSec: 10_000 }],
  },
  {
    label: 'a steps phase is one flat segment per step, in order',
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
    expected: [
      { durationUs: 1_000_000, fromRateMsgsPerSec: 100, toRateMsgsPerSec: 100 },
      { durationUs: 2_000_000, fromRateMsgsPerSec: 200, toRateMsgsPerSec: 200 },
      { durationUs: 3_000_000, fromRateMsgsPerSec: 50, toRateMsgsPerSec: 50 },
    ],
  },
  {
    label: 'a max phase has no segments',
    phase: { name: 'm', type: 'max', durationMs: 5000, maxInFlight: 10 },
    expected: null,
  },
] satisfies { label: string; phase: Phase; expected: unknown }[]) {
  test(`phaseSegments: ${label}`, () => {
    assert.deepEqual(phaseSegments(phase), expected);
  });
}

test('plan paces ramp and steps phases by schedule, unbounded in flight', () => {
  const plan = assignThreads(
    scenarioWith({
      producers: { count: 3, threads: 2 },
      phases: [
        { name: 'r', type: 'ramp', durationMs: 10_000, fromRateMsgsPerSec: 1000, toRateMsgsPerSec: 10_000 },
        {
          name: 's',
          type: 'steps',
          durationMs: 2000,
          steps: [
            { rateMsgsPerSec: 10, durationMs: 1000 },
            { rateMsgsPerSec: 20, durationMs: 1000 },
          ],
        },
      ],
    }),
  );
  for (const thread of plan.producers) {
    for (const phase of thread.phases) {
      assert.equal(phase.maxInFlight, Infinity);
      assert.equal(phase.schedule!.of, 3);
      assert.deepEqual(phase.schedule!.slots, thread.producerIds);
    }
    assert.equal(thread.phases[0]!.schedule!.segments[0]!.toRateMsgsPerSec, 10_000);
    assert.equal(thread.phases[1]!.schedule!.segments.length, 2);
  }
});
