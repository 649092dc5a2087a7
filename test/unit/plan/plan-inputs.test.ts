import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { parseLatencyUs, parseTarget } from '../../../src/plan/plan-inputs.js';

test('a target is msg/s by default, with an optional k, or MB/s', () => {
  assert.deepEqual(parseTarget('20000'), { value: 20_000, unit: 'msg/s' });
  assert.deepEqual(parseTarget('20k msg/s'), { value: 20_000, unit: 'msg/s' });
  assert.deepEqual(parseTarget('1.5k msgs/s'), { value: 1_500, unit: 'msg/s' });
  assert.deepEqual(parseTarget('5 MB/s'), { value: 5, unit: 'MB/s' });
  assert.deepEqual(parseTarget('2.5MB/s'), { value: 2.5, unit: 'MB/s' });
});

test('a target that is not a positive throughput is invalid input (exit 2) with a hint', () => {
  for (const bad of ['fast', '-5', '0', '5 GB/s', '']) {
    assert.throws(
      () => parseTarget(bad),
      (e: unknown) => e instanceof KloadError && e.exitCode === 2,
      bad,
    );
  }
});

test('the p99 limit takes the units a latency threshold takes, returned in µs', () => {
  assert.equal(parseLatencyUs('50ms'), 50_000);
  assert.equal(parseLatencyUs('0.5s'), 500_000);
  assert.equal(parseLatencyUs('250us'), 250);
  assert.equal(parseLatencyUs('250 µs'), 250);
  assert.equal(parseLatencyUs('250μs'), 250, 'the Greek mu autocorrect types');
  assert.equal(parseLatencyUs('1e3us'), 1000);
  assert.equal(parseLatencyUs(' 50 ms '), 50_000);
  // What --p99 took before it took the thresholds' units keeps working.
  assert.equal(parseLatencyUs('1m'), 60_000_000);
});

test('a p99 limit without a unit or with a wrong one is refused in the words thresholds use', () => {
  const refused = (text: string, message: RegExp) =>
    assert.throws(
      () => parseLatencyUs(text),
      (e: unknown) => e instanceof KloadError && e.exitCode === 2 && message.test(e.message),
      text,
    );
  refused('50', /^--p99 "50" is not a latency: missing unit: a latency limit needs us, µs, ms or s$/);
  refused('50mss', /unknown unit "mss" for the publish p99 \(did you mean "ms"\?\)/);
  refused('50 lightyears', /unknown unit "lightyears" for the publish p99 \(expected us, µs, ms or s\)/);
  refused('0ms', /not a latency: must be > 0/);
  refused('fast', /not a latency: expected a number and a unit/);
  refused('-5ms', /not a latency/);
});
