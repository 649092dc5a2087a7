/**
 * The one cluster choice for runs, sweeps and (later) agents: --brokers wins; else the detached
 * embedded cluster; else a temporary embedded cluster sized for the scenario (3 nodes when a
 * topic wants replication, so seed-example.yaml just works). Only when kload started the cluster
 * does it know where the brokers keep their logs, which a sweep needs for E = T/S.
 */
import { KloadError } from '../errors.js';
import { embeddedNodeControl, type NodeControl } from '../faults/node-control.js';
import { fetchMetadata } from '../kafka/metadata.js';
import { authenticationFailure } from '../kafka/security-errors.js';
import type { ClusterDescription } from '../result/cluster-description.js';
import type { Scenario } from '../scenario/types.js';
import { runningClusterState } from './cluster-control.js';
import { EmbeddedCluster } from './embedded-cluster.js';
import { logDirsOfNodes } from './log-dirs.js';

export interface ClusterTarget extends ClusterDescription {
  /** Stops a cluster started for this run; a no-op for one that was already there. */
  release(): Promise<void>;
  /** Pauses, kills and restarts nodes for scenario faults; only on a cluster kload started. */
  nodes?: NodeControl;
}

export const EXTERNAL_LOG_DIRS_REASON =
  "the cluster was given with --brokers, so kload did not start it and cannot read its brokers' log directories; " +
  'run the sweep without --brokers (on a temporary or `kload cluster start --detach` cluster) to measure E';

export async function resolveCluster(opts: {
  brokers?: string | undefined;
  /** Sizes a temporary cluster; without it (an agent) there is no temporary cluster, only an error. */
  scenario?: Scenario;
  clientConfig: Record<string, string>;
  log: (line: string) => void;
}): Promise<ClusterTarget> {
  const noop = async () => {};
  if (opts.brokers) {
    const brokerCount = await probe(opts.brokers, opts.clientConfig);
    const base = { kind: 'external' as const, brokers: opts.brokers, brokerCount, kafkaVersion: null };
    return { ...base, logDirs: null, logDirsUnavailableReason: EXTERNAL_LOG_DIRS_REASON, release: noop };
  }
  const state = runningClusterState();
  if (state) {
    const brokerCount = await probe(state.bootstrapServers, opts.clientConfig, state.security?.clientConfigFile);
    const dirs = logDirsOrReason(() => logDirsOfNodes(state.nodes.map((n) => n.dir)));
    return {
      kind: 'embedded-detached',
      brokers: state.bootstrapServers,
      brokerCount,
      kafkaVersion: state.kafkaVersion,
      ...dirs,
      release: noop,
      nodes: embeddedNodeControl(EmbeddedCluster.fromState(state), 'detached'),
    };
  }
  if (!opts.scenario) {
    throw new KloadError('CLUSTER_NOT_RUNNING', 'No --brokers and no running embedded cluster', {
      hint: 'Pass --brokers host:port, or start one that outlives this process: `kload cluster start --detach`.',
    });
  }
  const nodes = Math.max(...opts.scenario.topics.map((t) => t.replicationFactor)) > 1 ? 3 : 1;
  opts.log(`No --brokers and no running embedded cluster: starting a temporary ${nodes}-node cluster.`);
  return startTemporaryCluster(nodes, opts.log);
}

/** A fresh embedded cluster that lives until release(): a run's temporary one, or one sweep point's. */
export async function startTemporaryCluster(nodes: number, log: (line: string) => void): Promise<ClusterTarget> {
  const cluster = await EmbeddedCluster.start({ nodes, log });
  const dirs = logDirsOrReason(() => logDirsOfNodes(cluster.nodes.map((n) => n.spec.dir)));
  return {
    kind: 'embedded-temporary',
    brokers: cluster.bootstrapServers,
    brokerCount: nodes,
    kafkaVersion: cluster.kafkaVersion,
    ...dirs,
    release: () => cluster.stop(),
    nodes: embeddedNodeControl(cluster, 'temporary'),
  };
}

/** "Cluster: 127.0.0.1:9092 (embedded-temporary, 1 broker)" */
export function describeCluster(cluster: ClusterDescription): string {
  return (
    `Cluster: ${cluster.brokers} (${cluster.kind}, ` +
    `${cluster.brokerCount} broker${cluster.brokerCount > 1 ? 's' : ''})`
  );
}

function logDirsOrReason(read: () => string[]): Pick<ClusterDescription, 'logDirs' | 'logDirsUnavailableReason'> {
  try {
    return { logDirs: read(), logDirsUnavailableReason: null };
  } catch (error) {
    return {
      logDirs: null,
      logDirsUnavailableReason: `the embedded cluster's log directories could not be read: ${(error as Error).message}`,
    };
  }
}

/**
 * Fails within seconds, with a hint, when nobody answers at the given address or the brokers
 * refuse the client config's login. `securedBy` is the client.properties of a secured detached
 * cluster, for the hint.
 */
async function probe(brokers: string, properties: Record<string, string>, securedBy?: string): Promise<number> {
  try {
    return (await fetchMetadata(brokers, { timeoutMs: 5000, properties })).brokers.length;
  } catch (error) {
    if (error instanceof KloadError) throw error;
    const refused = authenticationFailure(error, brokers);
    if (refused) throw refused;
    if (securedBy && Object.keys(properties).length === 0) {
      throw new KloadError('CLUSTER_UNREACHABLE', `The embedded cluster at ${brokers} is secured.`, {
        hint: `Pass --client-config ${securedBy} (printed by \`kload cluster start\`).`,
        cause: error,
      });
    }
    throw new KloadError(
      'CLUSTER_UNREACHABLE',
      `No Kafka broker answered at ${brokers} within 5 s (${(error as Error).message}).`,
      {
        hint:
          'Check the address and that the cluster is up (`kload cluster status` for the embedded one); ' +
          'security settings go in --client-config.',
      },
    );
  }
}
