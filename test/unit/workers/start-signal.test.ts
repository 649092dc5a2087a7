import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { nowUs } from '../../../src/workers/clock.js';
import { waitForStart } from '../../../src/workers/start-signal.js';

test('waitForStart never resolves before the start time on the monotonic clock', async () => {
  for (let i = 0; i < 20; i++) {
    const { port1, port2 } = new MessageChannel();
    const startAtUs = nowUs() + 3_000 + i * 137;
    const started = waitForStart(port1, new Int32Array(1));
    port2.postMessage({ type: 'start', startAtUs });
    assert.equal(await started, startAtUs);
    assert.ok(nowUs() >= startAtUs, `resolved ${startAtUs - nowUs()} µs early`);
    port1.close();
  }
});
