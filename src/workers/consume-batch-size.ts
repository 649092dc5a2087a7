/**
 * How many messages to ask of each consume(n) call. The binding's consume(n) returns only once it
 * holds n messages, or the next one took longer than the consume timeout, or a partition end was
 * reached — and with producers writing continuously a fetch rarely ends at the high watermark. So
 * a fixed n holds every message until n have arrived: n = 1000 at 2,500 msg/s per member added up
 * to 400 ms to end-to-end latency (measured: quickstart's steady phase, e2e p50 20 ms, p90 424 ms,
 * with a publish p99 of 13 ms). Asking for about WINDOW_SEC worth of messages at the rate last seen
 * bounds that wait, and still takes big batches when the rate is high.
 */
export const WINDOW_SEC = 0.005;
export const MAX_BATCH = 1000;
/** How long a rate measurement runs before it resizes the batch. */
const MEASURE_US = 100_000;

export class ConsumeBatchSize {
  private size = 1;
  private count = 0;
  private sinceUs: number;

  constructor(nowUs: number) {
    this.sinceUs = nowUs;
  }

  get next(): number {
    return this.size;
  }

  /** After each batch: `received` messages came back at `nowUs`. */
  observe(received: number, nowUs: number): void {
    this.count += received;
    const elapsedUs = nowUs - this.sinceUs;
    // The measured rate is what was consumed, not what was produced: a batch too small for the
    // rate caps it (one round trip to the thread pool per call), which the next size then lifts.
    if (elapsedUs < MEASURE_US) return;
    this.size = batchFor(this.count, elapsedUs);
    this.count = 0;
    this.sinceUs = nowUs;
  }
}

function batchFor(messages: number, elapsedUs: number): number {
  const ratePerSec = (messages * 1e6) / elapsedUs;
  return Math.min(MAX_BATCH, Math.max(1, Math.floor(ratePerSec * WINDOW_SEC)));
}
