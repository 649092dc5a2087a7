/**
 * What the fault runner may do to the nodes of a cluster kload started. A cluster given with
 * --brokers has no NodeControl: kload does not own its processes (exec faults reach it instead).
 */
import type { EmbeddedCluster } from '../cluster/embedded-cluster.js';
import { writeClusterState } from '../cluster/cluster-state.js';
import { logDirsOfNodes } from '../cluster/log-dirs.js';

export interface NodeControl {
  /** 'temporary': stopped at the end of the run; 'detached': outlives it (`kload cluster start --detach`). */
  readonly lifetime: 'temporary' | 'detached';
  readonly nodeIds: readonly number[];
  /** Bootstrap servers and client properties of the cluster, for metadata. */
  readonly brokers: string;
  readonly clientConfig: Record<string, string>;
  /** True while the node's process exists (a paused node is running). */
  isRunning(id: number): boolean;
  /** SIGSTOP. */
  pause(id: number): void;
  /** SIGCONT. */
  resume(id: number): void;
  /** SIGKILL, resolved once the process is gone. */
  kill(id: number): Promise<void>;
  /** A clean stop if it runs, then a start; resolved once the cluster lists the node again. */
  restart(id: number): Promise<void>;
  /** Where the node keeps its KRaft metadata log (the first of its log.dirs). */
  metadataLogDir(id: number): string;
}

/**
 * Node control over an EmbeddedCluster. A detached cluster's state file is rewritten after every
 * restart: the node has a new pid, and `kload cluster stop` must find that one.
 */
export function embeddedNodeControl(
  cluster: EmbeddedCluster,
  lifetime: NodeControl['lifetime'],
  env: NodeJS.ProcessEnv = process.env,
): NodeControl {
  return {
    lifetime,
    nodeIds: cluster.nodes.map((n) => n.id),
    brokers: cluster.bootstrapServers,
    clientConfig: cluster.security?.clientConfig ?? {},
    isRunning: (id) => cluster.node(id).exited === null && cluster.node(id).pid !== null,
    pause: (id) => cluster.pauseNode(id),
    resume: (id) => cluster.resumeNode(id),
    kill: (id) => cluster.killNode(id),
    restart: async (id) => {
      try {
        await cluster.restartNode(id);
      } finally {
        if (lifetime === 'detached') await writeClusterState(cluster.toState(), env);
      }
    },
    metadataLogDir: (id) => logDirsOfNodes([cluster.node(id).spec.dir])[0] as string,
  };
}
