/**
 * Every run gets its own empty topic, created before the tool starts (so no tool pays for topic
 * creation or auto-create) and deleted afterwards (2 million 1 KiB messages are 2 GB of log).
 */
import { createTopics, deleteTopic } from '../../src/kafka/admin.js';
import { fetchMetadata } from '../../src/kafka/metadata.js';

export function topicName(caseId: string, tool: string, round: number): string {
  return `kload-peers-${caseId}-${tool}-r${round + 1}-${process.pid}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}

export async function createFreshTopic(brokers: string, name: string, partitions: number, replicationFactor: number): Promise<void> {
  const { existing } = await createTopics(brokers, [{ name, partitions, replicationFactor }]);
  if (existing.length > 0) throw new Error(`topic ${name} already exists; a fresh topic was expected`);
  await waitForLeaders(brokers, name, partitions);
}

async function waitForLeaders(brokers: string, topic: string, partitions: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const md = await fetchMetadata(brokers, { topic, timeoutMs: 5000 });
    const ps = md.topics.find((t) => t.name === topic)?.partitions ?? [];
    if (ps.length === partitions && ps.every((p) => p.leader >= 0)) return;
    if (Date.now() > deadline) throw new Error(`topic ${topic}: not every partition has a leader after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function deleteQuietly(brokers: string, name: string, warn: (line: string) => void): Promise<void> {
  try {
    await deleteTopic(brokers, name);
  } catch (err) {
    warn(`could not delete topic ${name}: ${(err as Error).message}`);
  }
}
