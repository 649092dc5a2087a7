/**
 * Every run gets its own empty topic, created before the tool starts (so no tool pays for topic
 * creation or auto-create) and deleted afterwards (2 million 1 KiB messages are 2 GB of log).
 */
import { createTopics, deleteTopic, waitForLeaders } from '../../src/kafka/admin.js';

export function topicName(caseId: string, tool: string, round: number): string {
  return `kload-peers-${caseId}-${tool}-r${round + 1}-${process.pid}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}

export async function createFreshTopic(
  brokers: string,
  name: string,
  partitions: number,
  replicationFactor: number,
): Promise<void> {
  const { existing } = await createTopics(brokers, [{ name, partitions, replicationFactor }]);
  if (existing.length > 0) throw new Error(`topic ${name} already exists; a fresh topic was expected`);
  await waitForLeaders(brokers, name, { partitions });
}

export async function deleteQuietly(brokers: string, name: string, warn: (line: string) => void): Promise<void> {
  try {
    await deleteTopic(brokers, name);
  } catch (err) {
    warn(`could not delete topic ${name}: ${(err as Error).message}`);
  }
}
