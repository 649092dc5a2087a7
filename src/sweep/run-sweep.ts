/**
 * One `kload run` of a scenario with a `sweep` block: resolve the cluster once (or, with
 * sweep.brokers, start a fresh one of the point's size for every point), run every point of the
 * grid through the ordinary runScenario (so a point measures exactly what a run measures) on its
 * own fresh topic, read the topic's stored bytes from the brokers' disks when kload knows where
 * they are, drop the topic, and write ONE sweep result with every point and the models, also
 * when the sweep was interrupted or a point failed (the points so far are kept).
 */
import type { Reporter } from '../coordinator/reporter.js';
import { runSegment } from '../coordinator/run-scenario.js';
import { WHOLE_RUN } from '../segment/execution-segment.js';
import { mergeSegments } from '../segment/merge-segments.js';
import { deleteTopic } from '../kafka/admin.js';
import type { ClusterTarget } from '../cluster/cluster-target.js';
import { KloadError } from '../errors.js';
import type { Scenario, SweepSpec } from '../scenario/types.js';
import { assembleSweepResult, type SweepEnding } from './assemble-result.js';
import { expandSweep, pointScenario, sweepRunId, type SweepPointParameters } from './grid.js';
import { describePointLoad, measurePoint } from './measure-point.js';
import {
  perPointClusterDescription,
  replicationCapText,
  startEmbeddedPointCluster,
  type StartPointCluster,
} from './point-clusters.js';
import { measuredPhaseOffsetMs, OffsetsAtPhaseStart, pointStorage } from './point-storage.js';
import { plannedPointMs, sweepProgress, type SweepProgress } from './progress.js';
import { settleDisk } from './settle-disk.js';
import { settledTopicLogBytes, topicLogBytesFrom } from './stored-bytes.js';
import type { PointStorage, SweepPointResult, SweepResult } from './sweep-result-types.js';

export interface SweepRunOptions {
  scenario: Scenario;
  kloadVersion: string;
  /**
   * The one cluster every point runs on (a temporary cluster per point would cost a JVM start
   * each); null when the sweep has `brokers`, whose points each start their own.
   */
  cluster: ClusterTarget | null;
  /** With sweep.brokers: how a point's cluster starts. Default: a temporary embedded cluster. */
  startPointCluster?: StartPointCluster;
  clientConfig: Record<string, string>;
  signal: AbortSignal;
  reporter: Reporter;
  /** Called before each point starts. */
  onPoint?: (progress: SweepProgress) => void;
  intervalMs?: number;
  drainTimeoutMs?: number;
}

/** Runs every point; the caller writes the result and releases the cluster. */
export async function runSweep(o: SweepRunOptions): Promise<SweepResult> {
  const sweep = o.scenario.sweep;
  if (sweep === undefined) throw new Error('runSweep needs a scenario with a sweep block');
  const startedAt = new Date();
  const replicationFactor = topicReplicationFactor(o.scenario);
  const naming = { topic: o.scenario.producers.topic, runId: sweepRunId(startedAt) };
  const grid = expandSweep(sweep, naming, replicationFactor);
  const phases = pointScenario(o.scenario, sweep, grid[0] as SweepPointParameters).phases;
  const clusters = pointClusters(o, sweep);
  const points: SweepPointResult[] = [];
  let ending: SweepEnding;
  try {
    o.reporter.info(`Sweep: ${grid.length} points, each ${describePointLoad(phases)}, on ${where(sweep, o.scenario)}.`);
    ending = await runPoints({ o, sweep, clusters, grid, plannedMs: plannedPointMs(phases), points });
  } catch (error) {
    // Nothing measured yet: the error itself (cluster unreachable, bad topic) is the answer.
    if (points.length === 0) throw error;
    ending = {
      status: 'failed',
      reason: `point ${points.length + 1} of ${grid.length} failed: ${(error as Error).message}`,
    };
  }
  return assembleSweepResult({
    kloadVersion: o.kloadVersion,
    scenario: o.scenario,
    startedAt,
    finishedAt: new Date(),
    pointLoad: describePointLoad(phases),
    cluster: clusters.description(),
    plannedPoints: grid.length,
    points,
    ending,
  });
}

function topicReplicationFactor(scenario: Scenario): number {
  return scenario.topics.find((t) => t.name === scenario.producers.topic)?.replicationFactor ?? 1;
}

/** "a fresh topic", or with brokers "a fresh topic of a fresh 1- or 3-broker cluster (replication ...)". */
function where(sweep: SweepSpec, scenario: Scenario): string {
  if (sweep.brokers === undefined) return 'a fresh topic';
  const cap = replicationCapText(topicReplicationFactor(scenario), sweep.brokers);
  return `a fresh topic of a fresh ${sweep.brokers.join('- or ')}-broker cluster${cap === '' ? '' : ` (${cap})`}`;
}

interface PointClusters {
  /** The cluster a point runs on, and what to do once it is done. */
  acquire(parameters: SweepPointParameters): Promise<{ cluster: ClusterTarget; release: () => Promise<void> }>;
  /** The sweep result's `cluster`. */
  description(): SweepResult['cluster'];
}

function pointClusters(o: SweepRunOptions, sweep: SweepSpec): PointClusters {
  const shared = o.cluster;
  if (sweep.brokers === undefined) {
    if (shared === null) throw new Error('runSweep needs a cluster unless the sweep has brokers');
    return { acquire: async () => ({ cluster: shared, release: async () => {} }), description: () => shared };
  }
  if (shared !== null) {
    throw new KloadError('INVALID_ARGUMENT', 'a sweep with brokers starts its own cluster for every point', {
      hint: 'Pass no cluster (cluster: null) to run it, or remove sweep.brokers to sweep the given cluster.',
    });
  }
  const start = o.startPointCluster ?? startEmbeddedPointCluster;
  const started: ClusterTarget[] = [];
  return {
    acquire: async (parameters) => {
      const brokers = parameters.brokers as number; // expandSweep sets it on every point of such a sweep
      const label = `point ${parameters.index + 1}`;
      o.reporter.info(`${label}: starting a fresh ${brokers}-broker embedded cluster`);
      const cluster = await start(brokers, (line) => o.reporter.info(`${label}: ${line}`));
      started.push(cluster);
      return { cluster, release: () => cluster.release() };
    },
    description: () => perPointClusterDescription(started, sweep.brokers ?? []),
  };
}

/** Runs the grid in order into `points`; stops at Ctrl-C or at the first point that did not complete. */
async function runPoints(r: {
  o: SweepRunOptions;
  sweep: SweepSpec;
  clusters: PointClusters;
  grid: readonly SweepPointParameters[];
  plannedMs: number;
  points: SweepPointResult[];
}): Promise<SweepEnding> {
  const total = r.grid.length;
  const tookMs: number[] = [];
  for (const parameters of r.grid) {
    if (r.o.signal.aborted)
      return { status: 'interrupted', reason: `interrupted (SIGINT) after ${r.points.length} of ${total} points` };
    r.o.onPoint?.(sweepProgress({ parameters, total, completedPointMs: tookMs, plannedPointMs: r.plannedMs }));
    const began = Date.now();
    const { cluster, release } = await r.clusters.acquire(parameters);
    let point: SweepPointResult;
    try {
      point = await runPoint(r.o, r.sweep, cluster, parameters);
    } finally {
      await release();
    }
    tookMs.push(Date.now() - began);
    r.points.push(point);
    const { status, statusReason } = point.result;
    if (status !== 'complete')
      return { status, reason: `point ${parameters.index + 1} of ${total} ${status}: ${statusReason ?? status}` };
  }
  return { status: 'complete', reason: null };
}

async function runPoint(
  o: SweepRunOptions,
  sweep: SweepSpec,
  cluster: ClusterTarget,
  parameters: SweepPointParameters,
): Promise<SweepPointResult> {
  const scenario = pointScenario(o.scenario, sweep, parameters);
  const label = `point ${parameters.index + 1}`;
  const offsetMs = measuredPhaseOffsetMs(scenario.phases);
  const atPhaseStart =
    cluster.logDirs !== null && offsetMs !== null
      ? OffsetsAtPhaseStart.forCluster(
          { brokers: cluster.brokers, clientConfig: o.clientConfig },
          parameters.topic,
          parameters.partitions,
          offsetMs,
        )
      : null;
  try {
    // runScenario's own steps, with a start hook that reads the offsets as the measured phase begins.
    const { segment } = await runSegment({
      scenario,
      kloadVersion: o.kloadVersion,
      cluster,
      clientConfig: o.clientConfig,
      signal: o.signal,
      reporter: pointReporter(o.reporter, label),
      ...(o.intervalMs === undefined ? {} : { intervalMs: o.intervalMs }),
      ...(o.drainTimeoutMs === undefined ? {} : { drainTimeoutMs: o.drainTimeoutMs }),
      segment: WHOLE_RUN,
      agent: null,
      clock: null,
      ...(atPhaseStart === null ? {} : { chooseStart: atPhaseStart.chooseStart }),
    });
    const result = mergeSegments([segment]);
    // A warmup that could not keep its schedule (connections still opening) is not a finding: warmups are not measured.
    for (const p of result.phases) {
      if (p.type === 'warmup') continue;
      for (const reason of p.generatorBoundReasons)
        o.reporter.warn(`${label}: phase ${p.name} is generator-bound: ${reason}`);
    }
    const measurement = measurePoint(result, scenario);
    const storage =
      cluster.logDirs !== null && measurement !== null && atPhaseStart !== null
        ? await measuredPhaseStorage(cluster.logDirs, parameters, atPhaseStart)
        : null;
    // The cluster runs here: leave the next point a page cache without this point's dirty pages.
    if (cluster.kind !== 'external') await settleDisk();
    // The point's topic was made for this sweep alone; dropping it keeps a long sweep from filling the disk.
    await deleteTopic(cluster.brokers, parameters.topic, o.clientConfig).catch((error: Error) =>
      o.reporter.warn(`${label}: could not delete topic ${parameters.topic}: ${error.message}`),
    );
    return { parameters, measurement, storage, result };
  } finally {
    await atPhaseStart?.close();
  }
}

/** Null when the offsets were not read as the phase began (a run stopped before it). */
async function measuredPhaseStorage(
  logDirs: readonly string[],
  parameters: SweepPointParameters,
  atPhaseStart: OffsetsAtPhaseStart,
): Promise<PointStorage | null> {
  const firstOffsets = atPhaseStart.firstOffsets;
  if (firstOffsets === null) return null;
  await settledTopicLogBytes(logDirs, parameters.topic);
  return pointStorage({
    logBytes: topicLogBytesFrom(logDirs, parameters.topic, firstOffsets),
    firstOffsets,
    endOffsets: await atPhaseStart.endOffsets(),
    messageBytes: parameters.messageBytes,
  });
}

/** Per-point "Created topics" lines would repeat the sweep's header n times. */
function pointReporter(reporter: Reporter, label: string): Reporter {
  return {
    info: () => {},
    warn: (line) => reporter.warn(`${label}: ${line}`),
    progress: (snapshot) => reporter.progress(snapshot),
  };
}
