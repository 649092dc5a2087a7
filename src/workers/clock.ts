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

/** CLOCK_DOMAIN as the u32 stamps carry (FNV-1a): the same in every thread of a process. */
export const CLOCK_DOMAIN_ID = fnv1a32(CLOCK_DOMAIN);

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
