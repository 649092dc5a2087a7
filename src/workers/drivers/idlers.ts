/**
 * How a worker thread waits for its next piece of work: the next due send or a client event.
 * The native core blocks the thread on an eventfd librdkafka writes (sub-ms wake-ups, ~0 CPU
 * idle); the binding delivers its callbacks on the event loop, which must turn, so it waits on
 * timers.
 */
import { loadNative, type Waiter } from '../../native/addon.js';

export interface Idler {
  /** Waits until about `timeoutUs` passed or a client event arrived. */
  idle(timeoutUs: number): Promise<void> | void;
  close(): void;
}

/**
 * Yield to the event loop at least this often while blocking on the eventfd, so the thread's
 * MessagePort and timers are served (piscina and the interval reporter live on the loop).
 */
const YIELD_EVERY_MS = 20;

/** One eventfd per thread: every native client of the thread wakes the same wait. */
export function newWaiter(): Waiter {
  return new (loadNative().Waiter)();
}

export function nativeIdler(waiter: Waiter): Idler {
  let lastYield = Date.now();
  return {
    idle: (timeoutUs) => {
      if (timeoutUs > 0) waiter.wait(Math.min(timeoutUs, 1000));
      const now = Date.now();
      if (now - lastYield < YIELD_EVERY_MS) return;
      lastYield = now;
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
    close: () => waiter.close(),
  };
}

export const timerIdler: Idler = {
  idle: (timeoutUs) => new Promise<void>((resolve) => (timeoutUs > 0 ? setTimeout(resolve, 1) : setImmediate(resolve))),
  close: () => {},
};
