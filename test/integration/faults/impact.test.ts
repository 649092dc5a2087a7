/**
 * What a fault did, measured on a real run: the partition leader of a 1-node cluster is paused
 * for 3 s in the middle of a constant phase (a `faults:` entry, so the runner's own times are
 * used), and the result must show that much unavailability, a recovery, and nothing lost.
 * Six seconds before the fault give the baseline (the worst of them) this machine's noise.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import type { Reporter } from '../../../src/coordinator/reporter.js';
import { runScenario } from '../../../src/coordinator/run-scenario.js';
import { embeddedNodeControl } from '../../../src/faults/node-control.js';
import { formatSummaryTable } from '../../../src/report/console-summary.js';
import type { ClusterDescription } from '../../../src/result/cluster-description.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { randomTopic } from '../../helpers/kafka-io.js';

const PAUSE_SEC = 3;

const quiet: Reporter = { info: () => {}, warn: () => {}, progress: () => {} };

let cluster: EmbeddedCluster;
before(async () => {
  cluster = await EmbeddedCluster.start({ nodes: 1 });
});
after(() => cluster?.stop());

// Both drivers: each hands the partition of a delivery report over its own way.
for (const client of ['native', 'node-rdkafka'] as const) {
  test(`a 3 s pause of the leader shows as ~3 s unavailable, recovers, and loses nothing (${client})`, {
    timeout: 120_000,
  }, async (t) => {
    const topic = randomTopic('impact');
    const scenario = parseScenario(
      [
        'name: impact-it',
        `topics: [{ name: ${topic}, partitions: 2 }]`,
        `producers: { client: ${client}, keys: { type: random, cardinality: 100 }, ` +
          'properties: { acks: all, enable.idempotence: true } }',
        `consumers: { groups: [${topic}-g] }`,
        'phases:',
        '  - { name: warmup, type: warmup, duration: 2s, rate: 500 }',
        '  - { name: steady, type: constant, duration: 14s, rate: 1000 }',
        'faults:',
        `  - { phase: steady, at: 6s, action: pause, target: leader-of ${topic}/0, duration: ${PAUSE_SEC}s }`,
        '',
      ].join('\n'),
      'impact.yaml',
    );
    const description: ClusterDescription = {
      brokers: cluster.bootstrapServers,
      brokerCount: 1,
      kafkaVersion: cluster.kafkaVersion,
      kind: 'embedded-temporary',
      logDirs: null,
      logDirsUnavailableReason: 'test',
    };
    const { result } = await runScenario({
      scenario,
      kloadVersion: 'test',
      cluster: description,
      clientConfig: {},
      signal: new AbortController().signal,
      reporter: quiet,
      nodes: embeddedNodeControl(cluster, 'temporary'),
    });
    t.diagnostic(formatSummaryTable(result));
    assert.equal(result.status, 'complete', result.statusReason ?? '');
    const [pause] = result.faults ?? [];
    assert.ok(pause, 'the fault is recorded');
    assert.equal(pause.outcome, 'done', pause.detail);
    assert.ok(pause.startedAtSec !== null && pause.endedAtSec !== null);
    const impact = pause.impact;
    assert.ok(impact, 'and measured');
    t.diagnostic(JSON.stringify(impact));
    const p99sMs = result.phases[1]!.intervals.map((iv) => Math.round(iv.publishP99Us / 100) / 10);
    t.diagnostic(`steady publish p99 per second (ms): ${p99sMs.join(' ')}`);

    // Nothing is acked while the only node is stopped: the gap spans the pause, plus the time the
    // producer takes to get its first ack after SIGCONT.
    assert.ok(impact.unavailabilityMs >= (PAUSE_SEC - 0.5) * 1000, `unavailable ${impact.unavailabilityMs} ms`);
    assert.ok(impact.unavailabilityMs < (PAUSE_SEC + 3) * 1000, `unavailable ${impact.unavailabilityMs} ms`);
    assert.ok(impact.unavailablePartition === 0 || impact.unavailablePartition === 1);
    assert.ok(impact.baselineP99Us !== null && impact.baselineP99Us > 0, 'six seconds of steady came before');
    assert.ok(impact.recoverySec !== null, 'latency was back within 2x before the phase ended');
    assert.ok(impact.recoverySec >= PAUSE_SEC - 1, `recovered after ${impact.recoverySec} s, not during the pause`);
    assert.equal(impact.window.fromSec, pause.startedAtSec);
    assert.ok(impact.window.toSec >= pause.endedAtSec);
    assert.equal(impact.lostInWindow, 0);
    assert.equal(impact.duplicatedInWindow, 0, 'idempotent producer, one member that never rebalanced');
    assert.deepEqual(result.phases[1]!.integrity?.lost, 0);
  });
}
