import { newAdminClient, CODES, type IAdminClient } from './rdkafka.js';
import { KloadError } from '../errors.js';

export interface NewTopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string>;
}

/** A short-lived admin client; always disconnected, even when the body throws. */
export async function withAdmin<T>(brokers: string, properties: Record<string, string>, body: (admin: IAdminClient) => Promise<T>): Promise<T> {
  const admin = newAdminClient({ ...properties, 'bootstrap.servers': brokers, 'client.id': 'kload-admin', log_level: 0 });
  try {
    return await body(admin);
  } finally {
    admin.disconnect();
  }
}

/** Creates the topics; one that already exists is left as it is and reported back. */
export function createTopics(brokers: string, topics: NewTopicSpec[], properties: Record<string, string> = {}, timeoutMs = 30_000): Promise<{ created: string[]; existing: string[] }> {
  return withAdmin(brokers, properties, async (admin) => {
    const created: string[] = [];
    const existing: string[] = [];
    for (const t of topics) {
      await new Promise<void>((resolve, reject) => {
        admin.createTopic({ topic: t.name, num_partitions: t.partitions, replication_factor: t.replicationFactor, config: t.configs ?? {} }, timeoutMs, (err) => {
          if (!err) {
            created.push(t.name);
            return resolve();
          }
          if (err.code === CODES.ERRORS.ERR_TOPIC_ALREADY_EXISTS) {
            existing.push(t.name);
            return resolve();
          }
          reject(new KloadError('KAFKA_ERROR', `Creating topic ${t.name} (${t.partitions} partitions, replication factor ${t.replicationFactor}) failed: ${err.message}`, {
            hint: t.replicationFactor > 1 ? 'The replication factor cannot exceed the number of brokers; the 3-node embedded cluster is `kload cluster start --nodes 3`.' : undefined,
          }));
        });
      });
    }
    return { created, existing };
  });
}

export function deleteTopic(brokers: string, topic: string, properties: Record<string, string> = {}, timeoutMs = 30_000): Promise<void> {
  return withAdmin(brokers, properties, (admin) => new Promise<void>((resolve, reject) => {
    admin.deleteTopic(topic, timeoutMs, (err) => (err ? reject(new Error(err.message)) : resolve()));
  }));
}
