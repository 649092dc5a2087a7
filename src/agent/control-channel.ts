/**
 * The control topic as a message bus: one partition (one order for everyone), read from its end
 * by every participant (each with a group of its own that never commits, so readers do not
 * share messages). Control traffic is a few messages per second per agent whatever the message
 * rate of the run: heartbeats, batched interval stats, and the result once.
 */
import { randomUUID } from 'node:crypto';
import { createTopics, waitForLeaders } from '../kafka/admin.js';
import { connectClient, disconnectConsumer, disconnectProducer } from '../kafka/connection.js';
import { fetchMetadata } from '../kafka/metadata.js';
import { newConsumer, newProducer, type ConsumerClient, type Message, type ProducerClient } from '../kafka/rdkafka.js';
import { type ControlMessage, encodeControlMessage, parseControlMessage } from './control-protocol.js';

type Outgoing = Parameters<typeof encodeControlMessage>[0];

export class ControlChannel {
  private listeners: ((m: ControlMessage) => void)[] = [];
  private closing = false;
  /** The read loop; close() waits for it, because disconnecting mid-consume never returns. */
  private reading: Promise<void> = Promise.resolve();

  private constructor(
    private readonly producer: ProducerClient,
    private readonly consumer: ConsumerClient,
    private readonly topic: string,
    private readonly onIgnored: (reason: string) => void,
  ) {}

  /** Creates the topic when missing, then reads from its end: old messages are not for us. */
  static async open(o: {
    brokers: string;
    properties: Record<string, string>;
    topic: string;
    /** Called for every message that is not this protocol (another version, garbled). */
    onIgnored: (reason: string) => void;
  }): Promise<ControlChannel> {
    const md = await fetchMetadata(o.brokers, { timeoutMs: 10_000, properties: o.properties });
    await createTopics(
      o.brokers,
      [
        {
          name: o.topic,
          partitions: 1,
          replicationFactor: Math.min(3, md.brokers.length),
          configs: { 'retention.ms': '3600000' },
        },
      ],
      o.properties,
    );
    await waitForLeaders(o.brokers, o.topic, { properties: o.properties });
    const producer = newProducer({
      ...o.properties,
      'bootstrap.servers': o.brokers,
      'client.id': 'kload-control',
      'linger.ms': 1,
      'compression.type': 'lz4',
      log_level: 0,
    });
    await connectClient(producer, 'the control channel', o.brokers, 10_000);
    producer.setPollInterval(100);
    const consumer = newConsumer(
      {
        ...o.properties,
        'bootstrap.servers': o.brokers,
        'group.id': `kload-control-${randomUUID()}`,
        'client.id': 'kload-control',
        'enable.auto.commit': false,
        'fetch.wait.max.ms': 50,
        log_level: 0,
      },
      { 'auto.offset.reset': 'latest' },
    );
    await connectClient(consumer, 'the control channel', o.brokers, 10_000);
    const channel = new ControlChannel(producer, consumer, o.topic, o.onIgnored);
    await channel.listenFromEnd();
    return channel;
  }

  on(listener: (m: ControlMessage) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  send(m: Outgoing): void {
    this.producer.produce(this.topic, 0, encodeControlMessage(m), null, Date.now());
  }

  /** Waits until everything sent so far is acknowledged (a result must not be lost on exit). */
  flush(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => this.producer.flush(timeoutMs, (err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    this.closing = true;
    await this.reading;
    this.consumer.unassign();
    await Promise.all([disconnectConsumer(this.consumer), disconnectProducer(this.producer, 5000)]);
  }

  private async listenFromEnd(): Promise<void> {
    const end = await new Promise<number>((resolve, reject) =>
      this.consumer.queryWatermarkOffsets(this.topic, 0, 5000, (err, o) => (err ? reject(err) : resolve(o.highOffset))),
    );
    this.consumer.assign([{ topic: this.topic, partition: 0, offset: end }]);
    // A loop of short consume() calls rather than flowing mode: close() can then wait for the
    // call in progress, and the binding returns a batch after at most 50 ms.
    this.consumer.setDefaultConsumeTimeout(50);
    this.reading = (async () => {
      while (!this.closing) {
        const batch = await new Promise<Message[]>((resolve) =>
          this.consumer.consume(100, (err, messages) => resolve(err ? [] : messages)),
        );
        for (const msg of batch) this.deliver(msg);
        if (batch.length === 0) await new Promise((r) => setTimeout(r, 10));
      }
    })();
  }

  private deliver(msg: Message): void {
    if (!msg.value) return this.onIgnored('a message without a value');
    const parsed = parseControlMessage(msg.value);
    if (!parsed.ok) return this.onIgnored(parsed.reason);
    for (const l of this.listeners) {
      try {
        l(parsed.message);
      } catch (err) {
        // One bad message must not stop the others.
        this.onIgnored(`a ${parsed.message.type} message that could not be handled: ${(err as Error).message}`);
      }
    }
  }
}
