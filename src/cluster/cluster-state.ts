import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-file-atomic.js';
import { cacheDir } from './paths.js';
import type { SecurityState } from './security.js';

/** What a detached cluster leaves behind so that later kload commands can find and stop it. */
export interface ClusterState {
  stateVersion: 1;
  startedAt: string;
  kafkaVersion: string;
  bootstrapServers: string;
  /** Temp directory holding every node's config, log and data; removed by `cluster stop`. */
  dir: string;
  heapMb: number;
  classpath: string;
  java: string;
  nodes: { nodeId: number; pid: number; brokerPort: number; controllerPort: number; dir: string }[];
  /** Set when the cluster was started with --security: its protocol and client.properties. */
  security?: SecurityState;
}

export function clusterStatePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), 'cluster.json');
}

export function readClusterState(env: NodeJS.ProcessEnv = process.env): ClusterState | null {
  const path = clusterStatePath(env);
  if (!existsSync(path)) return null;
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as ClusterState;
    return state.stateVersion === 1 ? state : null;
  } catch {
    return null;
  }
}

export async function writeClusterState(state: ClusterState, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await writeFileAtomic(clusterStatePath(env), JSON.stringify(state, null, 2) + '\n');
}

export function removeClusterState(env: NodeJS.ProcessEnv = process.env): void {
  rmSync(clusterStatePath(env), { force: true });
}
