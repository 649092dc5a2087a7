/**
 * Agents as separate processes against one embedded broker, as on N hosts: the merged result
 * accounts for every planned message, a host's wrong clock is corrected, and the distribution's
 * own failures (a killed agent, a busy agent, Ctrl-C on the coordinator) end the run cleanly.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { freePort } from '../../../src/cluster/ports.js';
import { startCli, type RunningCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';

let cluster: EmbeddedCluster;
const control = `kload-control-test-${randomUUID().slice(0, 8)}`;
const agents: RunningCli[] = [];

before(async () => {
  cluster = await EmbeddedCluster.start({ nodes: 1 });
});
after(async () => {
  for (const a of agents) a.child.kill('SIGKILL');
  await cluster.stop();
});

function scenario(seconds: number, rate = 1500): string {
  const topic = randomTopic('agents');
  return writeScenario(`
name: agents
topics: [{ name: ${topic}, partitions: 6 }]
producers:
  count: 6
  threads: 2
  properties: { acks: all, enable.idempotence: true }
consumers: { groups: [g], members: 3 }
phases:
  - { name: steady, type: constant, duration: ${seconds}s, rate: ${rate} }
thresholds: ["lost == 0", "duplicated == 0"]
`);
}

async function startAgent(name: string, extra: string[] = []): Promise<RunningCli> {
  const agent = startCli(
    ['agent', '--brokers', cluster.bootstrapServers, '--name', name, '--control-topic', control, ...extra],
    { timeoutMs: 600_000 },
  );
  agents.push(agent);
  await agent.waitForOutput(/waiting for work/);
  return agent;
}

function coordinator(file: string, out: string, wanted: string): RunningCli {
  return startCli(
    ['run', file, '--brokers', cluster.bootstrapServers, '--agents', wanted, '--control-topic', control, '--out', out],
    { timeoutMs: 240_000 },
  );
}

test('three agents run one scenario: every planned message is sent, acknowledged and read once', async () => {
  const ports = [await freePort(), await freePort(), await freePort()];
  const metrics = (i: number) => ['--metrics', `127.0.0.1:${ports[i]}`];
  await Promise.all([
    startAgent('a1', metrics(0)),
    startAgent('a2', metrics(1)),
    startAgent('a3', ['--test-clock-shift-ms', '3000', ...metrics(2)]),
  ]);
  const out = tempDir('agents-out');
  const r = await coordinator(scenario(6), out, '3').done;
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /\[steady \d+\/6s\] .*, 3\/3 agents/, 'the progress line shows the agents');
  const result = readOnlyResult(out);
  const [steady] = result.phases;
  assert.equal(steady!.sent, 9000, 'the open-loop schedule, split three ways, adds up exactly');
  assert.equal(steady!.acked, 9000);
  assert.equal(steady!.consumed, 9000);
  assert.deepEqual(steady!.integrity, { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 });
  assert.equal(steady!.endToEndClock, 'mixed', 'read on the host that sent it (monotonic) or on another (wall)');
  assert.equal(result.environment.producerThreads, 6, 'two threads on each of three agents');
  const d = result.distribution!;
  assert.equal(d.segmentCount, 3);
  assert.deepEqual(d.segments.map((s) => s.agent).sort(), ['a1', 'a2', 'a3']);
  const shifted = d.segments.find((s) => s.agent === 'a3')!;
  assert.ok(
    Math.abs(shifted.clockOffsetUs! + 3_000_000) <= shifted.clockBoundUs! + 1000,
    `a3's clock, 3 s ahead, is measured at ${shifted.clockOffsetUs} ± ${shifted.clockBoundUs} µs`,
  );
  // Uncorrected, the messages a3 stamped or read across hosts (most of a third) would be 3 s off.
  assert.ok(steady!.endToEndLatencyUs.p99 < 2_000_000, `e2e p99 ${steady!.endToEndLatencyUs.p99} µs`);
  assert.ok(result.thresholds.every((t) => t.pass));
  // Each agent still serves its segment's final counters; labelled by the run id, they add up to the run.
  let acked = 0;
  for (const port of ports) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const line of text.split('\n').filter((l) => l.startsWith('kload_messages_acked_total{'))) {
      assert.match(line, new RegExp(`run="${d.runId}"`), line);
      acked += Number(line.split(' ').at(-1));
    }
  }
  assert.equal(acked, 9000, "the agents' acked counters sum to the run's");
});

test('a coordinator cannot take agents that are busy with another run', async () => {
  const out = tempDir('busy-out');
  // Longer than the second coordinator's 10 s search for idle agents.
  const first = coordinator(scenario(25, 600), out, 'a1,a2');
  await first.waitForOutput(/\[steady 1\//);
  const second = await coordinator(scenario(2), tempDir('second-out'), 'a1').done;
  assert.equal(second.code, 1, second.stderr);
  assert.match(second.stderr, /agent a1 not idle or not there; heard: .*a1 \(busy with run \d+/);
  const r = await first.done;
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.equal(readOnlyResult(out).phases[0]!.sent, 15_000);
});

test('an agent killed mid-run ends the run within 10 s: failed, naming the agent and its segment', async () => {
  const victim = await startAgent('doomed');
  const out = tempDir('killed-out');
  const run = coordinator(scenario(30, 600), out, 'a1,doomed');
  await run.waitForOutput(/\[steady 3\//);
  const killedAt = Date.now();
  victim.child.kill('SIGKILL');
  const r = await run.done;
  const tookMs = Date.now() - killedAt;
  assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
  assert.ok(tookMs < 10_000, `the run ended ${tookMs} ms after the kill`);
  const result = readOnlyResult(out, `${r.stdout}\n${r.stderr}\n${agents.map((a) => a.output()).join('\n')}`);
  assert.equal(result.status, 'failed');
  assert.match(result.statusReason ?? '', /agent doomed \(segment 2\/2\) stopped answering/);
  assert.deepEqual(result.distribution?.missingSegments, [2]);
  assert.ok(result.phases[0]!.sent > 0, 'what a1 measured is kept');
});

test('Ctrl-C on the coordinator stops every agent and writes the partial merged result', async () => {
  const out = tempDir('sigint-out');
  const run = coordinator(scenario(60, 600), out, 'a1,a2');
  await run.waitForOutput(/\[steady 2\//);
  run.child.kill('SIGINT');
  const r = await run.done;
  assert.equal(r.code, 130, `${r.stdout}\n${r.stderr}`);
  const result = readOnlyResult(out);
  assert.equal(result.status, 'interrupted');
  assert.equal(result.distribution?.segments.length, 2, 'both agents sent what they had');
  assert.ok(result.phases[0]!.durationSec < 30, `stopped after ${result.phases[0]!.durationSec} s of 60`);
  // Both agents are idle again: a new run can take them.
  const again = await coordinator(scenario(2), tempDir('again-out'), 'a1,a2').done;
  assert.equal(again.code, 0, again.stderr);
});
