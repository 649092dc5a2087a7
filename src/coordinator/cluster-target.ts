import { KloadError } from '../errors.js';
import { runningClusterState } from '../cluster/cluster-control.js';
import { EmbeddedCluster } from '../cluster/embedded-cluster.js';
import { fetchMetadata } from '../kafka/metadata.js';
import type { Scenario } from '../scenario/types.js';

export interface ClusterTarget {
  brokers: string;
  kind: 'embedded' | 'external';
  kafkaVersion: string | null;
  brokerCount: number;
  /** Stops a cluster started for this run; a no-op for one that was already there. */
  release(): Promise<void>;
}

/**
 * --brokers wins; else the detached embedded cluster; else a temporary embedded cluster sized
 * for the scenario (3 nodes when a topic wants replication, so seed-example.yaml just works).
 */
export async function resolveCluster(opts: { brokers?: string; scenario: Scenario; clientConfig: Record<string, string>; log: (line: string) => void }): Promise<ClusterTarget> {
  if (opts.brokers) {
    const brokerCount = await probe(opts.brokers, opts.clientConfig);
    return { brokers: opts.brokers, kind: 'external', kafkaVersion: null, brokerCount, release: async () => {} };
  }
  const state = runningClusterState();
  if (state) {
    const brokerCount = await probe(state.bootstrapServers, {});
    return { brokers: state.bootstrapServers, kind: 'embedded', kafkaVersion: state.kafkaVersion, brokerCount, release: async () => {} };
  }
  const maxRf = Math.max(...opts.scenario.topics.map((t) => t.replicationFactor));
  const nodes = maxRf > 1 ? 3 : 1;
  opts.log(`No --brokers and no running embedded cluster: starting a temporary ${nodes}-node cluster.`);
  const cluster = await EmbeddedCluster.start({ nodes, log: opts.log });
  return { brokers: cluster.bootstrapServers, kind: 'embedded', kafkaVersion: cluster.kafkaVersion, brokerCount: nodes, release: () => cluster.stop() };
}

/** Fails within seconds, with a hint, when nobody answers at the given address. */
async function probe(brokers: string, properties: Record<string, string>): Promise<number> {
  try {
    const md = await fetchMetadata(brokers, { timeoutMs: 5000, properties });
    return md.brokers.length;
  } catch (err) {
    throw new KloadError('CLUSTER_UNREACHABLE', `No Kafka broker answered at ${brokers} within 5 s (${(err as Error).message}).`, {
      hint: 'Check the address and that the cluster is up (`kload cluster status` for the embedded one); security settings go in --client-config.',
    });
  }
}
