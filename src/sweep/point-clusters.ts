/**
 * A sweep with `brokers` runs every point on a fresh embedded cluster of the point's size, so the
 * throughput fit gets a broker term. Only kload can start such clusters: a cluster given with
 * --brokers has the size it has, and is refused here rather than silently measured as if resized.
 */
import { startTemporaryCluster, type ClusterTarget } from '../cluster/cluster-target.js';
import { KloadError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import type { SweepCluster } from './sweep-result-types.js';

/** Starts the cluster one point runs on; released (stopped, its data removed) after the point. */
export type StartPointCluster = (brokers: number, log: (line: string) => void) => Promise<ClusterTarget>;

export const startEmbeddedPointCluster: StartPointCluster = startTemporaryCluster;

/** True when the sweep's points each start their own cluster. */
export function sweepsBrokers(scenario: Scenario): boolean {
  return scenario.sweep?.brokers !== undefined;
}

/** Pure: a sweep over broker counts cannot run on a cluster kload did not start. */
export function refuseGivenClusterForBrokerSweep(scenario: Scenario, brokersOption: string | undefined): void {
  const counts = scenario.sweep?.brokers;
  if (counts === undefined || brokersOption === undefined || brokersOption === '') return;
  throw new KloadError(
    'INVALID_ARGUMENT',
    `sweep.brokers [${counts.join(', ')}] starts a fresh embedded cluster of each size for its points; ` +
      `it cannot resize the cluster given with --brokers ${brokersOption}`,
    {
      hint:
        'Run the sweep without --brokers (kload starts and stops the clusters), ' +
        'or remove sweep.brokers to sweep the given cluster as it is.',
    },
  );
}

/**
 * The sweep result's `cluster` when every point had its own: the sizes asked for (`counts`),
 * brokerCount the largest that ran, logDirs every point's (removed with its cluster, kept as a
 * record of what was read).
 */
export function perPointClusterDescription(started: readonly ClusterTarget[], counts: readonly number[]): SweepCluster {
  const sizes = [...new Set(counts)].sort((a, b) => a - b);
  const unreadable = started.find((c) => c.logDirs === null);
  const noneStarted = 'no point started its cluster';
  return {
    kind: 'embedded-temporary',
    brokers: `a fresh embedded cluster per point (${sizes.join(' or ')} broker${sizes.at(-1) === 1 ? '' : 's'})`,
    brokerCount: Math.max(0, ...started.map((c) => c.brokerCount)),
    kafkaVersion: started[0]?.kafkaVersion ?? null,
    logDirs: started.length === 0 || unreadable ? null : started.flatMap((c) => c.logDirs ?? []),
    logDirsUnavailableReason: started.length === 0 ? noneStarted : (unreadable?.logDirsUnavailableReason ?? null),
    perPointBrokerCounts: sizes,
  };
}

/** "replication factor 3, capped at 1 on 1 broker" or "" when no point caps it. */
export function replicationCapText(scenarioReplicationFactor: number, counts: readonly number[]): string {
  const capped = [...new Set(counts)].filter((b) => b < scenarioReplicationFactor).sort((a, b) => a - b);
  if (capped.length === 0) return '';
  const where = capped.map((b) => `${b} on ${b} broker${b === 1 ? '' : 's'}`).join(', ');
  return `replication factor ${scenarioReplicationFactor}, capped at ${where}`;
}
