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

/**
 * Free ports are picked (bound to port 0, then released) before the JVMs bind them, and on a busy
 * host another process can take one in between; a sweep starts a cluster per point, so it meets
 * that race more often than one run does, and starts again on fresh ports instead of failing.
 */
const PORT_RACE_ATTEMPTS = 3;

export const startEmbeddedPointCluster: StartPointCluster = async (brokers, log) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startTemporaryCluster(brokers, log);
    } catch (error) {
      if (attempt >= PORT_RACE_ATTEMPTS || !lostPortRace(error)) throw error;
      log(`a port chosen for the cluster was taken before its node bound it; starting again on fresh ports`);
    }
  }
};

/** The start failed because a node could not bind a port it was given (its log tail says so). */
export function lostPortRace(error: unknown): boolean {
  return error instanceof Error && /Address already in use|java\.net\.BindException/.test(error.message);
}

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
