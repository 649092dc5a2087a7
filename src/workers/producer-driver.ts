/**
 * The producer-driver contract (in the spirit of OpenMessaging Benchmark's driver interface):
 * the send loop speaks to a client only through batches of numbers. A batch describes messages
 * in typed arrays over one value buffer; delivery reports come back in typed arrays. Two
 * drivers implement it: `native` (kload's N-API core, one call per batch) and `node-rdkafka`
 * (the binding, one produce() and one report object per message). Pacing, stamps' contents,
 * in-flight rules and histograms stay above this line, the same for both.
 */
import type { DeliveryReports, ProduceBatch } from '../native/addon.js';

export type { DeliveryReports };
/** Messages batch[start..count): values are slices of `values`, stamp fields per message. */
export type SendBatch = ProduceBatch;

export interface ProducerDriver {
  /** Sends batch[start..count) and returns how many went: fewer = the client's queue is full. */
  send(batch: SendBatch, start: number): number;
  /** Copies the delivery reports that have arrived into `out` (up to its capacity); returns how many. */
  reports(out: DeliveryReports): number;
  /** Errors the client reported that do not end the run (broker down, transport), as text. */
  clientErrors(): string[];
  /** Flushes what is queued (up to the timeout) and closes; idempotent. */
  close(flushTimeoutMs: number): Promise<void>;
}
