/**
 * `kload run x.yaml --agents N`: the coordinator side. It finds idle agents on the control topic,
 * creates the topics, gives each agent one segment and every agent one start time, shows their
 * stats live, collects their segment results and merges them into one result. When an agent
 * dies, stops answering or fails, the others are stopped and what was measured is merged into a
 * result marked failed that names the agent and its segment.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Collector } from '../coordinator/collector.js';
import { ProgressTicker } from '../coordinator/progress-ticker.js';
import type { Reporter } from '../coordinator/reporter.js';
import { KloadError } from '../errors.js';
import { waitUntil } from '../coordinator/wait-until.js';
import { createTopics, waitForLeaders } from '../kafka/admin.js';
import type { ClusterDescription } from '../result/cluster-description.js';
import type { RunResult } from '../result/result-types.js';
import type { SegmentResult } from '../result/segment-types.js';
import type { Scenario } from '../scenario/types.js';
import { formatSegment, segmentRefusal } from '../segment/execution-segment.js';
import { mergeSegments } from '../segment/merge-segments.js';
import { checkSegment } from '../segment/segment-codec.js';
import { nowUs, wallUs } from '../workers/clock.js';
import { ControlChannel } from './control-channel.js';
import type { ControlMessage } from './control-protocol.js';
import { ChunkAssembler } from './result-chunks.js';
import { pickAgents, type SeenAgent } from './pick-agents.js';

export interface AgentRunOptions {
  scenario: Scenario;
  cluster: ClusterDescription;
  clientConfig: Record<string, string>;
  controlTopic: string;
  /** How many idle agents to use, or which ones by name. */
  agents: number | string[];
  signal: AbortSignal;
  reporter: Reporter;
  intervalMs?: number;
  timeouts?: Partial<typeof TIMEOUTS>;
}

const TIMEOUTS = {
  /** Agents heartbeat every second: this long to hear from enough of them. */
  discoverMs: 10_000,
  acceptMs: 10_000,
  /** Connecting every client (and a consumer group's first rebalance) on every agent. */
  preparedMs: 60_000,
  /** An agent this long silent is dead; with the stop and the last results, a run ends within 10 s. */
  silenceMs: 4_000,
  /** After a stop, how long the agents still alive get to send what they measured. */
  afterStopMs: 5_000,
  /** Between the start message and the schedule's start, for it to reach every agent. */
  startLeadMs: 2_000,
};

interface Member {
  name: string;
  index: number;
  lastHeardMs: number;
  accepted: boolean;
  prepared: boolean;
  /** Declared dead (silent too long): its result is not waited for. */
  dead: boolean;
  result: SegmentResult | null;
  chunks: ChunkAssembler;
}

export async function runWithAgents(o: AgentRunOptions): Promise<RunResult> {
  const t = { ...TIMEOUTS, ...o.timeouts };
  const { scenario, reporter } = o;
  if (scenario.producers.payload.type === 'file') {
    throw new KloadError('INVALID_ARGUMENT', '--agents: payload files are read on one host; use a template payload');
  }
  const coordinator = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const runId = randomInt(2 ** 31);
  const channel = await ControlChannel.open({
    brokers: o.cluster.brokers,
    properties: o.clientConfig,
    topic: o.controlTopic,
    onIgnored: (reason) => reporter.warn(`ignored a control message: ${reason}`),
  });
  const seen = new Map<string, SeenAgent>();
  const members = new Map<string, Member>();
  const collector = new Collector(scenario.phases.length, o.intervalMs ?? 1000);
  let failure: string | null = null;
  const fail = (why: string) => {
    if (failure) return;
    failure = why;
    reporter.warn(why);
    channel.send({ type: 'stop', coordinator, runId, reason: why });
  };
  /** The run's failure as an error, for waitUntil (which stops waiting on it). */
  const failed = () => (failure ? new KloadError('AGENT_FAILED', failure) : null);
  const label = (m: Member) => `agent ${m.name} (segment ${m.index}/${members.size})`;

  channel.on((m: ControlMessage) => {
    if (m.type === 'heartbeat') seen.set(m.agent, { heartbeat: m, atMs: Date.now() });
    const agent = 'agent' in m ? members.get(m.agent) : undefined;
    if (!agent || !('runId' in m)) return;
    agent.lastHeardMs = Date.now();
    if (m.runId !== runId) {
      if (m.type === 'decline' && m.coordinator === coordinator) fail(`${label(agent)} declined: ${m.reason}`);
      return;
    }
    if (m.type === 'accept') agent.accepted = true;
    else if (m.type === 'decline') fail(`${label(agent)} declined: ${m.reason}`);
    else if (m.type === 'prepared') agent.prepared = true;
    else if (m.type === 'stats') for (const w of m.messages) collector.handle(w);
    else if (m.type === 'failed') fail(`${label(agent)} failed: ${m.message}`);
    else if (m.type === 'result-chunk') {
      const data = agent.chunks.add(m);
      if (data !== undefined) agent.result = checkSegment(data, `the result of ${label(agent)}`);
    }
  });
  const ticker = new ProgressTicker(scenario, collector, {
    ...reporter,
    progress: (snapshot) =>
      reporter.progress({
        ...snapshot,
        agents: { answering: [...members.values()].filter((m) => !m.dead).length, of: members.size },
      }),
  });
  let watchdog: NodeJS.Timeout | null = null;
  const onAbort = () => fail('interrupted: the coordinator was stopped (Ctrl-C)');
  try {
    const names = await discover(o.agents, seen, t.discoverMs, reporter);
    const refusal = segmentRefusal(scenario, names.length);
    if (refusal) throw new KloadError('INVALID_ARGUMENT', `--agents ${names.length}: ${refusal}`);
    await createTopics(o.cluster.brokers, scenario.topics, o.clientConfig);
    const partitions = await waitForLeaders(o.cluster.brokers, scenario.producers.topic, {
      properties: o.clientConfig,
    });
    names.forEach((name, k) =>
      members.set(name, {
        name,
        index: k + 1,
        lastHeardMs: Date.now(),
        accepted: false,
        prepared: false,
        dead: false,
        result: null,
        chunks: new ChunkAssembler(),
      }),
    );
    for (const m of members.values()) {
      const segment = { index: m.index, count: names.length };
      channel.send({
        type: 'assign',
        coordinator,
        runId,
        agent: m.name,
        segment,
        scenario,
        intervalMs: o.intervalMs ?? 1000,
      });
      reporter.info(`Run ${runId}: segment ${formatSegment(segment)} to agent ${m.name}`);
    }
    o.signal.addEventListener('abort', onAbort, { once: true });
    watchdog = setInterval(() => {
      for (const m of members.values()) {
        if (!m.result && !m.dead && Date.now() - m.lastHeardMs > t.silenceMs) {
          m.dead = true;
          fail(`${label(m)} stopped answering: nothing heard for ${(t.silenceMs / 1000).toFixed(0)} s`);
        }
      }
    }, 250);
    const all = (p: (m: Member) => boolean) => [...members.values()].every(p);
    await waitUntil('every agent to accept its segment', () => all((m) => m.accepted), t.acceptMs, failed);
    await waitUntil('every agent to connect its clients', () => all((m) => m.prepared), t.preparedMs, failed);
    const groups = scenario.consumers?.groups ?? [];
    await waitUntil(
      'the consumer groups to be assigned every partition',
      () => groups.every((g) => collector.assignedPartitions(g) === partitions),
      t.preparedMs,
      failed,
    );
    const startInUs = t.startLeadMs * 1000;
    channel.send({ type: 'start', coordinator, runId, startAtWallUs: wallUs() + startInUs });
    ticker.start(nowUs() + startInUs);
    const scheduleMs = scenario.phases.reduce((n, p) => n + p.durationMs, 0);
    // The drain and the results follow the schedule: no more seconds to report.
    setTimeout(() => ticker.stop(), t.startLeadMs + scheduleMs + 1500).unref();
    await waitUntil("the agents' results", () => all((m) => m.result !== null), scheduleMs + 120_000, failed);
  } catch (err) {
    if (members.size === 0) {
      // Nothing was handed out: no agent to stop, no result to merge.
      await channel.close();
      throw err;
    }
    fail((err as Error).message);
  } finally {
    ticker.stop();
    o.signal.removeEventListener('abort', onAbort);
  }
  try {
    if (failure) {
      const deadline = Date.now() + t.afterStopMs;
      // Live agents stop and send what they measured (a second or two); a dead one is not waited for.
      await waitUntil(
        'the remaining results',
        () => [...members.values()].every((m) => m.result || m.dead),
        Math.max(0, deadline - Date.now()),
        () => null,
      ).catch(() => undefined);
    }
    const results = [...members.values()].flatMap((m) => (m.result ? [m.result] : []));
    if (results.length === 0) throw new KloadError('AGENT_FAILED', failure ?? 'no agent sent a result');
    const result = mergeSegments(results, { allowMissing: true });
    const interrupted = o.signal.aborted;
    if (failure && !interrupted) {
      result.status = 'failed';
      result.statusReason =
        result.statusReason && result.statusReason !== failure ? `${failure}; ${result.statusReason}` : failure;
    }
    return result;
  } finally {
    if (watchdog) clearInterval(watchdog);
    await channel.close();
  }
}

async function discover(
  wanted: number | string[],
  seen: Map<string, SeenAgent>,
  timeoutMs: number,
  reporter: Reporter,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  reporter.info(
    `Looking for ${typeof wanted === 'number' ? `${wanted} idle agents` : `agents ${wanted.join(', ')}`} ...`,
  );
  for (;;) {
    const picked = pickAgents(wanted, seen, Date.now());
    if (picked.ok) return picked.names;
    if (Date.now() > deadline) {
      throw new KloadError('AGENTS_UNAVAILABLE', picked.reason, {
        hint: 'Start agents with `kload agent --brokers <the same brokers>`; an agent takes one run at a time.',
      });
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
