/**
 * Bytes a topic occupies on the brokers' disks, read from their log directories: the sum of the
 * partition directories' segment files (`*.log`). Index files are left out on purpose: Kafka
 * preallocates the active segment's index (10 MB by default) and trims it only on roll, so their
 * size says nothing about the data.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
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

/**
 * Bytes of the topic's records from `firstOffsets[partition]` on, in every replica: whole segments
 * that begin at or after that offset, and in the segment holding it, the batches from the first
 * one that begins there. Kafka names a segment by its first offset and writes batches one after
 * another, each `baseOffset` (int64) + `batchLength` (int32) + that many bytes, in every format
 * version, so only the part before the offset needs walking. A high watermark never falls inside
 * a batch (batches are appended and replicated whole), so no batch straddles the first offset.
 */
export function topicLogBytesFrom(logDirs: readonly string[], topic: string, firstOffsets: readonly number[]): number {
  const partitionDir = new RegExp(`^${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  let bytes = 0;
  for (const dir of logDirs) {
    for (const entry of safeReaddir(dir)) {
      const match = partitionDir.exec(entry);
      if (match === null) continue;
      const first = firstOffsets[Number(match[1])] ?? 0;
      const segments = safeReaddir(join(dir, entry))
        .filter((file) => /^\d+\.log$/.test(file))
        .map((file) => ({ path: join(dir, entry, file), baseOffset: Number(file.slice(0, -4)) }))
        .sort((a, b) => a.baseOffset - b.baseOffset);
      segments.forEach((segment, i) => {
        const next = segments[i + 1]?.baseOffset ?? Infinity;
        if (next <= first) return; // wholly before the phase
        const size = statSync(segment.path).size;
        bytes += segment.baseOffset >= first ? size : size - positionOfOffset(segment.path, size, first);
      });
    }
  }
  return bytes;
}

/** File position of the first batch whose base offset is >= `offset` (the size when none is). */
function positionOfOffset(path: string, size: number, offset: number): number {
  const fd = openSync(path, 'r');
  const header = Buffer.alloc(12);
  try {
    let position = 0;
    while (position + 12 <= size) {
      readSync(fd, header, 0, 12, position);
      if (Number(header.readBigInt64BE(0)) >= offset) return position;
      position += 12 + header.readInt32BE(8);
    }
    return size;
  } finally {
    closeSync(fd);
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
