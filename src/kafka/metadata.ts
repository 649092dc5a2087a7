import { KafkaClientError } from './error-names.js';
import { newProducer, type Metadata, type ProducerClient } from './rdkafka.js';
import { disconnectProducer } from './connection.js';

export interface MetadataOptions {
  /** Only this topic's partitions (else all topics). */
  topic?: string;
  timeoutMs: number;
  /** Extra client properties (security settings for external clusters). */
  properties?: Record<string, string>;
}

/**
 * Asks the cluster for its metadata with a short-lived client. Rejects within about
 * `timeoutMs` when no broker answers, so callers can fail fast on an unreachable cluster.
 */
export function fetchMetadata(brokers: string, options: MetadataOptions): Promise<Metadata> {
  const client = newProducer({
    ...options.properties,
    'bootstrap.servers': brokers,
    'client.id': 'kload-metadata',
    'socket.connection.setup.timeout.ms': Math.max(1000, options.timeoutMs),
    // librdkafka logs every refused connection to stderr by default; the caller reports instead.
    log_level: 0,
  });
  return new Promise((resolve, reject) => {
    const metadataOptions =
      options.topic === undefined
        ? { timeout: options.timeoutMs, allTopics: true }
        : { timeout: options.timeoutMs, topic: options.topic };
    client.connect(metadataOptions, (err, metadata) => {
      if (err) {
        disconnectProducer(client, 5000).finally(() => reject(new KafkaClientError(err)));
        return;
      }
      const finish =
        options.topic === undefined
          ? Promise.resolve(metadata)
          : topicMetadata(client, { timeout: options.timeoutMs, topic: options.topic });
      finish.then(
        (md) => disconnectProducer(client, 5000).then(() => resolve(md)),
        (e: Error) => disconnectProducer(client, 5000).then(() => reject(e)),
      );
    });
  });
}

/** connect() returns broker metadata; a topic's partitions need a separate request. */
function topicMetadata(client: ProducerClient, opts: { timeout: number; topic: string }): Promise<Metadata> {
  return new Promise((resolve, reject) => {
    client.getMetadata(opts, (err, md) => (err ? reject(new KafkaClientError(err)) : resolve(md)));
  });
}
