import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClusterTarget } from '../../../src/cluster/cluster-target.js';
import { KloadError } from '../../../src/errors.js';
import {
  lostPortRace,
  perPointClusterDescription,
  refuseGivenClusterForBrokerSweep,
  replicationCapText,
} from '../../../src/sweep/point-clusters.js';
import { runCli } from '../../helpers/cli.js';
import { writeScenario } from '../../helpers/scenario-files.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

const sweep = {
  producers: [1],
  threads: [1],
  messageBytes: [100],
  partitions: [1],
  brokers: [1, 3],
  acks: null,
  compression: null,
  lingerMs: null,
  repeats: 1,
  load: 'max' as const,
  warmupMs: 1000,
  warmupRateMsgsPerSec: 100,
  pointDurationMs: 1000,
  maxInFlight: 10,
};

test('a sweep over brokers refuses a cluster given with --brokers, naming both, with a hint', () => {
  const scenario = scenarioWith({ name: 'b', sweep });
  let thrown: unknown;
  try {
    refuseGivenClusterForBrokerSweep(scenario, 'kafka-1:9092');
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof KloadError);
  assert.equal(thrown.exitCode, 2);
  assert.match(thrown.message, /sweep\.brokers \[1, 3\] starts a fresh embedded cluster .* --brokers kafka-1:9092/);
  assert.match(thrown.hint ?? '', /without --brokers/);
  // Without --brokers, or without sweep.brokers, nothing is refused.
  refuseGivenClusterForBrokerSweep(scenario, undefined);
  const { brokers: _brokers, ...oneCluster } = sweep;
  refuseGivenClusterForBrokerSweep(scenarioWith({ name: 'b', sweep: oneCluster }), 'kafka-1:9092');
});

test('kload run refuses --brokers for a sweep over brokers before it contacts any cluster (exit 2)', async () => {
  const file = writeScenario(`
name: refused
topics: [{ name: t }]
producers: { message: { size: 100 } }
phases: [{ type: max, duration: 1s }]
sweep: { brokers: [1, 3] }
`);
  // Port 1 has no broker: an attempt to reach it would fail differently (exit 3), and slowly.
  const run = await runCli(['run', file, '--brokers', '127.0.0.1:1'], { timeoutMs: 30_000 });
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /cannot resize the cluster given with --brokers 127\.0\.0\.1:1/);
  assert.match(run.stderr, /Run the sweep without --brokers/);
});

function started(brokerCount: number, dirs: string[] | null): ClusterTarget {
  return {
    kind: 'embedded-temporary',
    brokers: Array.from({ length: brokerCount }, (_, i) => `127.0.0.1:${9000 + i}`).join(','),
    brokerCount,
    kafkaVersion: '4.3.1',
    logDirs: dirs,
    logDirsUnavailableReason: dirs === null ? 'unreadable' : null,
    release: async () => {},
  };
}

test("the sweep's cluster record names the sizes, the largest, and every point's log dirs", () => {
  const description = perPointClusterDescription([started(1, ['/a']), started(3, ['/b', '/c', '/d'])], [3, 1, 3]);
  assert.deepEqual(description, {
    kind: 'embedded-temporary',
    brokers: 'a fresh embedded cluster per point (1 or 3 brokers)',
    brokerCount: 3,
    kafkaVersion: '4.3.1',
    logDirs: ['/a', '/b', '/c', '/d'],
    logDirsUnavailableReason: null,
    perPointBrokerCounts: [1, 3],
  });
  const unreadable = perPointClusterDescription([started(1, ['/a']), started(3, null)], [1, 3]);
  assert.equal(unreadable.logDirs, null);
  assert.equal(unreadable.logDirsUnavailableReason, 'unreadable');
});

test('the replication cap is said only where a cluster is smaller than the replication factor', () => {
  assert.equal(replicationCapText(3, [1, 3]), 'replication factor 3, capped at 1 on 1 broker');
  assert.equal(replicationCapText(3, [5, 2, 1]), 'replication factor 3, capped at 1 on 1 broker, 2 on 2 brokers');
  assert.equal(replicationCapText(1, [1, 3]), '');
});

test('a node that could not bind its port is a lost race worth another start; other failures are not', () => {
  const bind = new Error(
    'Kafka node 3 exited with code 1 while starting. Last lines of node.log:\n' +
      'Caused by: org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:34245: ' +
      'Address already in use.\nCaused by: java.net.BindException: Address already in use',
  );
  assert.equal(lostPortRace(bind), true);
  assert.equal(lostPortRace(new Error('Kafka node 1 exited with code 1 while starting: OutOfMemoryError')), false);
  assert.equal(lostPortRace('Address already in use'), false, 'only errors');
});
