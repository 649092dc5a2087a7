import type { MessagePort } from 'node:worker_threads';
import { nowUs } from './clock.js';
import type { CoordinatorMessage } from './protocol.js';

/**
 * Waits for the coordinator's `start` (a common start time for every thread), then sleeps
 * until that time has passed on the monotonic clock. Resolves at once with the time now if the
 * run is stopped before it starts.
 */
export function waitForStart(port: MessagePort, stopFlag: Int32Array): Promise<number> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (Atomics.load(stopFlag, 0) === 1) done(nowUs());
    }, 50);
    const onMessage = (m: CoordinatorMessage) => {
      if (m.type === 'start') done(m.startAtUs);
    };
    const done = (startAtUs: number) => {
      clearInterval(poll);
      port.off('message', onMessage);
      // Timers run on the loop's cached clock and can fire a little before the start time: a
      // send at a negative offset belonged to no interval (the collector refused index -1).
      const wake = () => {
        const leftUs = startAtUs - nowUs();
        if (leftUs <= 0) resolve(startAtUs);
        else setTimeout(wake, Math.ceil(leftUs / 1000));
      };
      wake();
    };
    port.on('message', onMessage);
  });
}
