/**
 * Bytes a topic occupies on the brokers' disks, read from their log directories: the sum of the
 * partition directories' segment files (`*.log`). Index files are left out on purpose: Kafka
 * preallocates the active segment's index (10 MB by default) and trims it only on roll, so their
 * size says nothing about the data.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Sum of `<logDir>/<topic>-<partition>/*.log` over every log dir (all replicas). */
export function topicLogBytes(logDirs: readonly string[], topic: string): number {
  const partitionDir = new RegExp(`^${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`);
  let bytes = 0;
  for (const dir of logDirs) {
    for (const entry of safeReaddir(dir)) {
      if (!partitionDir.test(entry)) continue;
      for (const file of safeReaddir(join(dir, entry))) {
        if (file.endsWith('.log')) bytes += statSync(join(dir, entry, file)).size;
      }
    }
  }
  return bytes;
}

/**
 * The leader has appended every acknowledged message before it acks, but followers (RF > 1 with
 * acks=1) may still be copying: wait until two reads 200 ms apart agree, at most `timeoutMs`.
 */
export async function settledTopicLogBytes(
  logDirs: readonly string[],
  topic: string,
  timeoutMs = 5_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = topicLogBytes(logDirs, topic);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = topicLogBytes(logDirs, topic);
    if (now === last || Date.now() > deadline) return now;
    last = now;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
