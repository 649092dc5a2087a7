import { KafkaClientError } from './error-names.js';
import { newAdminClient, CODES, type IAdminClient, type LibrdKafkaError } from './rdkafka.js';
import { KloadError } from '../errors.js';
import { fetchMetadata } from './metadata.js';
import { authorizationFailure, isAuthorizationError } from './security-errors.js';

export interface NewTopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string>;
}

/** A short-lived admin client; always disconnected, even when the body throws. */
export async function withAdmin<T>(
  brokers: string,
  properties: Record<string, string>,
  body: (admin: IAdminClient) => Promise<T>,
): Promise<T> {
  const admin = newAdminClient({
    ...properties,
    'bootstrap.servers': brokers,
    'client.id': 'kload-admin',
    log_level: 0,
  });
  try {
    return await body(admin);
  } finally {
    admin.disconnect();
  }
}

/**
 * Creates the topics; one that already exists is left as it is and reported back. So is one the
 * client may not create but may see: a benchmark user often gets WRITE on a prepared topic and
 * no CREATE, and Kafka answers TOPIC_AUTHORIZATION_FAILED before it checks whether the topic exists.
 */
export function createTopics(
  brokers: string,
  topics: NewTopicSpec[],
  properties: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<{ created: string[]; existing: string[] }> {
  return withAdmin(brokers, properties, async (admin) => {
    const created: string[] = [];
    const existing: string[] = [];
    for (const t of topics) {
      const err = await createTopic(admin, t, timeoutMs);
      if (!err) created.push(t.name);
      else if (err.code === CODES.ERRORS.ERR_TOPIC_ALREADY_EXISTS) existing.push(t.name);
      else if (isAuthorizationError(err.code) && (await topicExists(brokers, t.name, properties)))
        existing.push(t.name);
      else throw creationFailure(t, err);
    }
    return { created, existing };
  });
}

function createTopic(admin: IAdminClient, t: NewTopicSpec, timeoutMs: number): Promise<LibrdKafkaError | null> {
  return new Promise((resolve) => {
    const spec = {
      topic: t.name,
      num_partitions: t.partitions,
      replication_factor: t.replicationFactor,
      config: t.configs ?? {},
    };
    admin.createTopic(spec, timeoutMs, (err) => resolve(err ?? null));
  });
}

async function topicExists(brokers: string, topic: string, properties: Record<string, string>): Promise<boolean> {
  const md = await fetchMetadata(brokers, { topic, timeoutMs: 5000, properties }).catch(() => null);
  return (md?.topics.find((m) => m.name === topic)?.partitions.length ?? 0) > 0;
}

function creationFailure(t: NewTopicSpec, err: LibrdKafkaError): KloadError {
  const cause = new KafkaClientError(err);
  const denied = authorizationFailure(cause, `create topic ${t.name}`);
  if (denied) return denied;
  return new KloadError(
    'KAFKA_ERROR',
    `Creating topic ${t.name} (${t.partitions} partitions, ` +
      `replication factor ${t.replicationFactor}) failed: ${err.message}`,
    {
      cause,
      hint:
        t.replicationFactor > 1
          ? 'The replication factor cannot exceed the number of brokers; ' +
            'the 3-node embedded cluster is `kload cluster start --nodes 3`.'
          : undefined,
    },
  );
}

export function deleteTopic(
  brokers: string,
  topic: string,
  properties: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<void> {
  return withAdmin(
    brokers,
    properties,
    (admin) =>
      new Promise<void>((resolve, reject) => {
        admin.deleteTopic(topic, timeoutMs, (err) => (err ? reject(new KafkaClientError(err)) : resolve()));
      }),
  );
}

/**
 * Waits until the topic has `partitions` partitions (any count when omitted), each with a leader;
 * returns the count.
 */
export async function waitForLeaders(
  brokers: string,
  topic: string,
  options: { partitions?: number; properties?: Record<string, string>; timeoutMs?: number } = {},
): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // One failed metadata request is not the answer: a broker electing leaders may drop it.
    const md = await fetchMetadata(brokers, { topic, timeoutMs: 5000, properties: options.properties }).catch(
      () => null,
    );
    const ps = md?.topics.find((t) => t.name === topic)?.partitions ?? [];
    const enough = options.partitions === undefined ? ps.length > 0 : ps.length === options.partitions;
    if (enough && ps.every((p) => p.leader >= 0)) return ps.length;
    if (Date.now() > deadline) {
      throw new KloadError(
        'KAFKA_ERROR',
        `topic ${topic}: not every partition has a leader after ${timeoutMs / 1000} s`,
        {
          hint:
            'Check that every broker is up (`kload cluster status` for the embedded one) ' +
            'and that the topic is not being deleted.',
        },
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
