/**
 * The one cluster every point of a sweep runs on, resolved once (a temporary cluster per point
 * would cost a JVM start each), and whether kload can read its disks for E = T/S: only when
 * kload started the cluster, temporarily or detached, does it know where the brokers keep their logs.
 */
import { runningClusterState } from '../cluster/cluster-control.js';
import { EmbeddedCluster } from '../cluster/embedded-cluster.js';
import { KloadError } from '../errors.js';
import { fetchMetadata } from '../kafka/metadata.js';
import type { Scenario } from '../scenario/types.js';
import type { SweepCluster } from './sweep-result-types.js';
import { logDirsOfNodes } from './stored-bytes.js';

export interface SweepClusterTarget extends SweepCluster {
  /** Stops a cluster started for the sweep; a no-op otherwise. */
  release(): Promise<void>;
}

export const EXTERNAL_LOG_DIRS_REASON =
  'the cluster was given with --brokers, so kload did not start it and cannot read its brokers\' log directories; ' +
  'run the sweep without --brokers (on a temporary or `kload cluster start --detach` cluster) to measure E';

export async function resolveSweepCluster(opts: {
  brokers?: string | undefined;
  scenario: Scenario;
  clientConfig: Record<string, string>;
  log: (line: string) => void;
}): Promise<SweepClusterTarget> {
  const noop = async () => {};
  if (opts.brokers) {
    const brokerCount = await probe(opts.brokers, opts.clientConfig);
    const base = { kind: 'external' as const, brokers: opts.brokers, brokerCount, kafkaVersion: null };
    return { ...base, logDirs: null, logDirsUnavailableReason: EXTERNAL_LOG_DIRS_REASON, release: noop };
  }
  const state = runningClusterState();
  if (state) {
    const brokerCount = await probe(state.bootstrapServers, {});
    const dirs = logDirsOrReason(() => logDirsOfNodes(state.nodes.map((n) => n.dir)));
    return { kind: 'embedded-detached', brokers: state.bootstrapServers, brokerCount, kafkaVersion: state.kafkaVersion, ...dirs, release: noop };
  }
  const nodes = Math.max(...opts.scenario.topics.map((t) => t.replicationFactor)) > 1 ? 3 : 1;
  opts.log(`No --brokers and no running embedded cluster: starting a temporary ${nodes}-node cluster for the whole sweep.`);
  const cluster = await EmbeddedCluster.start({ nodes, log: opts.log });
  const dirs = logDirsOrReason(() => logDirsOfNodes(cluster.nodes.map((n) => n.spec.dir)));
  return {
    kind: 'embedded-temporary',
    brokers: cluster.bootstrapServers,
    brokerCount: nodes,
    kafkaVersion: cluster.kafkaVersion,
    ...dirs,
    release: () => cluster.stop(),
  };
}

function logDirsOrReason(read: () => string[]): Pick<SweepCluster, 'logDirs' | 'logDirsUnavailableReason'> {
  try {
    return { logDirs: read(), logDirsUnavailableReason: null };
  } catch (error) {
    return { logDirs: null, logDirsUnavailableReason: `the embedded cluster's log directories could not be read: ${(error as Error).message}` };
  }
}

async function probe(brokers: string, properties: Record<string, string>): Promise<number> {
  try {
    return (await fetchMetadata(brokers, { timeoutMs: 5000, properties })).brokers.length;
  } catch (error) {
    throw new KloadError('CLUSTER_UNREACHABLE', `No Kafka broker answered at ${brokers} within 5 s (${(error as Error).message}).`, {
      hint: 'Check the address and that the cluster is up (`kload cluster status` for the embedded one); security settings go in --client-config.',
    });
  }
}
