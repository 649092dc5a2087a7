/**
 * The consumer-driver contract: a group member's messages come back as typed arrays with the
 * kload stamp already parsed (see native/addon.ts ConsumedBatch), so the task's integrity and
 * latency bookkeeping touches numbers only. `native` parses in C; `node-rdkafka` parses in JS.
 */
import type { ConsumedBatch } from '../native/addon.js';

export type { ConsumedBatch };

export interface ConsumerDriver {
  /**
   * Reads up to `max` messages into `out` and returns how many. The native driver never blocks
   * (an Idler waits for it); the binding's consume(n) runs on libuv's pool, hence the promise.
   */
  read(out: ConsumedBatch, max: number): number | Promise<number>;
  /** The member's current partition count (it changes at rebalances). */
  assignedPartitions(): number;
  clientErrors(): string[];
  close(): Promise<void>;
}
