/**
 * Runs that cannot carry out a scenario's faults, refused before any load is sent (exit 2), every
 * offending fault named by its path.
 */
import { KloadError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import type { NodeControl } from './node-control.js';

const splitHint =
  'Faults act on one cluster at one moment of one schedule; run the scenario in one process ' +
  '(without --segment / --agents), or remove its faults.';

/** Before a cluster is chosen: a run split over hosts has no one place to fire faults from. */
export function refuseFaultsInSplitRun(scenario: Scenario, flag: '--segment' | '--agents'): void {
  if (scenario.faults.length === 0) return;
  throw new KloadError(
    'INVALID_ARGUMENT',
    `faults: a run split with ${flag} cannot inject faults (the scenario has ${scenario.faults.length})`,
    { hint: splitHint },
  );
}

/**
 * Once the cluster is known: node faults need a cluster kload started (`nodes`), and a `node N`
 * target a node N in it. Exec faults run anywhere.
 */
export function refuseFaultsForCluster(scenario: Scenario, nodes: NodeControl | null): void {
  const problems = scenario.faults.flatMap((fault, i) => {
    if (fault.action === 'exec') return [];
    if (nodes === null) {
      return [
        `faults[${i}]: a node fault needs a cluster kload started (this run uses --brokers); ` +
          'use action: exec with your own command',
      ];
    }
    const { target } = fault;
    if (target.kind !== 'node' || nodes.nodeIds.includes(target.nodeId)) return [];
    return [
      `faults[${i}].target: there is no node ${target.nodeId} (this cluster has nodes ${nodes.nodeIds.join(', ')})`,
    ];
  });
  if (problems.length === 0) return;
  throw new KloadError('INVALID_ARGUMENT', problems.join('\n'), {
    hint:
      nodes === null
        ? 'Without --brokers kload starts the cluster itself (or uses `kload cluster start --detach`), and can then ' +
          'pause, kill and restart its nodes.'
        : 'Node ids count from 1; `kload cluster status` lists them.',
  });
}
