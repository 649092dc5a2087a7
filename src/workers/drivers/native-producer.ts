/** The `native` producer driver: one produceBatch() per batch, reports drained into typed arrays. */
import { loadNative, type NativeError, type NativeProducer, type Waiter } from '../../native/addon.js';
import type { DeliveryReports, Idler, ProducerDriver, SendBatch } from '../producer-driver.js';

/**
 * Yield to the event loop at least this often while blocking on the eventfd, so the thread's
 * MessagePort and timers are served (piscina and the interval reporter live on the loop).
 */
const YIELD_EVERY_MS = 20;

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

export function newWaiter(): Waiter {
  return new (loadNative().Waiter)();
}

export class NativeProducerDriver implements ProducerDriver {
  private closed = false;

  private constructor(
    private readonly client: NativeProducer,
    private readonly topic: string,
    private readonly label: string,
  ) {}

  /** Connects (a blocking metadata request, worker threads only) and fails fast when nobody answers. */
  static connect(
    conf: Record<string, string>,
    topic: string,
    label: string,
    waiter: Waiter,
    timeoutMs: number,
  ): NativeProducerDriver {
    const client = new (loadNative().NativeProducer)(conf, waiter);
    try {
      client.connect(timeoutMs);
    } catch (err) {
      client.close();
      throw new Error(`${label} could not connect to ${conf['bootstrap.servers']}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    return new NativeProducerDriver(client, topic, label);
  }

  send(batch: SendBatch, start: number): number {
    return this.client.produceBatch(this.topic, -1, batch, start);
  }

  reports(out: DeliveryReports): number {
    return this.client.drainReports(out);
  }

  clientErrors(): string[] {
    return this.client.errors().map((e: NativeError) => `${this.label}: ${e.message} (${e.name})`);
  }

  async close(flushTimeoutMs: number): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.flush(flushTimeoutMs);
    this.client.close();
  }
}
