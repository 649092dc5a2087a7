import { randomBytes } from 'node:crypto';
import { newConsumer, newProducer, type Message } from '../../src/kafka/rdkafka.js';
import { connectClient, disconnectConsumer, disconnectProducer } from '../../src/kafka/connection.js';

export function randomTopic(prefix = 'test'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Produces the values and resolves once every delivery report arrived (rejects on the first error). */
export async function produceAll(
  brokers: string,
  topic: string,
  values: string[],
  props: Record<string, string> = {},
): Promise<void> {
  const producer = newProducer({ 'bootstrap.servers': brokers, dr_cb: true, log_level: 0, ...props });
  await connectClient(producer, 'test producer', brokers, 10_000);
  producer.setPollInterval(10);
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = values.length;
      producer.on('delivery-report', (err) => {
        if (err) return reject(new Error(`delivery failed: ${err.message}`));
        if (--pending === 0) resolve();
      });
      for (const v of values) producer.produce(topic, null, Buffer.from(v), null, Date.now());
    });
  } finally {
    await disconnectProducer(producer, 5000);
  }
}

/** Reads from the beginning until `count` messages arrived or the deadline passed. */
export async function consumeN(brokers: string, topic: string, count: number, timeoutMs = 30_000): Promise<Message[]> {
  const consumer = newConsumer(
    { 'bootstrap.servers': brokers, 'group.id': `${topic}-reader`, 'enable.auto.commit': false, log_level: 0 },
    { 'auto.offset.reset': 'earliest' },
  );
  await connectClient(consumer, 'test consumer', brokers, 10_000);
  consumer.subscribe([topic]);
  const got: Message[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    while (got.length < count && Date.now() < deadline) {
      const batch = await new Promise<Message[]>((resolve, reject) =>
        consumer.consume(100, (err, msgs) => (err ? reject(new Error(err.message)) : resolve(msgs))),
      );
      got.push(...batch);
    }
  } finally {
    await disconnectConsumer(consumer);
  }
  return got;
}

/** Polls a condition until it holds or the deadline passes; tests wait on facts, never on sleeps. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
