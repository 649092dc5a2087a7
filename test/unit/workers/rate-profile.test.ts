import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cumulativeMessages,
  intendedTimeUs,
  messagesDue,
  rateAt,
  totalMessages,
  type RateSegment,
} from '../../../src/workers/rate-profile.js';

const flat = (seconds: number, rate: number): RateSegment => ({
  durationUs: seconds * 1e6,
  fromRateMsgsPerSec: rate,
  toRateMsgsPerSec: rate,
});
const ramp: RateSegment[] = [{ durationUs: 10e6, fromRateMsgsPerSec: 1000, toRateMsgsPerSec: 10_000 }];
const rampDown: RateSegment[] = [{ durationUs: 10e6, fromRateMsgsPerSec: 10_000, toRateMsgsPerSec: 1000 }];
/** 100 msg/s for 1 s, 200 msg/s for 2 s, 50 msg/s for 3 s: 100 + 400 + 150 messages. */
const steps: RateSegment[] = [flat(1, 100), flat(2, 200), flat(3, 50)];

const close = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);

for (const { seconds, rate, total } of [
  { seconds: 10, rate: 1000, total: 10_000 },
  { seconds: 1, rate: 2.5, total: 2 },
  { seconds: 2.5, rate: 999.5, total: 2498 },
  { seconds: 3, rate: 0.5, total: 1 },
]) {
  test(`a constant ${rate} msg/s segment of ${seconds} s holds ${total} messages`, () => {
    assert.equal(totalMessages([flat(seconds, rate)]), total);
  });
}

test('a constant segment intends message k at k / rate', () => {
  const segments = [flat(10, 1000)];
  for (const k of [0, 1, 2, 500, 9999]) assert.equal(intendedTimeUs(segments, k), k * 1000, `message ${k}`);
  assert.equal(cumulativeMessages(segments, 5e6), 5000);
});

test('a constant segment makes one more message due per 1 / rate, starting with message 0 at 0', () => {
  const segments = [flat(10, 1000)];
  assert.deepEqual(
    [0, 999, 1000, 1999, 2000, 9_999_999, 10e6].map((us) => messagesDue(segments, us)),
    [1, 1, 2, 2, 3, 10_000, 10_000],
  );
});

test('nothing is due before the start and nothing is counted for negative times', () => {
  for (const segments of [[flat(10, 1000)], ramp, steps]) {
    assert.equal(messagesDue(segments, -1), 0);
    assert.equal(cumulativeMessages(segments, -1e6), 0);
  }
});

test('a ramp from 1000 to 10000 msg/s over 10 s holds 55000 messages', () => {
  assert.equal(totalMessages(ramp), 55_000);
  assert.equal(cumulativeMessages(ramp, 10e6), 55_000);
});

for (const [label, segments] of [
  ['up from 1000 to 10000', ramp],
  ['down from 10000 to 1000', rampDown],
] as const) {
  test(`in a ramp ${label} msg/s, message k is intended where the cumulative count reaches k`, () => {
    let previous = -1;
    for (let k = 0; k < 55_000; k++) {
      const t = intendedTimeUs(segments, k);
      close(cumulativeMessages(segments, t), k, 1e-6, `M(t_${k})`);
      assert.ok(t > previous, `message ${k} at ${t} µs is not after message ${k - 1} at ${previous} µs`);
      previous = t;
    }
  });
}

test('in a ramp each message is due at its intended time and not a microsecond before', () => {
  for (let k = 0; k < 55_000; k += 7) {
    const t = intendedTimeUs(ramp, k);
    assert.ok(messagesDue(ramp, t) >= k + 1, `message ${k} not due at its intended time`);
    assert.ok(messagesDue(ramp, t - 1) <= k, `message ${k} due before its intended time`);
  }
});

test('in a ramp the first messages are 1 ms apart and the last ones about 0.1 ms apart', () => {
  close(intendedTimeUs(ramp, 1), 1000, 1, 'message 1');
  close(intendedTimeUs(ramp, 54_999) - intendedTimeUs(ramp, 54_998), 100, 1, 'last gap');
});

test('messagesDue never exceeds the total, never goes back, and is exact at the end of each segment', () => {
  for (const segments of [ramp, rampDown, steps]) {
    const total = totalMessages(segments);
    let previous = 0;
    for (let us = 0; us <= 12e6; us += 997) {
      const due = messagesDue(segments, us);
      assert.ok(due <= total, `${due} due at ${us} µs, more than ${total}`);
      assert.ok(due >= previous, `due went back from ${previous} to ${due} at ${us} µs`);
      previous = due;
    }
    assert.equal(messagesDue(segments, 10e6), total);
    assert.equal(messagesDue(segments, 1e12), total);
  }
  // At a step boundary the step's first message is due at once: messages 0..100 at 1 s.
  assert.deepEqual(
    [1e6 - 1, 1e6, 3e6 - 1, 3e6, 6e6].map((us) => messagesDue(steps, us)),
    [100, 101, 500, 501, 650],
  );
});

test('three steps hold the sum of rate × duration of each step', () => {
  assert.equal(totalMessages(steps), 650);
  assert.deepEqual(
    [1e6, 3e6, 6e6].map((us) => cumulativeMessages(steps, us)),
    [100, 500, 650],
  );
});

test('at a step boundary the next message is intended exactly when its step starts', () => {
  assert.equal(intendedTimeUs(steps, 0), 0);
  assert.equal(intendedTimeUs(steps, 99), 990_000);
  assert.equal(intendedTimeUs(steps, 100), 1_000_000);
  assert.equal(intendedTimeUs(steps, 101), 1_005_000);
  assert.equal(intendedTimeUs(steps, 500), 3_000_000);
  assert.equal(intendedTimeUs(steps, 649), 5_980_000);
});

test('a step that holds a fractional count carries the fraction into the next step', () => {
  // 2.5 messages in each 1 s step: messages at 0, 0.4, 0.8 s, then 1.2 and 1.6 s.
  const halves = [flat(1, 2.5), flat(1, 2.5)];
  assert.equal(totalMessages(halves), 5);
  const times = [0, 1, 2, 3, 4].map((k) => intendedTimeUs(halves, k));
  [0, 400_000, 800_000, 1_200_000, 1_600_000].forEach((expected, k) =>
    close(times[k]!, expected, 1e-6, `message ${k}`),
  );
});

for (const { segments, us, expected, label } of [
  { segments: ramp, us: 5e6, expected: 5500, label: 'the middle of a 1000 → 10000 ramp' },
  { segments: ramp, us: 2.5e6, expected: 3250, label: 'a quarter into a 1000 → 10000 ramp' },
  { segments: ramp, us: 0, expected: 1000, label: 'the start of a ramp' },
  { segments: ramp, us: 20e6, expected: 10_000, label: 'after the end of a ramp' },
  { segments: rampDown, us: 5e6, expected: 5500, label: 'the middle of a 10000 → 1000 ramp' },
  { segments: steps, us: 0.5e6, expected: 100, label: 'the first step' },
  { segments: steps, us: 1e6, expected: 200, label: 'the start of the second step' },
  { segments: steps, us: 4e6, expected: 50, label: 'the third step' },
]) {
  test(`rateAt ${label} is ${expected} msg/s`, () => {
    assert.equal(rateAt(segments, us), expected);
  });
}
