import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { refuseFaultsForCluster, refuseFaultsInSplitRun } from '../../../src/faults/fault-refusal.js';
import type { FaultSpec } from '../../../src/faults/fault-types.js';
import type { NodeControl } from '../../../src/faults/node-control.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

const exec: FaultSpec = { phase: 'constant', atMs: 0, action: 'exec', command: 'true', timeoutMs: 1000 };
const kill: FaultSpec = {
  phase: 'constant',
  atMs: 0,
  action: 'kill',
  target: { kind: 'leader-of', topic: 't', partition: 0 },
  durationMs: null,
};
const pauseNode5: FaultSpec = {
  phase: 'constant',
  atMs: 0,
  action: 'pause',
  target: { kind: 'node', nodeId: 5 },
  durationMs: 100,
};
const threeNodes = { nodeIds: [1, 2, 3] } as unknown as NodeControl;

function refusal(run: () => void): KloadError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof KloadError);
    assert.equal(error.exitCode, 2);
    return error;
  }
  assert.fail('expected a refusal');
}

test('node faults on a cluster kload did not start are refused, each by its path; exec is fine', () => {
  const scenario = scenarioWith({ faults: [exec, kill, pauseNode5] });
  const why =
    'a node fault needs a cluster kload started (this run uses --brokers); use action: exec with your own command';
  assert.deepEqual(refusal(() => refuseFaultsForCluster(scenario, null)).message.split('\n'), [
    `faults[1]: ${why}`,
    `faults[2]: ${why}`,
  ]);
  refuseFaultsForCluster(scenarioWith({ faults: [exec] }), null);
});

test('a node id the cluster does not have is refused before the run', () => {
  const error = refusal(() => refuseFaultsForCluster(scenarioWith({ faults: [kill, pauseNode5] }), threeNodes));
  assert.equal(error.message, 'faults[1].target: there is no node 5 (this cluster has nodes 1, 2, 3)');
});

test('split runs refuse any fault, and accept a scenario without', () => {
  const error = refusal(() => refuseFaultsInSplitRun(scenarioWith({ faults: [exec] }), '--agents'));
  assert.match(error.message, /a run split with --agents cannot inject faults/);
  refuseFaultsInSplitRun(scenarioWith(), '--segment');
});
