import { KafkaClientError } from './error-names.js';
import { CODES, newProducer, type Metadata, type ProducerClient } from './rdkafka.js';
import { disconnectProducer } from './connection.js';
import { KloadError } from '../errors.js';
import { redactSecretValues } from '../result/redact.js';
import { securityFailureFromLog, withoutThread } from './security-errors.js';

export interface MetadataOptions {
  /** Only this topic's partitions (else all topics). */
  topic?: string;
  timeoutMs: number;
  /** Extra client properties (security settings for external clusters). */
  properties?: Record<string, string>;
}

/**
 * Asks the cluster for its metadata with a short-lived client. Rejects within about
 * `timeoutMs` when no broker answers, so callers can fail fast on an unreachable cluster, and
 * at once on a failed login or TLS handshake, with librdkafka's own reason: the request itself
 * would only end in a generic "broker transport failure" after the timeout.
 */
export function fetchMetadata(brokers: string, options: MetadataOptions): Promise<Metadata> {
  let client: ProducerClient;
  try {
    client = metadataClient(brokers, options);
  } catch (err) {
    const why = redactSecretValues((err as Error).message, options.properties ?? {});
    return Promise.reject(
      new KloadError('INVALID_ARGUMENT', `librdkafka refused the client properties: ${why}`, {
        hint: "Check --client-config (and the scenario's properties) against librdkafka's CONFIGURATION.md.",
        cause: err,
      }),
    );
  }
  return metadataOf(client, options);
}

function metadataClient(brokers: string, options: MetadataOptions): ProducerClient {
  return newProducer({
    ...options.properties,
    'bootstrap.servers': brokers,
    'client.id': 'kload-metadata',
    'socket.connection.setup.timeout.ms': Math.max(1000, options.timeoutMs),
    // Level 3 (errors) and no lower: librdkafka raises a failed login only at a log level that
    // includes it. The lines reach the 'event.log' listener below, never stderr.
    log_level: 3,
  });
}

function metadataOf(client: ProducerClient, options: MetadataOptions): Promise<Metadata> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (e: Error | null, md?: Metadata) => {
      if (settled) return;
      settled = true;
      if (e) reject(e);
      else resolve(md!);
    };
    let lastFailure: { code: number; message: string } | null = null;
    // A producer's events wait in its queue until someone polls; connect() does not.
    const poller = setInterval(() => client.isConnected() && client.poll(), 50);
    client.on('event.log', (line: { fac: string; message: string }) => {
      if (line.fac !== 'FAIL') return;
      const failure = securityFailureFromLog(line.message);
      lastFailure = failure ?? { code: CODES.ERRORS.ERR__TRANSPORT, message: withoutThread(line.message) };
      // Rejected at once; the client is still closed below, when its request times out.
      if (failure) settle(new KafkaClientError(failure));
    });
    const metadataOptions =
      options.topic === undefined
        ? { timeout: options.timeoutMs, allTopics: true }
        : { timeout: options.timeoutMs, topic: options.topic };
    client.connect(metadataOptions, (err, metadata) => {
      clearInterval(poller);
      if (err) {
        // The last FAIL line says why ("Disconnected while requesting ApiVersion: ... SSL listener?").
        const why = new KafkaClientError(
          lastFailure ? { code: err.code, message: `${err.message}; ${lastFailure.message}` } : err,
        );
        disconnectProducer(client, 5000).finally(() => settle(why));
        return;
      }
      const finish =
        options.topic === undefined
          ? Promise.resolve(metadata)
          : topicMetadata(client, { timeout: options.timeoutMs, topic: options.topic });
      finish.then(
        (md) => disconnectProducer(client, 5000).then(() => settle(null, md)),
        (e: Error) => disconnectProducer(client, 5000).then(() => settle(e)),
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
