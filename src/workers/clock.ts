import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Monotonic µs, shared by every thread of the process (performance.now() is per-thread). */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Wall-clock µs since the epoch, for latencies measured across processes or hosts. */
export function wallUs(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}

/** Identifies one monotonic clock: same domain = same process, so monotonic stamps compare. */
export const CLOCK_DOMAIN = `${process.pid}@${hostname()}`;
