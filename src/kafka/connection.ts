/** connect() and disconnect() of a producer or consumer as promises, written once. */
import { KafkaClientError } from './error-names.js';
import type { ConsumerClient, ProducerClient } from './rdkafka.js';

type Client = ProducerClient | ConsumerClient;

/** Rejects with "<what> could not connect to <brokers>: <librdkafka's reason>". */
export function connectClient(client: Client, what: string, brokers: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    client.connect({ timeout: timeoutMs }, (err) =>
      err ? reject(new KafkaClientError(err, `${what} could not connect to ${brokers}`)) : resolve(),
    );
  });
}

/**
 * Resolves once the producer has flushed (up to `flushTimeoutMs`) and closed, at once if it never
 * connected; never rejects.
 */
export function disconnectProducer(producer: ProducerClient, flushTimeoutMs = 10_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!producer.isConnected()) return resolve();
    producer.disconnect(flushTimeoutMs, () => resolve());
  });
}

/**
 * The consumer's disconnect takes the callback alone: its typings also offer (timeout, cb), but
 * the library would then take the number for the callback and never call back.
 */
export function disconnectConsumer(consumer: ConsumerClient): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!consumer.isConnected()) return resolve();
    consumer.disconnect(() => resolve());
  });
}
