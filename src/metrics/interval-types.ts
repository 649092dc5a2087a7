/**
 * What a worker reports once per interval: the *change* since its previous report, so the
 * coordinator can fold any number of workers by adding, without keeping per-worker state.
 */
export interface IntervalDelta {
  /** 0-based interval since the phase started: interval i covers [i, i+1) × intervalMs. */
  index: number;
  /** Messages handed to produce() in this interval. */
  sent: number;
  /** Delivery reports without error in this interval. */
  acked: number;
  /** Messages consumed in this interval (0 for a producer-only worker). */
  consumed: number;
  /** Payload bytes of the messages acked in this interval. */
  ackedBytes: number;
  /** Publish latencies (µs) recorded in this interval, HdrHistogram compressed base64; null when none. */
  publishHistogram: string | null;
  /** Schedule delays (send - intended, µs) of the messages sent in this interval; null when none. */
  scheduleDelayHistogram: string | null;
}
