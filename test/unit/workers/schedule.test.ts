import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planRun } from '../../../src/coordinator/plan.js';
import type { WorkerPhase } from '../../../src/workers/protocol.js';
import { buildTimeline, dueCount, intendedOffsetUs, phaseIndexAt } from '../../../src/workers/schedule.js';
import { scenarioWith } from '../coordinator/scenario-fixture.js';

function paced(durationMs: number, rateMsgsPerSec: number, name = 'paced'): WorkerPhase {
  return { name, type: 'constant', durationMs, rateMsgsPerSec, maxInFlight: Infinity, recorded: true };
}

function unpaced(durationMs: number, name = 'max'): WorkerPhase {
  return { name, type: 'max', durationMs, rateMsgsPerSec: null, maxInFlight: 100, recorded: true };
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
  test(`at the end of a ${durationMs} ms phase at ${rate} msg/s exactly floor(duration × rate) messages are due`, () => {
    const [phase] = buildTimeline([paced(durationMs, rate)]);
    const expected = Math.floor((durationMs / 1000) * rate);
    assert.equal(dueCount(phase!, phase!.endUs - phase!.startUs), expected);
    assert.equal(phase!.total, expected);
  });
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

test('three threads at 2/5, 2/5 and 1/5 of 1000 msg/s over 10 s are due 10000 messages together', () => {
  const shares = [1000 * (2 / 5), 1000 * (2 / 5), 1000 * (1 / 5)];
  const due = shares.map((share) => {
    const [phase] = buildTimeline([paced(10_000, share)]);
    return dueCount(phase!, phase!.endUs - phase!.startUs);
  });
  assert.equal(
    due.reduce((a, b) => a + b, 0),
    10_000,
  );
});

test('threads of a plan whose rate divides evenly by client count send the scenario total together', () => {
  // 3 producers on 2 threads at 100 msg/s for 30 s: shares 66.67 and 33.33, exact totals 2000 + 1000.
  // The shares are 66.66666666666666 and 33.33333333333333, so floor(30 × share) gives 1999 + 999.
  const plan = planRun(
    scenarioWith({
      producers: { count: 3, threads: 2 },
      phases: [{ name: 'steady', type: 'constant', durationMs: 30_000, rateMsgsPerSec: 100 }],
    }),
  );
  const totals = plan.producers.map((t) => buildTimeline(t.phases)[0]!.total);
  assert.equal(
    totals.reduce((a, b) => a + b, 0),
    3000,
  );
});

test('threads interleave on one scenario-wide schedule: every intended time appears exactly once', () => {
  // 3 producers on 2 threads at 100 msg/s: thread 0 holds slots 0 and 1, thread 1 slot 2.
  const plan = planRun(
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
  assert.deepEqual(all, Array.from({ length: 100 }, (_, k) => k * 10_000));
  assert.equal(dueCount(t0!, 25_000) + dueCount(t1!, 25_000), 3, 'messages 0, 1 and 2 are due at 25 ms');
});
