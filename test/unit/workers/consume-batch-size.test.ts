import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConsumeBatchSize, MAX_BATCH, WINDOW_SEC } from '../../../src/workers/consume-batch-size.js';

/** Feeds batches of the current size at `ratePerSec` for `seconds`, as a consumer keeping up would see them. */
function run(sizer: ConsumeBatchSize, startUs: number, ratePerSec: number, seconds: number): number {
  let t = startUs;
  const end = startUs + seconds * 1e6;
  while (t < end) {
    const n = sizer.next;
    t += (n / ratePerSec) * 1e6;
    sizer.observe(n, t);
  }
  return t;
}

test('the first call asks for one message: nothing is known about the rate yet', () => {
  assert.equal(new ConsumeBatchSize(0).next, 1);
});

test(
  'at a steady rate the batch holds about 5 ms of messages, ' + 'so no message waits much longer for its batch to fill',
  () => {
    for (const rate of [500, 2_500, 20_000, 100_000]) {
      const sizer = new ConsumeBatchSize(0);
      run(sizer, 0, rate, 1);
      const expected = Math.max(1, Math.floor(rate * WINDOW_SEC));
      assert.ok(
        Math.abs(sizer.next - expected) <= Math.max(1, expected * 0.05),
        `${rate} msg/s: ${sizer.next} vs ${expected}`,
      );
      assert.ok((sizer.next / rate) * 1000 <= 5.01, `${rate} msg/s: a batch fills in ${(sizer.next / rate) * 1000} ms`);
    }
  },
);

test('the batch never exceeds the cap, however high the rate', () => {
  const sizer = new ConsumeBatchSize(0);
  run(sizer, 0, 5_000_000, 1);
  assert.equal(sizer.next, MAX_BATCH);
});

test('when the rate falls the batch shrinks within a measurement, instead of holding messages for long', () => {
  const sizer = new ConsumeBatchSize(0);
  const t = run(sizer, 0, 100_000, 1);
  run(sizer, t, 1_000, 0.5);
  assert.ok(sizer.next <= 10, `batch ${sizer.next} at 1,000 msg/s`);
});
