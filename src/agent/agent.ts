/**
 * `kload agent`: a process on a load host that announces itself on the control topic, takes one
 * segment at a time from a coordinator, runs it like `kload run --segment` would, streams its
 * workers' interval stats while it runs and sends the segment result back. It refuses work
 * while busy, so a second coordinator cannot take it mid-run.
 */
import { hostname } from 'node:os';
import type { ClusterDescription } from '../result/cluster-description.js';
import type { Reporter } from '../coordinator/reporter.js';
import { runSegment } from '../coordinator/run-scenario.js';
import { measureClockOffset } from '../kafka/clock-offset.js';
import { startOnMonotonic } from '../segment/start-time.js';
import { wallUs } from '../workers/clock.js';
import { ControlChannel } from './control-channel.js';
import type { Assign, ControlMessage } from './control-protocol.js';
import { toChunks } from './result-chunks.js';
import { StatsForwarder } from './stats-forwarder.js';
import type { AgentMetrics } from '../live/agent-metrics.js';

export interface AgentOptions {
  name: string;
  brokers: string;
  clientConfig: Record<string, string>;
  controlTopic: string;
  kloadVersion: string;
  reporter: Reporter;
  /** Ctrl-C: finish (or stop) the current segment cooperatively, then leave. */
  signal: AbortSignal;
  /** Test only: pretend this host's wall clock is off by this much (the clock correction must undo it). */
  clockShiftUs?: number;
  /** How long to wait for the coordinator's start once prepared. */
  startTimeoutMs?: number;
  /** `kload agent --metrics`: live metrics of each segment. */
  metrics?: AgentMetrics;
}

interface Job {
  runId: number;
  coordinator: string;
  stop: AbortController;
  started: (startAtWallUs: number) => void;
}

const HEARTBEAT_MS = 1000;

export async function runAgent(o: AgentOptions): Promise<void> {
  const channel = await ControlChannel.open({
    brokers: o.brokers,
    properties: o.clientConfig,
    topic: o.controlTopic,
    onIgnored: (reason) => o.reporter.warn(`ignored a control message: ${reason}`),
  });
  let job: Job | null = null;
  const heartbeat = () =>
    channel.send({
      type: 'heartbeat',
      agent: o.name,
      state: job ? 'busy' : 'idle',
      runId: job?.runId ?? null,
      coordinator: job?.coordinator ?? null,
      host: hostname(),
      kloadVersion: o.kloadVersion,
    });
  const beat = setInterval(heartbeat, HEARTBEAT_MS);
  heartbeat();
  o.reporter.info(`Agent ${o.name} waiting for work on ${o.controlTopic} at ${o.brokers} (Ctrl-C to leave).`);

  let running: Promise<void> = Promise.resolve();
  channel.on((m: ControlMessage) => {
    if (m.type === 'assign' && m.agent === o.name) {
      if (job) {
        const reason = `busy with run ${job.runId} of coordinator ${job.coordinator}`;
        channel.send({ type: 'decline', agent: o.name, coordinator: m.coordinator, runId: m.runId, reason });
        return;
      }
      let started: (t: number) => void = () => {};
      const startAt = new Promise<number>((resolve) => (started = resolve));
      const current: Job = { runId: m.runId, coordinator: m.coordinator, stop: new AbortController(), started };
      job = current;
      channel.send({ type: 'accept', agent: o.name, coordinator: m.coordinator, runId: m.runId });
      heartbeat();
      running = runJob(o, channel, m, current, startAt).finally(() => {
        job = null;
        heartbeat();
      });
    } else if (m.type === 'start' && job && m.runId === job.runId) {
      job.started(m.startAtWallUs);
    } else if (m.type === 'stop' && job && m.runId === job.runId) {
      o.reporter.warn(`Run ${m.runId} stopped by its coordinator: ${m.reason}`);
      job.stop.abort();
    }
  });

  await new Promise<void>((resolve) => o.signal.addEventListener('abort', () => resolve(), { once: true }));
  (job as Job | null)?.stop.abort();
  await running;
  clearInterval(beat);
  await channel.close();
}

async function runJob(o: AgentOptions, channel: ControlChannel, m: Assign, job: Job, startAt: Promise<number>) {
  const where = `segment ${m.segment.index}/${m.segment.count} of run ${m.runId}`;
  o.reporter.info(`Running ${where} of ${m.scenario.name} for ${m.coordinator}`);
  const forwarder = new StatsForwarder((messages) =>
    channel.send({ type: 'stats', agent: o.name, runId: m.runId, messages }),
  );
  const live = o.metrics?.begin(m.scenario, m.runId, o.reporter);
  try {
    const shift = o.clockShiftUs ?? 0;
    const measured = await measureClockOffset(o.brokers, o.clientConfig, { wallClock: () => wallUs() + shift });
    const clock = { offsetUs: measured.offsetUs, boundUs: measured.boundUs, method: measured.method };
    const offsetUs = shift + measured.offsetUs;
    forwarder.start();
    const { segment } = await runSegment({
      scenario: m.scenario,
      kloadVersion: o.kloadVersion,
      cluster: agentCluster(o.brokers),
      clientConfig: o.clientConfig,
      signal: AbortSignal.any([job.stop.signal, o.signal]),
      reporter: live?.reporter ?? o.reporter,
      intervalMs: m.intervalMs,
      segment: m.segment,
      runId: m.runId,
      agent: o.name,
      clock,
      clockShiftUs: shift,
      watch: (w) => {
        forwarder.add(w);
        live?.watch(w);
      },
      chooseStart: async () => {
        channel.send({
          type: 'prepared',
          agent: o.name,
          runId: m.runId,
          clockOffsetUs: clock.offsetUs,
          clockBoundUs: clock.boundUs,
        });
        const startAtWallUs = await Promise.race([startAt, stopped(job.stop.signal, o.startTimeoutMs ?? 60_000)]);
        return startOnMonotonic(startAtWallUs, offsetUs, o.reporter);
      },
    });
    forwarder.stop();
    live?.finish();
    const chunks = toChunks(segment);
    chunks.forEach((data, index) =>
      channel.send({ type: 'result-chunk', agent: o.name, runId: m.runId, index, total: chunks.length, data }),
    );
    await channel.flush();
    o.reporter.info(`Sent the result of ${where} (${segment.status}).`);
  } catch (err) {
    forwarder.stop();
    o.reporter.warn(`${where} failed: ${(err as Error).message}`);
    channel.send({ type: 'failed', agent: o.name, runId: m.runId, message: (err as Error).message });
    await channel.flush().catch(() => undefined);
  }
}

/** Rejects when the job is stopped before its start, or when the start never comes. */
function stopped(signal: AbortSignal, timeoutMs: number): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start from the coordinator in ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    timer.unref();
    signal.addEventListener('abort', () => reject(new Error('stopped by the coordinator before the start')), {
      once: true,
    });
  });
}

function agentCluster(brokers: string): ClusterDescription {
  return {
    kind: 'external',
    brokers,
    brokerCount: brokers.split(',').length,
    kafkaVersion: null,
    logDirs: null,
    logDirsUnavailableReason: 'an agent does not read broker disks',
  };
}
