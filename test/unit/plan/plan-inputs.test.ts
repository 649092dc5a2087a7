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

test('the p99 limit is a duration, returned in µs', () => {
  assert.equal(parseLatencyUs('50ms'), 50_000);
  assert.equal(parseLatencyUs('0.5s'), 500_000);
  assert.throws(() => parseLatencyUs('50'), /--p99 "50" is not a latency/);
  assert.throws(() => parseLatencyUs('0ms'), /not a latency/);
});
