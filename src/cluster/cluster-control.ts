import { rmSync } from 'node:fs';
import { KloadError } from '../errors.js';
import { fetchMetadata } from '../kafka/metadata.js';
import { readClusterState, removeClusterState, writeClusterState, type ClusterState } from './cluster-state.js';
import { EmbeddedCluster, type EmbeddedClusterOptions } from './embedded-cluster.js';
import { isAlive } from './kafka-node.js';
import { readSecurityState } from './security.js';

export interface ClusterStatus {
  state: ClusterState;
  nodes: { nodeId: number; pid: number; alive: boolean; brokerPort: number }[];
  /** Brokers listed in the cluster's metadata; null when it did not answer. */
  brokersInMetadata: number | null;
}

/** Starts a detached cluster that outlives this process and records it for later commands. */
export async function startDetachedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const existing = runningClusterState(options.env);
  if (existing) {
    throw new KloadError('INVALID_ARGUMENT', `An embedded cluster is already running (${existing.bootstrapServers}).`, {
      hint: 'Use it (kload run finds it), or stop it first with `kload cluster stop`.',
    });
  }
  const cluster = await EmbeddedCluster.start({ ...options, detached: true });
  await writeClusterState(cluster.toState(), options.env);
  return cluster;
}

/** The detached cluster's state if at least one of its nodes is alive, else null. */
export function runningClusterState(env: NodeJS.ProcessEnv = process.env): ClusterState | null {
  const state = readClusterState(env);
  if (!state) return null;
  return state.nodes.some((n) => isAlive(n.pid)) ? state : null;
}

export async function clusterStatus(env: NodeJS.ProcessEnv = process.env): Promise<ClusterStatus> {
  const state = readClusterState(env);
  if (!state) {
    throw new KloadError('CLUSTER_NOT_RUNNING', 'No embedded cluster is running.', {
      hint: 'Start one with `kload cluster start --detach`.',
    });
  }
  const nodes = state.nodes.map((n) => ({
    nodeId: n.nodeId,
    pid: n.pid,
    alive: isAlive(n.pid),
    brokerPort: n.brokerPort,
  }));
  let brokersInMetadata: number | null = null;
  if (nodes.some((n) => n.alive)) {
    try {
      const properties = state.security ? readSecurityState(state.security).clientConfig : {};
      brokersInMetadata = (await fetchMetadata(state.bootstrapServers, { timeoutMs: 3000, properties })).brokers.length;
    } catch {
      brokersInMetadata = null;
    }
  }
  return { state, nodes, brokersInMetadata };
}

/** Stops the detached cluster, removes its data and its state file. Stale state is cleaned too. */
export async function stopDetachedCluster(env: NodeJS.ProcessEnv = process.env): Promise<ClusterState> {
  const state = readClusterState(env);
  if (!state) {
    throw new KloadError('CLUSTER_NOT_RUNNING', 'No embedded cluster is running.', { hint: 'Nothing to stop.' });
  }
  await EmbeddedCluster.fromState(state).stop();
  rmSync(state.dir, { recursive: true, force: true });
  removeClusterState(env);
  return state;
}
