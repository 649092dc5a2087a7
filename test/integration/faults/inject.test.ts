/**
 * Faults injected by the runner into real runs on one shared 3-node cluster: the records say what
 * really happened (the node that led the partition when the fault fired, by the cluster's own
 * metadata sampled alongside), paused nodes always come back, exec timeouts hold, and the targets
 * kload resolves agree with what Kafka's own Admin client reports.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { embeddedNodeControl, type NodeControl } from '../../../src/faults/node-control.js';
import { resolveTarget } from '../../../src/faults/resolve-target.js';
import { createTopics } from '../../../src/kafka/admin.js';
import { fetchMetadata } from '../../../src/kafka/metadata.js';
import type { Reporter } from '../../../src/coordinator/reporter.js';
import { runScenario } from '../../../src/coordinator/run-scenario.js';
import type { ClusterDescription } from '../../../src/result/cluster-description.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { runCli } from '../../helpers/cli.js';
import { randomTopic, waitFor } from '../../helpers/kafka-io.js';
import { repoRoot, tempDir } from '../../helpers/paths.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';

let cluster: EmbeddedCluster;
let nodes: NodeControl;

before(async () => {
  cluster = await EmbeddedCluster.start({ nodes: 3 });
  nodes = embeddedNodeControl(cluster, 'temporary');
});
after(() => cluster?.stop());

function description(): ClusterDescription {
  const base = { brokers: cluster.bootstrapServers, brokerCount: 3, kafkaVersion: cluster.kafkaVersion };
  return { ...base, kind: 'embedded-temporary', logDirs: null, logDirsUnavailableReason: 'test' };
}

/** Collects the reporter's lines, and lets a test wait for one. */
function recordingReporter(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (l) => lines.push(l), warn: (l) => lines.push(`warn: ${l}`), progress: () => {} };
}

function scenarioYaml(topic: string, steady: string, faults: string[]): string {
  return [
    'name: faults-it',
    `topics: [{ name: ${topic}, partitions: 3, replicationFactor: 3 }]`,
    'producers: { keys: { type: random, cardinality: 100 }, properties: { acks: all, enable.idempotence: true } }',
    `consumers: { groups: [${topic}-g] }`,
    'phases:',
    '  - { name: warmup, type: warmup, duration: 1s, rate: 200 }',
    `  - { name: steady, type: constant, duration: ${steady}, rate: 400 }`,
    'faults:',
    ...faults.map((f) => `  - ${f}`),
    '',
  ].join('\n');
}

/** Leaders of every partition over time, from the cluster's metadata, until stopped. */
function sampleLeaders(topic: string): { stop(): Promise<{ atMs: number; leaders: number[] }[]> } {
  const samples: { atMs: number; leaders: number[] }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const askedAtMs = Date.now();
      try {
        const md = await fetchMetadata(cluster.bootstrapServers, { timeoutMs: 2000, topic });
        const parts = md.topics.find((t) => t.name === topic)?.partitions ?? [];
        samples.push({ atMs: askedAtMs, leaders: [...parts].sort((a, b) => a.id - b.id).map((p) => p.leader) });
      } catch {
        // A sample during an election may fail; the next one counts.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

function leaderBefore(samples: { atMs: number; leaders: number[] }[], atMs: number, partition: number): number {
  const last = samples.filter((s) => s.atMs < atMs).at(-1);
  assert.ok(last, 'a leader sample before the fault');
  return last.leaders[partition] as number;
}

async function allNodesAnswer(): Promise<void> {
  await waitFor('all 3 brokers in the metadata', async () => {
    const md = await fetchMetadata(cluster.bootstrapServers, { timeoutMs: 2000 }).catch(() => null);
    return md !== null && md.brokers.length === 3;
  });
}

/** 'T' in /proc/<pid>/stat: stopped by a signal (SIGSTOP). */
function isStopped(pid: number): boolean {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] === 'T';
}

test('a pause and a kill with restart hit the nodes that led their partitions, and are recorded as done', async () => {
  const topic = randomTopic('faults');
  const scenario = parseScenario(
    scenarioYaml(topic, '9s', [
      `{ phase: steady, at: 1s, action: pause, target: leader-of ${topic}/0, duration: 2s }`,
      `{ phase: steady, at: 4s, action: kill, target: leader-of ${topic}/1, duration: 2s }`,
    ]),
    'faults.yaml',
  );
  const reporter = recordingReporter();
  const leaders = sampleLeaders(topic);
  const { result } = await runScenario({
    scenario,
    kloadVersion: 'test',
    cluster: description(),
    clientConfig: {},
    signal: new AbortController().signal,
    reporter,
    nodes,
  });
  const samples = await leaders.stop();
  const [pause, kill] = result.faults ?? [];
  assert.ok(pause && kill, `two records: ${JSON.stringify(result.faults)}`);

  // The schedule starts with the 1 s warmup: steady+1s is 2 s in, steady+4s is 5 s in.
  assert.equal(pause.outcome, 'done', pause.detail);
  assert.equal(pause.plannedAtSec, 1);
  assert.ok(Math.abs((pause.startedAtSec ?? 0) - 2) < 0.5, `pause started at ${pause.startedAtSec}`);
  assert.ok((pause.endedAtSec ?? 0) - (pause.startedAtSec ?? 0) >= 2, 'paused at least its duration');
  assert.ok((pause.endedAtSec ?? 0) - (pause.startedAtSec ?? 0) < 3, 'resumed right after it');
  assert.equal(pause.nodeId, leaderBefore(samples, Date.parse(pause.startedAt!), 0), 'the leader of partition 0');

  assert.equal(kill.outcome, 'done', kill.detail);
  assert.ok(Math.abs((kill.startedAtSec ?? 0) - 5) < 0.5, `kill started at ${kill.startedAtSec}`);
  assert.ok((kill.endedAtSec ?? 0) - (kill.startedAtSec ?? 0) >= 2, 'down at least its duration');
  const killedLeader = leaderBefore(samples, Date.parse(kill.startedAt!), 1);
  assert.equal(kill.nodeId, killedLeader, 'the leader of partition 1');
  const after = samples.filter((s) => s.atMs > Date.parse(kill.startedAt!));
  assert.ok(
    after.some((s) => s.leaders[1] !== killedLeader && (s.leaders[1] ?? -1) >= 0),
    'leadership of partition 1 moved away from the killed node',
  );
  assert.ok(reporter.lines.some((l) => l.startsWith(`fault: kill node ${kill.nodeId} (leader-of ${topic}/1)`)));

  assert.equal(result.status, 'complete', result.statusReason ?? '');
  for (const phase of result.phases) assert.equal(phase.integrity?.lost, 0, `${phase.name}: nothing lost`);
  await allNodesAnswer();
  for (const node of cluster.nodes) assert.ok(!isStopped(node.pid!), `node ${node.id} is not left stopped`);
});

test('a stop during a pause resumes the node at once and skips the faults still due', async () => {
  const topic = randomTopic('faults-stop');
  const scenario = parseScenario(
    scenarioYaml(topic, '20s', [
      '{ phase: steady, at: 1s, action: pause, target: 2, duration: 15s }',
      '{ phase: steady, at: 18s, action: restart, target: 3 }',
    ]),
    'faults.yaml',
  );
  const reporter = recordingReporter();
  const stop = new AbortController();
  const running = runScenario({
    scenario,
    kloadVersion: 'test',
    cluster: description(),
    clientConfig: {},
    signal: stop.signal,
    reporter,
    nodes,
  });
  await waitFor('the pause to begin', () => reporter.lines.some((l) => l.startsWith('fault: pause node 2')), 30_000);
  await waitFor('node 2 to be stopped', () => isStopped(cluster.node(2).pid!), 5000);
  stop.abort();
  const { result } = await running;
  const [pause, restart] = result.faults ?? [];
  assert.equal(result.status, 'interrupted');
  assert.equal(pause?.outcome, 'done');
  assert.match(pause?.detail ?? '', /cut short, the run was stopped/);
  assert.ok((pause?.endedAtSec ?? 99) - (pause?.startedAtSec ?? 0) < 10, 'resumed long before its 15 s');
  assert.equal(restart?.outcome, 'skipped');
  assert.equal(restart?.startedAtSec, null);
  assert.equal(isStopped(cluster.node(2).pid!), false, 'node 2 runs again');
  await allNodesAnswer();
});

test("controller and coordinator-of resolve to the nodes Kafka's own Admin client names", async () => {
  const topic = randomTopic('faults-facts');
  await createTopics(cluster.bootstrapServers, [{ name: topic, partitions: 1, replicationFactor: 3 }]);
  const groups = ['kload-a', 'kload-b', 'readers', 'some other group'];
  const javaFile = join(repoRoot(), 'test', 'integration', 'faults', 'ClusterFacts.java');
  const classpath = cluster.nodes[0]!.spec.classpath;
  const output = execFileSync('java', ['-cp', classpath, javaFile, cluster.bootstrapServers, topic, ...groups], {
    encoding: 'utf8',
    timeout: 90_000,
  });
  const controller = Number(/^controller (-?\d+)$/m.exec(output)?.[1]);
  assert.equal(await resolveTarget({ kind: 'controller' }, nodes), controller, output);
  for (const group of groups) {
    const coordinator = Number(new RegExp(`^coordinator ${group} (\\d+)$`, 'm').exec(output)?.[1]);
    assert.equal(await resolveTarget({ kind: 'coordinator-of', group }, nodes), coordinator, `${group}: ${output}`);
  }
});

test('restarting a node of an adopted (detached-style) cluster starts a new process and records its pid', async () => {
  const adopted = EmbeddedCluster.fromState(cluster.toState());
  const cacheDir = tempDir('faults-cache');
  const control = embeddedNodeControl(adopted, 'detached', { KLOAD_CACHE_DIR: cacheDir });
  const oldPid = adopted.node(3).pid;
  await control.kill(3);
  assert.equal(control.isRunning(3), false);
  await control.restart(3);
  const newPid = adopted.node(3).pid;
  assert.notEqual(newPid, oldPid);
  assert.equal(control.isRunning(3), true);
  const state = JSON.parse(readFileSync(join(cacheDir, 'cluster.json'), 'utf8')) as { nodes: { pid: number }[] };
  assert.equal(state.nodes[2]?.pid, newPid, 'the state file names the new process');
  await allNodesAnswer();
  // The shared cluster's own handle still holds the old pid: stop the new process through the adopter.
  await adopted.node(3).stop();
  await cluster.restartNode(3);
});

test('the CLI refuses a node fault on a --brokers cluster with exit 2, and honours an exec timeout', async () => {
  const topic = randomTopic('faults-cli');
  const nodeFault = writeScenario(
    scenarioYaml(topic, '3s', ['{ phase: steady, at: 1s, action: kill, target: leader-of ' + topic + '/0 }']),
  );
  const refused = await runCli(['run', nodeFault, '--brokers', cluster.bootstrapServers, '--out', tempDir('out')]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(
    refused.stderr,
    /faults\[0\]: a node fault needs a cluster kload started \(this run uses --brokers\); use action: exec/,
  );

  const execFault = writeScenario(
    scenarioYaml(topic, '4s', ['{ phase: steady, at: 1s, action: exec, command: "sleep 30", timeout: 1s }']),
  );
  const out = tempDir('out');
  const ran = await runCli(['run', execFault, '--brokers', cluster.bootstrapServers, '--out', out]);
  const [record] = readOnlyResult(out, ran.stdout + ran.stderr).faults ?? [];
  assert.equal(record?.outcome, 'failed');
  assert.match(record?.detail ?? '', /timed out after 1 s/);
  const tookSec = (record?.endedAtSec ?? 99) - (record?.startedAtSec ?? 0);
  assert.ok(tookSec >= 1 && tookSec < 2.5, `the command was killed after its 1 s timeout (took ${tookSec} s)`);
  assert.equal(record?.target, 'exec: sleep 30');
});
