/**
 * One run of a scenario on a cluster that is already there: create the topics, execute the
 * thread assignments, fold the workers' results into a RunResult and evaluate its thresholds.
 * It returns the result also when the run was interrupted or failed (a partial result says so in
 * `status`; nothing measured is thrown away) and writes nothing: the caller (the CLI, a sweep,
 * later an agent) decides where results go.
 */
import { readFileSync } from 'node:fs';
import { createTopics, waitForLeaders } from '../kafka/admin.js';
import { redactScenario } from '../result/redact-scenario.js';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../result/result-types.js';
import { summarizeRun } from '../result/summary.js';
import type { Scenario } from '../scenario/types.js';
import type { ClusterDescription } from '../result/cluster-description.js';
import { buildPhaseResults, phaseDurations } from './build-result.js';
import { CONSUMER_DEFAULTS, mergeProperties, PRODUCER_DEFAULTS } from './client-properties.js';
import { describeEnvironment } from './environment.js';
import { executeRun } from './execute-run.js';
import { AbortWatcher } from './abort-watcher.js';
import { evaluateThresholds } from '../thresholds/evaluate.js';
import { DEFAULT_GENERATOR_BOUNDS } from './generator-bound.js';
import { integrityByPhase } from './integrity.js';
import { WatermarkReader } from '../kafka/watermarks.js';
import { assignThreads } from './assign-threads.js';
import type { Reporter } from './reporter.js';

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
}

export interface RunOutcome {
  result: RunResult;
  /** Set when --abort-on-fail stopped the run: which threshold could no longer pass. */
  abortedBy: string | null;
}

export async function runScenario(o: RunOptions): Promise<RunOutcome> {
  const { scenario, reporter, cluster } = o;
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

  const threads = assignThreads(scenario);
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
  const out = await executeRun({
    watermarks,
    watch: watcher ? (m) => watcher.observe(m) : undefined,
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
  });
  await watermarks?.close();
  for (const e of out.collector.clientErrors.slice(0, 5)) reporter.warn(`client error: ${e}`);

  const phases = buildPhaseResults({
    scenario,
    producers: out.producers,
    consumers: out.consumers,
    series: out.collector.series,
    durationsSec: phaseDurations(scenario, out.stoppedAfterSec),
    lag: out.lag,
    integrity: scenario.consumers
      ? integrityByPhase(scenario.phases.length, scenario.consumers.groups, out.producers, out.consumers)
      : null,
    bounds: DEFAULT_GENERATOR_BOUNDS,
  });
  const status = out.failure ? 'failed' : signal.aborted ? 'interrupted' : 'complete';
  const why = abortedBy
    ? `aborted by --abort-on-fail: ${abortedBy}`
    : 'interrupted (SIGINT) before the schedule ended; partial results';
  const result: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kload: { version: o.kloadVersion },
    status,
    statusReason: out.failure ? out.failure.message : signal.aborted ? why : null,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
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
    phases,
    thresholds: [],
    summary: summarizeRun(phases),
  };
  result.thresholds = evaluateThresholds(scenario.thresholds, result);
  return { result, abortedBy };
}
