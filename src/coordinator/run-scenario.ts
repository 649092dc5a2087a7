/**
 * One run of a scenario on a cluster that is already there: create the topics, execute the
 * thread assignments, fold the workers' results into a RunResult and evaluate its thresholds.
 * A run in one process is a run of one segment: the result of many hosts and of one host are
 * built by the same merge (segment/merge-segments.ts).
 * It returns the result also when the run was interrupted or failed (a partial result says so in
 * `status`; nothing measured is thrown away) and writes nothing: the caller (the CLI, a sweep,
 * later an agent) decides where results go.
 */
import { readFileSync } from 'node:fs';
import { createTopics, waitForLeaders } from '../kafka/admin.js';
import { redactScenario } from '../result/redact-scenario.js';
import type { RunResult } from '../result/result-types.js';
import {
  SEGMENT_KIND,
  SEGMENT_SCHEMA_VERSION,
  type ClockOffsetRecord,
  type SegmentResult,
} from '../result/segment-types.js';
import type { Scenario } from '../scenario/types.js';
import type { ClusterDescription } from '../result/cluster-description.js';
import { CONSUMER_DEFAULTS, mergeProperties, PRODUCER_DEFAULTS } from './client-properties.js';
import { describeEnvironment } from './environment.js';
import { executeRun } from './execute-run.js';
import { AbortWatcher } from './abort-watcher.js';
import { WatermarkReader } from '../kafka/watermarks.js';
import { assignThreads } from './assign-threads.js';
import type { Reporter } from './reporter.js';
import { wallUs } from '../workers/clock.js';
import type { WorkerMessage } from '../workers/protocol.js';
import { WHOLE_RUN, type ExecutionSegment } from '../segment/execution-segment.js';
import { mergeSegments } from '../segment/merge-segments.js';
import { decodeConsumers, decodeProducers, encodeConsumers, encodeProducers } from '../segment/segment-codec.js';
import { FaultRunner } from '../faults/fault-runner.js';
import { refuseFaultsForCluster } from '../faults/fault-refusal.js';
import type { FaultRecord } from '../faults/fault-types.js';
import type { NodeControl } from '../faults/node-control.js';
import { measureFaults } from './build-result.js';

export interface RunOptions {
  scenario: Scenario;
  kloadVersion: string;
  /** A cluster that answers (see cluster/cluster-target.ts); the caller releases it. */
  cluster: ClusterDescription;
  clientConfig: Record<string, string>;
  signal: AbortSignal;
  reporter: Reporter;
  intervalMs?: number;
  drainTimeoutMs?: number;
  /** Stop as soon as a threshold can no longer pass (see abort-watcher.ts). */
  abortOnFail?: boolean;
  /** The cluster's nodes, for the scenario's node faults; null or absent when kload did not start it. */
  nodes?: NodeControl | null;
}

export interface RunOutcome {
  result: RunResult;
  /** Set when --abort-on-fail stopped the run: which threshold could no longer pass. */
  abortedBy: string | null;
}

/** One share of a run, for `--segment` and agents (segment/execution-segment.ts). */
export interface SegmentOptions extends RunOptions {
  segment: ExecutionSegment;
  /** Common to every segment of the run (default: a random one, for a run in one process). */
  runId?: number;
  /** Resolves to the schedule start on this host's monotonic clock, once its clients are ready (default: soon). */
  chooseStart?: () => Promise<number>;
  /** The agent running it (null by hand). */
  agent: string | null;
  /** This host's offset from the broker's clock; null when not measured. */
  clock: ClockOffsetRecord | null;
  /** Sees every worker message (agents forward them to the coordinator). */
  watch?: (m: WorkerMessage) => void;
  /** Test only: this host's wall clock is pretended off by this much (`clock` was measured with it). */
  clockShiftUs?: number;
}

/** A run in one process: its one segment, merged the way segments of many hosts are. */
export async function runScenario(o: RunOptions): Promise<RunOutcome> {
  const { segment, abortedBy, faults } = await runSegment({
    ...o,
    segment: WHOLE_RUN,
    agent: null,
    clock: null,
  });
  const result = mergeSegments([segment]);
  if (faults.length > 0) {
    result.faults = measureFaults({
      faults,
      phases: result.phases,
      producers: decodeProducers(segment.producers, 0),
      consumers: decodeConsumers(segment.consumers, 0),
      groups: o.scenario.consumers?.groups ?? [],
      intervalMs: segment.intervalMs,
      drained: segment.drained,
    });
  }
  return { result, abortedBy };
}

export async function runSegment(
  o: SegmentOptions,
): Promise<{ segment: SegmentResult; abortedBy: string | null; faults: FaultRecord[] }> {
  const { reporter, cluster } = o;
  // A scenario sent to an agent by an older kload has no faults list.
  const scenario = { ...o.scenario, faults: o.scenario.faults ?? [] };
  // The CLI refuses faults in split runs before this; a segment file has no place for fault records.
  if (scenario.faults.length > 0 && (o.segment.count > 1 || o.agent !== null)) {
    throw new Error('faults cannot run in one segment of a split run');
  }
  refuseFaultsForCluster(scenario, o.nodes ?? null);
  const startedAt = new Date();
  const topics = scenario.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions,
    replicationFactor: t.replicationFactor,
    configs: t.configs,
  }));
  const { created, existing } = await createTopics(cluster.brokers, topics, o.clientConfig);
  if (existing.length > 0) reporter.info(`Topics already present, used as they are: ${existing.join(', ')}`);
  if (created.length > 0) reporter.info(`Created topics: ${created.join(', ')}`);
  const partitions = await waitForLeaders(cluster.brokers, scenario.producers.topic, { properties: o.clientConfig });

  const segmented = o.segment.count > 1;
  const wallClockOffsetUs = (o.clockShiftUs ?? 0) + (o.clock?.offsetUs ?? 0);
  const threads = assignThreads(scenario, o.segment);
  const producerProperties = mergeProperties(PRODUCER_DEFAULTS, scenario.producers.properties, o.clientConfig);
  const consumerProperties = mergeProperties(CONSUMER_DEFAULTS, scenario.consumers?.properties ?? {}, o.clientConfig);
  const payload = scenario.producers.payload;
  const watermarks = scenario.consumers ? await WatermarkReader.connect(cluster.brokers, o.clientConfig) : null;
  const watchdog = new AbortController();
  let abortedBy: string | null = null;
  const watcher = o.abortOnFail
    ? new AbortWatcher(scenario, (reason) => {
        abortedBy = reason;
        reporter.warn(`Aborting (--abort-on-fail): ${reason}`);
        watchdog.abort();
      })
    : null;
  const signal = AbortSignal.any([o.signal, watchdog.signal]);
  const faults =
    scenario.faults.length > 0
      ? new FaultRunner({ faults: scenario.faults, phases: scenario.phases, nodes: o.nodes ?? null, reporter, signal })
      : undefined;
  const out = await executeRun({
    faults,
    watermarks,
    watch: (m) => {
      watcher?.observe(m);
      o.watch?.(m);
    },
    scenario,
    threads,
    brokers: cluster.brokers,
    partitions,
    producerProperties,
    consumerProperties,
    payloadLines:
      payload.type === 'file'
        ? readFileSync(payload.path, 'utf8')
            .split(/\r?\n/)
            .filter((l) => l.length > 0)
        : null,
    intervalMs: o.intervalMs ?? 1000,
    drainTimeoutMs: o.drainTimeoutMs ?? 30_000,
    signal,
    reporter,
    runId: o.runId,
    chooseStart: o.chooseStart,
    segmented: segmented ? { clientConfig: o.clientConfig } : undefined,
    wallClockOffsetUs,
  });
  await watermarks?.close();
  for (const e of out.collector.clientErrors.slice(0, 5)) reporter.warn(`client error: ${e}`);

  const status = out.failure ? 'failed' : signal.aborted ? 'interrupted' : 'complete';
  const why = abortedBy
    ? `aborted by --abort-on-fail: ${abortedBy}`
    : 'stopped by SIGINT (Ctrl-C) before the schedule ended';
  const segment: SegmentResult = {
    kind: SEGMENT_KIND,
    schemaVersion: SEGMENT_SCHEMA_VERSION,
    kload: { version: o.kloadVersion },
    runId: out.runId,
    segment: o.segment,
    agent: o.agent,
    status,
    statusReason: out.failure ? out.failure.message : signal.aborted ? why : null,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    scheduleStartWallUs: out.scheduleStartWallUs ?? wallUs() + wallClockOffsetUs,
    stoppedAfterSec: out.stoppedAfterSec,
    intervalMs: o.intervalMs ?? 1000,
    scenario: redactScenario(scenario),
    environment: describeEnvironment({
      cluster,
      producerProperties,
      consumerProperties,
      producerThreads: threads.producers.length,
      consumerThreads: threads.consumers.length,
      producerClient: scenario.producers.client,
      consumerClient: scenario.consumers?.client ?? null,
    }),
    clock: o.clock,
    producers: encodeProducers(out.producers),
    consumers: encodeConsumers(out.consumers),
    intervals: out.collector.series.map((s) => s.toDeltas()),
    lag: out.lag.map((byIndex) => [...byIndex.entries()]),
    drained: out.drained,
    clientErrors: out.collector.clientErrors.slice(0, 100),
  };
  return { segment, abortedBy, faults: out.faults };
}
