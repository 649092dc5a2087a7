/** The `native` producer driver: one produceBatch() per batch, reports drained into typed arrays. */
import { loadNative, type NativeError, type NativeProducer, type Waiter } from '../../native/addon.js';
import type { DeliveryReports, ProducerDriver, SendBatch } from '../producer-driver.js';
import { connectOrClose } from './native-connect.js';
import { authorizationFailure } from '../../kafka/security-errors.js';

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
    const client = connectOrClose(
      new (loadNative().NativeProducer)(conf, waiter),
      conf['bootstrap.servers'],
      label,
      timeoutMs,
    );
    return new NativeProducerDriver(client, topic, label);
  }

  send(batch: SendBatch, start: number): number {
    try {
      return this.client.produceBatch(this.topic, -1, batch, start);
    } catch (err) {
      throw authorizationFailure(err, `write to topic ${this.topic}`) ?? err;
    }
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
