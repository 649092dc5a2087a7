/** The `native` consumer driver: a group member read in C, stamps parsed there, typed arrays back. */
import { loadNative, type NativeConsumer, type Waiter } from '../../native/addon.js';
import type { ConsumedBatch, ConsumerDriver } from '../consumer-driver.js';
import { connectOrClose } from './native-connect.js';

export class NativeConsumerDriver implements ConsumerDriver {
  private closed = false;

  private constructor(
    private readonly client: NativeConsumer,
    private readonly label: string,
  ) {}

  /** Connects (blocking metadata request: worker threads only) and subscribes. */
  static connect(
    conf: Record<string, string>,
    topic: string,
    label: string,
    waiter: Waiter,
    timeoutMs: number,
  ): NativeConsumerDriver {
    const client = connectOrClose(
      new (loadNative().NativeConsumer)(conf, waiter),
      conf['bootstrap.servers'],
      label,
      timeoutMs,
      (c) => c.subscribe([topic]),
    );
    return new NativeConsumerDriver(client, label);
  }

  read(out: ConsumedBatch, max: number): number {
    return this.client.consumeBatch(out, max);
  }

  assignedPartitions(): number {
    return this.client.assignedPartitions();
  }

  clientErrors(): string[] {
    return this.client.errors().map((e) => `${this.label}: ${e.message} (${e.name})`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.close();
  }
}
