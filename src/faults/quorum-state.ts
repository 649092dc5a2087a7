/**
 * The active KRaft controller, from the `quorum-state` file each node keeps in its metadata log
 * directory. The Metadata response cannot tell: in KRaft its controller id is a random live broker
 * (KIP-590), and librdkafka has no DescribeQuorum. Every voter writes the file whenever it learns
 * of a new leader or epoch, so the file with the highest epoch among the live nodes is current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface QuorumLeader {
  leaderId: number;
  leaderEpoch: number;
}

/** `<metadata log dir>/__cluster_metadata-0/quorum-state` of one node, or null when unreadable. */
export function readQuorumState(metadataLogDir: string): QuorumLeader | null {
  try {
    const state = JSON.parse(readFileSync(join(metadataLogDir, '__cluster_metadata-0', 'quorum-state'), 'utf8'));
    const { leaderId, leaderEpoch } = state as Partial<QuorumLeader>;
    if (typeof leaderId !== 'number' || typeof leaderEpoch !== 'number') return null;
    return { leaderId, leaderEpoch };
  } catch {
    return null;
  }
}

/**
 * The leader of the highest epoch any of these files knows; null when that epoch has no leader
 * yet (an election is under way: an older epoch's leader would be stale).
 */
export function activeController(metadataLogDirs: readonly string[]): QuorumLeader | null {
  const states = metadataLogDirs.flatMap((dir) => readQuorumState(dir) ?? []);
  const epoch = Math.max(...states.map((s) => s.leaderEpoch));
  return states.find((s) => s.leaderEpoch === epoch && s.leaderId >= 0) ?? null;
}
