/**
 * One `kload run` of a scenario with a `sweep` block: resolve the cluster once, run every point
 * of the grid through the ordinary runScenario (so a point measures exactly what a run measures)
 * on its own fresh topic, read the topic's stored bytes from the brokers' disks when kload knows
 * where they are, drop the topic, and write ONE sweep result with every point and the models,
 * also when the sweep was interrupted or a point failed (the points so far are kept).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reporter } from '../coordinator/reporter.js';
import { runScenario } from '../coordinator/run-scenario.js';
import { deleteTopic } from '../kafka/admin.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import { resultFileName } from '../report/result-path.js';
import type { RunResult } from '../report/result-types.js';
import type { Scenario, SweepSpec } from '../scenario/types.js';
import { assembleSweepResult, type SweepEnding } from './assemble-result.js';
import { expandSweep, pointScenario, sweepRunId, type SweepPointParameters } from './grid.js';
import { describePointLoad, measurePoint } from './measure-point.js';
import { plannedPointMs, sweepProgress, type SweepProgress } from './progress.js';
import { settleDisk } from './settle-disk.js';
import { settledTopicLogBytes } from './stored-bytes.js';
import { resolveSweepCluster, type SweepClusterTarget } from './sweep-cluster.js';
import type { PointStorage, SweepPointResult, SweepResult } from './sweep-result-types.js';

export interface SweepRunOptions {
  scenario: Scenario;
  kloadVersion: string;
  brokers?: string | undefined;
  clientConfig: Record<string, string>;
  outDir: string;
  signal: AbortSignal;
  reporter: Reporter;
  /** Called before each point starts. */
  onPoint?: (progress: SweepProgress) => void;
  intervalMs?: number;
  drainTimeoutMs?: number;
}

export interface SweepOutcome {
  result: SweepResult;
  resultPath: string;
}

export async function runSweep(o: SweepRunOptions): Promise<SweepOutcome> {
  const sweep = o.scenario.sweep;
  if (sweep === undefined) throw new Error('runSweep needs a scenario with a sweep block');
  const startedAt = new Date();
  const grid = expandSweep(sweep, { topic: o.scenario.producers.topic, runId: sweepRunId(startedAt) });
  const phases = pointScenario(o.scenario, sweep, grid[0] as SweepPointParameters).phases;
  const cluster = await resolveSweepCluster({ ...o, log: (line) => o.reporter.info(line) });
  const points: SweepPointResult[] = [];
  let ending: SweepEnding;
  const scratch = await mkdtemp(join(tmpdir(), 'kload-sweep-'));
  try {
    o.reporter.info(`Cluster: ${cluster.brokers} (${cluster.kind}, ${cluster.brokerCount} broker${cluster.brokerCount > 1 ? 's' : ''})`);
    o.reporter.info(`Sweep: ${grid.length} points, each ${describePointLoad(phases)}, on a fresh topic.`);
    ending = await runPoints({ o, sweep, cluster, grid, plannedMs: plannedPointMs(phases), scratch, points });
  } catch (error) {
    // Nothing measured yet: the error itself (cluster unreachable, bad topic) is the answer.
    if (points.length === 0) throw error;
    ending = { status: 'failed', reason: `point ${points.length + 1} of ${grid.length} failed: ${(error as Error).message}` };
  } finally {
    await cluster.release();
    await rm(scratch, { recursive: true, force: true });
  }
  const result = assembleSweepResult({
    kloadVersion: o.kloadVersion,
    scenario: o.scenario,
    startedAt,
    finishedAt: new Date(),
    pointLoad: describePointLoad(phases),
    cluster,
    plannedPoints: grid.length,
    points,
    ending,
  });
  const resultPath = join(o.outDir, resultFileName(`${o.scenario.name}-sweep`, startedAt));
  await writeFileAtomic(resultPath, `${JSON.stringify(result, null, 2)}\n`);
  return { result, resultPath };
}

/** Runs the grid in order into `points`; stops at Ctrl-C or at the first point that did not complete. */
async function runPoints(r: {
  o: SweepRunOptions;
  sweep: SweepSpec;
  cluster: SweepClusterTarget;
  grid: readonly SweepPointParameters[];
  plannedMs: number;
  scratch: string;
  points: SweepPointResult[];
}): Promise<SweepEnding> {
  const total = r.grid.length;
  const tookMs: number[] = [];
  for (const parameters of r.grid) {
    if (r.o.signal.aborted) return { status: 'interrupted', reason: `interrupted (SIGINT) after ${r.points.length} of ${total} points` };
    r.o.onPoint?.(sweepProgress({ parameters, total, completedPointMs: tookMs, plannedPointMs: r.plannedMs }));
    const began = Date.now();
    const point = await runPoint(r.o, r.sweep, r.cluster, parameters, r.scratch);
    tookMs.push(Date.now() - began);
    r.points.push(point);
    const { status, statusReason } = point.result;
    if (status !== 'complete') return { status, reason: `point ${parameters.index + 1} of ${total} ${status}: ${statusReason ?? status}` };
  }
  return { status: 'complete', reason: null };
}

async function runPoint(
  o: SweepRunOptions,
  sweep: SweepSpec,
  cluster: SweepClusterTarget,
  parameters: SweepPointParameters,
  scratch: string,
): Promise<SweepPointResult> {
  const scenario = pointScenario(o.scenario, sweep, parameters);
  const label = `point ${parameters.index + 1}`;
  // runScenario writes its own result file; the sweep keeps that result inside its own file instead.
  const { result } = await runScenario({
    scenario,
    kloadVersion: o.kloadVersion,
    brokers: cluster.brokers,
    clientConfig: o.clientConfig,
    outDir: scratch,
    signal: o.signal,
    reporter: pointReporter(o.reporter, label, scenario),
    ...(o.intervalMs === undefined ? {} : { intervalMs: o.intervalMs }),
    ...(o.drainTimeoutMs === undefined ? {} : { drainTimeoutMs: o.drainTimeoutMs }),
  });
  const measurement = measurePoint(result, scenario);
  let storage: PointStorage | null = null;
  if (cluster.logDirs !== null && measurement !== null) {
    const logBytes = await settledTopicLogBytes(cluster.logDirs, parameters.topic);
    const messages = measurement.messagesAcked;
    const bytesPerMessage = messages > 0 ? logBytes / messages : 0;
    storage = { logBytes, messages, bytesPerMessage, overheadBytesPerMessage: bytesPerMessage - parameters.messageBytes };
  }
  // The cluster runs here: leave the next point a page cache without this point's dirty pages.
  if (cluster.kind !== 'external') await settleDisk();
  // The point's topic was made for this sweep alone; dropping it keeps a long sweep from filling the disk.
  await deleteTopic(cluster.brokers, parameters.topic, o.clientConfig).catch((error: Error) =>
    o.reporter.warn(`${label}: could not delete topic ${parameters.topic}: ${error.message}`),
  );
  return { parameters, measurement, storage, result: withClusterKind(result, cluster) };
}

/**
 * Per-point "Cluster:" and "Created topics" lines would repeat the sweep's header n times, and a
 * warmup that could not keep its schedule (connections still opening) is not a finding: warmups
 * are not measured.
 */
function pointReporter(reporter: Reporter, label: string, scenario: Scenario): Reporter {
  const warmups = scenario.phases.filter((p) => p.type === 'warmup').map((p) => `phase ${p.name} is generator-bound`);
  return {
    info: () => {},
    warn: (line) => {
      if (!warmups.some((prefix) => line.startsWith(prefix))) reporter.warn(`${label}: ${line}`);
    },
    progress: (snapshot) => reporter.progress(snapshot),
  };
}

/** runScenario was handed the address, so it calls the cluster external; the sweep knows better. */
function withClusterKind(result: RunResult, cluster: SweepClusterTarget): RunResult {
  if (cluster.kind === 'external') return result;
  return { ...result, environment: { ...result.environment, cluster: 'embedded', kafka: cluster.kafkaVersion } };
}
