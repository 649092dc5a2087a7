/**
 * The `node-rdkafka` consumer driver: consume(n) on the binding (one JS object per message, read
 * on libuv's pool), stamps parsed in JS into the same typed arrays the native driver fills.
 */
import { connectClient, disconnectConsumer } from '../../kafka/connection.js';
import { KafkaClientError } from '../../kafka/error-names.js';
import { newConsumer, type ConsumerClient, type LibrdKafkaError, type Message } from '../../kafka/rdkafka.js';
import { nowUs, wallUs } from '../clock.js';
import { ConsumeBatchSize } from '../consume-batch-size.js';
import type { ConsumedBatch, ConsumerDriver } from '../consumer-driver.js';
import { decodeStamp, STAMP_HEADER, type Stamp } from '../stamp.js';
import { readStampTrailer } from '../stamp-trailer.js';

export class RdkafkaConsumerDriver implements ConsumerDriver {
  private readonly errors: string[] = [];
  private partitions = 0;
  private readonly batch = new ConsumeBatchSize(nowUs());

  private constructor(private readonly consumer: ConsumerClient) {}

  static async connect(
    conf: Record<string, string>,
    topic: string,
    label: string,
    timeoutMs: number,
  ): Promise<RdkafkaConsumerDriver> {
    // A group new to the topic must read the run from its first message, not from "now".
    const consumer = newConsumer({ ...conf, rebalance_cb: true }, { 'auto.offset.reset': 'earliest' });
    const driver = new RdkafkaConsumerDriver(consumer);
    consumer.on('rebalance', () => {
      // The event fires before the library applies the change; read the result afterwards.
      // It also fires while the consumer closes, when assignments() throws "Erroneous state":
      // an exception here would kill the worker with a half-closed client, which aborts Node.
      setImmediate(() => {
        try {
          driver.partitions = consumer.isConnected() ? consumer.assignments().length : 0;
        } catch {
          driver.partitions = 0;
        }
      });
    });
    consumer.on('event.error', (err: LibrdKafkaError) => driver.errors.push(`${label}: ${err.message}`));
    await connectClient(consumer, label, conf['bootstrap.servers']!, timeoutMs);
    consumer.setDefaultConsumeTimeout(100);
    consumer.subscribe([topic]);
    return driver;
  }

  read(out: ConsumedBatch, max: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.consumer.consume(Math.min(max, this.batch.next), (err, messages) => {
        if (err) return reject(new KafkaClientError(err, 'consume failed'));
        this.batch.observe(messages.length, nowUs());
        const mono = nowUs();
        const wall = wallUs();
        messages.forEach((m, k) => fill(out, k, m, readStampTrailer(m.value) ?? headerStamp(m), mono, wall));
        resolve(messages.length);
      });
    });
  }

  assignedPartitions(): number {
    return this.partitions;
  }

  clientErrors(): string[] {
    return this.errors.splice(0);
  }

  close(): Promise<void> {
    return disconnectConsumer(this.consumer);
  }
}

function fill(out: ConsumedBatch, k: number, m: Message, stamp: Stamp | null, mono: number, wall: number): void {
  out.partitions[k] = m.partition;
  out.offsets[k] = m.offset;
  out.sizes[k] = m.size;
  out.consumeMonoUs[k] = mono;
  out.consumeWallUs[k] = wall;
  out.stamped[k] = stamp === null ? 0 : 1;
  if (stamp === null) return;
  out.runIds[k] = stamp.runId;
  out.phaseIndexes[k] = stamp.phaseIndex;
  out.producerIds[k] = stamp.producerId;
  out.seqs[k] = stamp.seq;
  out.intendedMonoUs[k] = stamp.intendedMonoUs;
  out.intendedWallUs[k] = stamp.intendedWallUs;
  out.clockDomainIds[k] = stamp.clockDomainId;
}

function headerStamp(m: Message): Stamp | null {
  const header = m.headers?.find((h) => STAMP_HEADER in h)?.[STAMP_HEADER];
  return header === undefined ? null : decodeStamp(header.toString());
}
