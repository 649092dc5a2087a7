import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignThreads } from '../../../src/coordinator/assign-threads.js';
import type { Phase } from '../../../src/scenario/types.js';
import type { WorkerPhase } from '../../../src/workers/protocol.js';
import { intendedTimeUs, messagesDue, totalMessages } from '../../../src/workers/rate-profile.js';
import {
  buildTimeline,
  dueCount,
  intendedOffsetUs,
  phaseIndexAt,
  targetRateAt,
  type TimedPhase,
} from '../../../src/workers/schedule.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

/** A constant phase as a thread holding `slots` of `of` producers sees it (default: the only thread). */
function paced(durationMs: number, r: number, slots = [0], of = 1): WorkerPhase {
  const segments = [{ durationUs: durationMs * 1000, fromRateMsgsPerSec: r, toRateMsgsPerSec: r }];
  return {
    name: 'paced',
    type: 'constant',
    durationMs,
    schedule: { segments, slots, of },
    maxInFlight: Infinity,
    recorded: true,
  };
}

function unpaced(durationMs: number): WorkerPhase {
  return { name: 'max', type: 'max', durationMs, schedule: null, maxInFlight: 100, recorded: true };
}

test('timeline places each phase right after the previous one, in microseconds', () => {
  const timeline = buildTimeline([paced(3000, 10), unpaced(2000), paced(500, 4)]);
  assert.deepEqual(
    timeline.map((p) => [p.index, p.startUs, p.endUs]),
    [
      [0, 0, 3_000_000],
      [1, 3_000_000, 5_000_000],
      [2, 5_000_000, 5_500_000],
    ],
  );
});

test('timeline holds duration × rate messages for a paced phase and Infinity for an unpaced one', () => {
  const timeline = buildTimeline([paced(10_000, 1000), unpaced(1000), paced(1000, 2.5)]);
  assert.deepEqual(
    timeline.map((p) => p.total),
    [10_000, Infinity, 2],
  );
});

test('message 0 is due at the very start of a paced phase', () => {
  const [phase] = buildTimeline([paced(10_000, 1000)]);
  assert.equal(dueCount(phase!, 0), 1);
});

test('nothing is due before a phase starts', () => {
  const [phase] = buildTimeline([paced(10_000, 1000)]);
  assert.equal(dueCount(phase!, -1), 0);
  assert.equal(dueCount(phase!, -1_000_000), 0);
});

test('nothing is ever due in an unpaced phase', () => {
  const [phase] = buildTimeline([unpaced(10_000)]);
  assert.equal(dueCount(phase!, 5_000_000), 0);
});

for (const { durationMs, rate } of [
  { durationMs: 10_000, rate: 1000 },
  { durationMs: 1000, rate: 7 },
  { durationMs: 3000, rate: 0.5 },
  { durationMs: 2500, rate: 1234.5 },
  { durationMs: 100, rate: 100_000 },
]) {
  test(
    `at the end of a ${durationMs} ms phase at ${rate} msg/s ` + 'exactly floor(duration × rate) messages are due',
    () => {
      const [phase] = buildTimeline([paced(durationMs, rate)]);
      const expected = Math.floor((durationMs / 1000) * rate);
      assert.equal(dueCount(phase!, phase!.endUs - phase!.startUs), expected);
      assert.equal(phase!.total, expected);
    },
  );
}

test('the due count never exceeds the phase total, however late the tick', () => {
  const [phase] = buildTimeline([paced(1000, 100)]);
  for (const elapsedUs of [999_999, 1_000_000, 1_000_001, 5_000_000, 1e12]) {
    assert.ok(dueCount(phase!, elapsedUs) <= phase!.total, `at ${elapsedUs} µs`);
  }
  assert.equal(dueCount(phase!, 1e12), 100);
});

test('the due count grows by one per 1 / rate', () => {
  const [phase] = buildTimeline([paced(1000, 100)]);
  assert.deepEqual(
    [0, 9_999, 10_000, 19_999, 20_000, 55_000].map((us) => dueCount(phase!, us)),
    [1, 1, 2, 2, 3, 6],
  );
});

test('message i is due exactly at its intended offset, not before', () => {
  const timeline = buildTimeline([paced(1000, 100), paced(1000, 400)]);
  for (const phase of timeline) {
    for (const i of [0, 1, 7, 50, 99]) {
      const elapsedUs = intendedOffsetUs(phase, i) - phase.startUs;
      assert.ok(dueCount(phase, elapsedUs) >= i + 1, `phase ${phase.index}, message ${i} not due at its intended time`);
      assert.ok(dueCount(phase, elapsedUs - 1) <= i, `phase ${phase.index}, message ${i} due before its intended time`);
    }
  }
});

test('the intended offset of message i is the phase start plus i / rate', () => {
  const timeline = buildTimeline([paced(2000, 10), paced(1000, 4)]);
  assert.equal(intendedOffsetUs(timeline[0]!, 0), 0);
  assert.equal(intendedOffsetUs(timeline[0]!, 3), 300_000);
  assert.equal(intendedOffsetUs(timeline[1]!, 0), 2_000_000);
  assert.equal(intendedOffsetUs(timeline[1]!, 3), 2_750_000);
});

test('phaseIndexAt finds the phase running at an offset, and the last phase for any later time', () => {
  const timeline = buildTimeline([paced(1000, 10), unpaced(1000), paced(1000, 10)]);
  assert.deepEqual(
    [0, 999_999, 1_000_000, 1_999_999, 2_000_000, 2_999_999, 3_000_000, 1e12].map((us) => phaseIndexAt(timeline, us)),
    [0, 0, 1, 1, 2, 2, 2, 2],
  );
});

test('phaseIndexAt puts offsets before the run start in the first phase', () => {
  const timeline = buildTimeline([paced(1000, 10), paced(1000, 10)]);
  assert.equal(phaseIndexAt(timeline, -5), 0);
});

test('three threads holding 2, 2 and 1 of 5 producers at 1000 msg/s over 10 s are due 10000 messages together', () => {
  const due = [[0, 1], [2, 3], [4]].map((slots) => {
    const [phase] = buildTimeline([paced(10_000, 1000, slots, 5)]);
    return dueCount(phase!, phase!.endUs - phase!.startUs);
  });
  assert.deepEqual(due, [4000, 4000, 2000]);
});

test('threads of a plan whose rate divides evenly by client count send the scenario total together', () => {
  // 3 producers on 2 threads at 100 msg/s for 30 s: rate shares of 66.67 and 33.33 would floor to
  // 1999 + 999; counting slots of the one scenario-wide schedule gives exactly 2000 + 1000.
  const plan = assignThreads(
    scenarioWith({
      producers: { count: 3, threads: 2 },
      phases: [{ name: 'steady', type: 'constant', durationMs: 30_000, rateMsgsPerSec: 100 }],
    }),
  );
  const totals = plan.producers.map((t) => buildTimeline(t.phases)[0]!.total);
  assert.deepEqual(totals, [2000, 1000]);
});

test('threads interleave on one scenario-wide schedule: every intended time appears exactly once', () => {
  // 3 producers on 2 threads at 100 msg/s: thread 0 holds slots 0 and 1, thread 1 slot 2.
  const plan = assignThreads(
    scenarioWith({
      producers: { count: 3, threads: 2 },
      phases: [{ name: 'steady', type: 'constant', durationMs: 1000, rateMsgsPerSec: 100 }],
    }),
  );
  const [t0, t1] = plan.producers.map((t) => buildTimeline(t.phases)[0]!);
  const times = (p: typeof t0) => Array.from({ length: p!.total }, (_, j) => intendedOffsetUs(p!, j));
  assert.deepEqual(times(t0).slice(0, 4), [0, 10_000, 30_000, 40_000]);
  assert.deepEqual(times(t1).slice(0, 2), [20_000, 50_000]);
  const all = [...times(t0), ...times(t1)].sort((a, b) => a - b);
  assert.deepEqual(
    all,
    Array.from({ length: 100 }, (_, k) => k * 10_000),
  );
  assert.equal(dueCount(t0!, 25_000) + dueCount(t1!, 25_000), 3, 'messages 0, 1 and 2 are due at 25 ms');
});

/** Each producer thread's timeline of a plan of `phases` with `count` producers on `threads` threads. */
function threadTimelines(count: number, threads: number, phases: Phase[]): TimedPhase[][] {
  return assignThreads(scenarioWith({ producers: { count, threads }, phases })).producers.map((t) =>
    buildTimeline(t.phases),
  );
}

function intendedTimes(phase: TimedPhase): number[] {
  return Array.from({ length: phase.total }, (_, j) => intendedOffsetUs(phase, j));
}

const rampPhase: Phase = {
  name: 'ramp',
  type: 'ramp',
  durationMs: 10_000,
  fromRateMsgsPerSec: 1000,
  toRateMsgsPerSec: 10_000,
};
const stepsPhase: Phase = {
  name: 'steps',
  type: 'steps',
  durationMs: 6000,
  steps: [
    { rateMsgsPerSec: 100, durationMs: 1000 },
    { rateMsgsPerSec: 200, durationMs: 2000 },
    { rateMsgsPerSec: 50, durationMs: 3000 },
  ],
};

for (const phase of [rampPhase, stepsPhase]) {
  test(
    `3 producers on 2 threads share a ${phase.type} phase: ` +
      "their intended times together are the scenario's, each once",
    () => {
      // A warmup first, so the phase starts 1 s into the run.
      const timelines = threadTimelines(3, 2, [
        { name: 'warmup', type: 'warmup', durationMs: 1000, rateMsgsPerSec: null },
        phase,
      ]);
      const [t0, t1] = timelines.map((t) => t[1]!);
      const segments = t0!.schedule!.segments;
      const scenarioTimes = Array.from(
        { length: totalMessages(segments) },
        (_, k) => 1e6 + intendedTimeUs(segments, k),
      );
      const all = [...intendedTimes(t0!), ...intendedTimes(t1!)];
      assert.equal(new Set(all).size, all.length, 'two messages share an intended time');
      assert.deepEqual(
        all.sort((a, b) => a - b),
        scenarioTimes,
      );
      // Thread 0 holds producers 0 and 1, thread 1 producer 2: message k goes to producer k mod 3.
      assert.deepEqual(intendedTimes(t0!).slice(0, 3), [scenarioTimes[0], scenarioTimes[1], scenarioTimes[3]]);
      assert.deepEqual(intendedTimes(t1!).slice(0, 2), [scenarioTimes[2], scenarioTimes[5]]);
    },
  );
}

test('in a ramp the threads of a plan are due, together, what the scenario-wide schedule is due', () => {
  const timelines = threadTimelines(3, 2, [rampPhase]).map((t) => t[0]!);
  const segments = timelines[0]!.schedule!.segments;
  for (let us = 0; us <= 10e6; us += 12_345) {
    const due = timelines.reduce((n, phase) => n + dueCount(phase, us), 0);
    assert.equal(due, messagesDue(segments, us), `at ${us} µs`);
  }
});

for (const { count, threads } of [
  { count: 1, threads: 1 },
  { count: 3, threads: 2 },
  { count: 5, threads: 3 },
  { count: 7, threads: 4 },
  { count: 10, threads: 3 },
  { count: 11, threads: 11 },
]) {
  test(
    `${count} producers on ${threads} threads send the scenario total together, ` + 'whatever the rate and duration',
    () => {
      for (const rate of [1000, 999.5, 33.3, 0.7, 12_345.678]) {
        for (const durationMs of [10_000, 2500, 7, 1, 1234.5]) {
          const phases: Phase[] = [
            { name: 'constant', type: 'constant', durationMs, rateMsgsPerSec: rate },
            { name: 'ramp', type: 'ramp', durationMs, fromRateMsgsPerSec: rate, toRateMsgsPerSec: rate * 3.3 },
          ];
          const timelines = threadTimelines(count, threads, phases);
          for (const [i, phase] of phases.entries()) {
            const expected = totalMessages(timelines[0]![i]!.schedule!.segments);
            const totals = timelines.map((t) => t[i]!.total);
            const due = timelines.map((t) => dueCount(t[i]!, t[i]!.endUs - t[i]!.startUs));
            const what = `${phase.type} at ${rate} msg/s for ${durationMs} ms`;
            assert.equal(
              totals.reduce((a, b) => a + b, 0),
              expected,
              `${what}: totals ${totals.join(' + ')}`,
            );
            assert.deepEqual(due, totals, `${what}: due at the end`);
          }
          assert.equal(
            totalMessages(timelines[0]![0]!.schedule!.segments),
            Math.floor((durationMs / 1000) * rate + 1e-9),
          );
        }
      }
    },
  );
}

test('targetRateAt follows the scenario-wide rate of a ramp and is null when unpaced', () => {
  const [ramp, max] = buildTimeline([
    {
      name: 'ramp',
      type: 'ramp',
      durationMs: 10_000,
      schedule: {
        segments: [{ durationUs: 10e6, fromRateMsgsPerSec: 1000, toRateMsgsPerSec: 10_000 }],
        slots: [1],
        of: 3,
      },
      maxInFlight: Infinity,
      recorded: true,
    },
    unpaced(1000),
  ]);
  assert.equal(targetRateAt(ramp!, 5e6), 5500);
  assert.equal(targetRateAt(max!, 500_000), null);
});
