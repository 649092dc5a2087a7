/**
 * Which node a fault's target names, asked at the moment the fault fires: leaders and the
 * controller move during a run (an earlier fault may have moved them), so a target resolved when
 * the run started would often hit the wrong node.
 */
import { fetchMetadata } from '../kafka/metadata.js';
import type { Metadata } from '../kafka/rdkafka.js';
import { formatFaultTarget } from './fault-target.js';
import type { FaultTarget } from './fault-types.js';
import { offsetsPartitionFor } from './group-coordinator.js';
import type { NodeControl } from './node-control.js';
import { activeController } from './quorum-state.js';

const OFFSETS_TOPIC = '__consumer_offsets';
/** A leader is briefly unknown during an election; asking again for this long rides it out. */
const SETTLE_MS = 5_000;

export class TargetUnresolved extends Error {}

export async function resolveTarget(target: FaultTarget, nodes: NodeControl): Promise<number> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    try {
      return await resolveOnce(target, nodes);
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function resolveOnce(target: FaultTarget, nodes: NodeControl): Promise<number> {
  switch (target.kind) {
    case 'node':
      if (!nodes.nodeIds.includes(target.nodeId)) {
        throw new TargetUnresolved(`there is no node ${target.nodeId} (nodes: ${nodes.nodeIds.join(', ')})`);
      }
      return target.nodeId;
    case 'leader-of':
    case 'follower-of': {
      const md = await fetchMetadata(nodes.brokers, {
        timeoutMs: 5000,
        topic: target.topic,
        properties: nodes.clientConfig,
      });
      const partition = partitionOf(md, target.topic, target.partition);
      if (target.kind === 'leader-of') return leaderOf(partition, formatFaultTarget(target));
      const followers = partition.isrs.filter((id) => id !== partition.leader).sort((a, b) => a - b);
      if (followers.length === 0)
        throw new TargetUnresolved(`${target.topic}/${target.partition} has no in-sync follower`);
      return followers[0] as number;
    }
    case 'controller': {
      const live = nodes.nodeIds.filter((id) => nodes.isRunning(id));
      const leader = activeController(live.map((id) => nodes.metadataLogDir(id)));
      if (leader === null) throw new TargetUnresolved('no active controller (an election is under way)');
      return leader.leaderId;
    }
    case 'coordinator-of': {
      const md = await fetchMetadata(nodes.brokers, { timeoutMs: 5000, properties: nodes.clientConfig });
      const offsets = md.topics.find((t) => t.name === OFFSETS_TOPIC);
      if (offsets === undefined || offsets.partitions.length === 0) {
        throw new TargetUnresolved(`group "${target.group}" has no coordinator yet (${OFFSETS_TOPIC} does not exist)`);
      }
      const index = offsetsPartitionFor(target.group, offsets.partitions.length);
      return leaderOf(partitionOf(md, OFFSETS_TOPIC, index), formatFaultTarget(target));
    }
    default: {
      const never: never = target;
      return never;
    }
  }
}

function partitionOf(md: Metadata, topic: string, index: number): Metadata['topics'][number]['partitions'][number] {
  const partition = md.topics.find((t) => t.name === topic)?.partitions.find((p) => p.id === index);
  if (partition === undefined) throw new TargetUnresolved(`no partition ${topic}/${index} in the cluster's metadata`);
  return partition;
}

function leaderOf(partition: { id: number; leader: number }, what: string): number {
  if (partition.leader < 0) throw new TargetUnresolved(`${what}: the partition has no leader now`);
  return partition.leader;
}
