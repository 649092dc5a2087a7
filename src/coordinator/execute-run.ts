/**
 * Runs the planned workers against a ready cluster: consumers first (until every group holds all
 * partitions, so end-to-end latency is not inflated by a late join), then producers on one common
 * start time; then the drain, until every group has read what was acknowledged.
 */
import { randomInt } from 'node:crypto';
import type { Scenario } from '../scenario/types.js';
import { nowUs, wallUs } from '../workers/clock.js';
import { GroupPositions } from '../segment/group-positions.js';
import { drainToWatermarks } from './drain.js';
import type { ConsumerWorkerResult, ProducerWorkerResult, WorkerMessage } from '../workers/protocol.js';
import { Collector } from './collector.js';
import type { ThreadAssignments } from './assign-threads.js';
import { ProgressTicker } from './progress-ticker.js';
import type { Reporter } from './reporter.js';
import { waitUntil } from './wait-until.js';
import { WorkerPool, type RunningTask } from './worker-pool.js';
import { LagSampler } from './lag-sampler.js';
import type { WatermarkReader } from '../kafka/watermarks.js';
import type { ScheduledFaults } from '../faults/fault-runner.js';
import type { FaultRecord } from '../faults/fault-types.js';

export interface ExecuteInput {
  scenario: Scenario;
  threads: ThreadAssignments;
  brokers: string;
  partitions: number;
  producerProperties: Record<string, string>;
  consumerProperties: Record<string, string>;
  payloadLines: string[] | null;
  intervalMs: number;
  drainTimeoutMs: number;
  signal: AbortSignal;
  reporter: Reporter;
  /** For the drain and consumer lag; null when the run has no consumers. */
  watermarks: WatermarkReader | null;
  /** Sees every worker message too (--abort-on-fail watches latencies with it, agents forward them). */
  watch?: (m: WorkerMessage) => void;
  /** Shared by every segment of one run (their consumers read each other's messages); default random. */
  runId?: number;
  /**
   * Called once every client of this process is ready; resolves to the schedule's start on the
   * monotonic clock. Default: 200 ms later. Segments start on a common wall-clock time instead.
   */
  chooseStart?: () => Promise<number>;
  /**
   * Set when this process runs one segment of several: other processes hold members of the
   * groups, so the assignment wait is left to the start time and the drain reads committed offsets.
   */
  segmented?: { clientConfig: Record<string, string> };
  /** Added to the wall clock of stamps and of end-to-end latency (the host's offset from the broker). */
  wallClockOffsetUs?: number;
  /** The scenario's faults: started with the schedule, finished before the drain (the cluster whole again). */
  faults?: ScheduledFaults;
}

export interface ExecuteOutput {
  producers: ProducerWorkerResult[];
  consumers: ConsumerWorkerResult[];
  collector: Collector;
  /** Seconds into the schedule when a stop was requested; null when the schedule ran out. */
  stoppedAfterSec: number | null;
  /** The first worker failure, if any (results above are then partial). */
  failure: Error | null;
  /** False when the drain ran out of time or was skipped (a stop, a failure). */
  drained: boolean;
  runId: number;
  /** The schedule's start on the wall clock (µs, offset included); null when it never started. */
  scheduleStartWallUs: number | null;
  /** Consumer lag by phase, then interval index. */
  lag: Map<number, number>[];
  /** What each fault did and when (impact not yet measured); empty without faults. */
  faults: FaultRecord[];
}

export async function executeRun(input: ExecuteInput): Promise<ExecuteOutput> {
  const { scenario, threads, reporter } = input;
  const runId = input.runId ?? randomInt(2 ** 31);
  const producerStop = new Int32Array(new SharedArrayBuffer(4));
  const consumerStop = new Int32Array(new SharedArrayBuffer(4));
  const collector = new Collector(scenario.phases.length, input.intervalMs);
  const observe = (m: WorkerMessage) => {
    collector.handle(m);
    input.watch?.(m);
  };
  const tracker = new FailureTracker();
  let startAtUs: number | null = null;
  let stoppedAfterSec: number | null = null;
  const stopAll = () => {
    if (stoppedAfterSec === null && startAtUs !== null) stoppedAfterSec = Math.max(0, (nowUs() - startAtUs) / 1e6);
    Atomics.store(producerStop, 0, 1);
    Atomics.store(consumerStop, 0, 1);
  };
  input.signal.addEventListener('abort', stopAll, { once: true });
  tracker.onFailure = stopAll;

  const common = {
    brokers: input.brokers,
    topic: scenario.producers.topic,
    runId,
    intervalMs: input.intervalMs,
    wallClockOffsetUs: input.wallClockOffsetUs ?? 0,
  };
  const consumerPool =
    threads.consumers.length > 0
      ? new WorkerPool<ConsumerWorkerResult>(
          new URL('../workers/consumer-task.js', import.meta.url),
          threads.consumers.length,
        )
      : null;
  const producerPool = new WorkerPool<ProducerWorkerResult>(
    new URL('../workers/producer-task.js', import.meta.url),
    threads.producers.length,
  );
  let consumerTasks: RunningTask<ConsumerWorkerResult>[] = [];
  let producerTasks: RunningTask<ProducerWorkerResult>[] = [];
  // The sampler is made below; the ticker reads it only once the run has started.
  const ticker = new ProgressTicker(scenario, collector, reporter, () => lagSampler?.latest ?? null);
  const groups = scenario.consumers?.groups ?? [];
  let phaseStart = 0;
  const phaseStartsSec = scenario.phases.map((p) => (phaseStart += p.durationMs / 1000) - p.durationMs / 1000);
  const positions =
    input.segmented && input.watermarks && threads.consumers.length > 0
      ? await GroupPositions.open({
          brokers: input.brokers,
          properties: input.segmented.clientConfig,
          groups,
          topic: scenario.producers.topic,
          partitions: input.partitions,
          local: collector,
        })
      : null;
  positions?.follow();
  // Where the drain and the lag learn how far groups read; null: this segment has no consumers.
  const readFrom = input.segmented ? positions : collector;
  const lagSampler =
    input.watermarks && readFrom
      ? new LagSampler(input.watermarks, scenario.producers.topic, input.partitions, groups, readFrom, phaseStartsSec)
      : null;
  let drained = false;
  let scheduleStartWallUs: number | null = null;
  try {
    consumerTasks = threads.consumers.map((c) =>
      tracker.track(
        consumerPool!.start(
          {
            ...common,
            role: 'consumer',
            workerId: c.workerId,
            topic: scenario.consumers!.topic,
            members: c.members,
            client: scenario.consumers!.client,
            phases: threads.producers[0]!.phases,
            stopFlag: consumerStop.buffer as SharedArrayBuffer,
            properties: input.consumerProperties,
          },
          (m) => observe(m),
        ),
      ),
    );
    if (scenario.consumers && !input.segmented) {
      reporter.info(
        `Waiting for consumer group${groups.length > 1 ? 's' : ''} ${groups.join(', ')} ` +
          `to take all ${input.partitions} partitions ...`,
      );
      await waitUntil(
        'consumer groups to be assigned every partition',
        () => input.signal.aborted || groups.every((g) => collector.assignedPartitions(g) === input.partitions),
        60_000,
        () => tracker.failure,
      );
    }
    // Partitions this run never writes to need no drain (a reused group may never read them).
    const highAtStart = input.watermarks
      ? await input.watermarks.highWatermarks(scenario.producers.topic, input.partitions)
      : [];
    producerTasks = threads.producers.map((p) =>
      tracker.track(
        producerPool.start(
          {
            ...common,
            role: 'producer',
            workerId: p.workerId,
            producerIds: p.producerIds,
            phases: p.phases,
            client: scenario.producers.client,
            stopFlag: producerStop.buffer as SharedArrayBuffer,
            message: scenario.producers.message,
            keys: scenario.producers.keys,
            payload: scenario.producers.payload,
            payloadLines: input.payloadLines,
            properties: input.producerProperties,
          },
          (m) => observe(m),
        ),
      ),
    );
    await waitUntil(
      'producers to connect',
      () => input.signal.aborted || threads.producers.every((p) => collector.ready.has(p.workerId)),
      60_000,
      () => tracker.failure,
    );

    startAtUs = input.chooseStart ? await input.chooseStart() : nowUs() + 200_000;
    scheduleStartWallUs = startAtUs + (wallUs() - nowUs()) + (input.wallClockOffsetUs ?? 0);
    for (const t of [...producerTasks, ...consumerTasks]) t.send({ type: 'start', startAtUs });
    ticker.start(startAtUs);
    lagSampler?.start(startAtUs);
    input.faults?.start(startAtUs);
    const producers = await settledValues(producerTasks);
    ticker.stop();
    const faults = (await input.faults?.finish()) ?? [];

    // Without consumers here (none in the run, or all on other hosts) there is nothing to drain.
    drained = !input.watermarks || !readFrom;
    if (input.watermarks && readFrom && !input.signal.aborted && !tracker.failure) {
      drained = await drainToWatermarks(input.watermarks, highAtStart, groups, readFrom, input, () => tracker.failure);
    }
    lagSampler?.stop();
    Atomics.store(consumerStop, 0, 1);
    const consumers = await settledValues(consumerTasks);
    return {
      producers,
      consumers,
      collector,
      stoppedAfterSec,
      failure: tracker.failure,
      lag: lagSampler?.samples ?? [],
      drained,
      runId,
      scheduleStartWallUs,
      faults,
    };
  } catch (err) {
    stopAll();
    const producers = await settledValues(producerTasks);
    const faults = (await input.faults?.finish()) ?? [];
    const consumers = await settledValues(consumerTasks);
    return {
      producers,
      consumers,
      collector,
      stoppedAfterSec,
      failure: tracker.failure ?? (err as Error),
      lag: lagSampler?.samples ?? [],
      drained: false,
      runId,
      scheduleStartWallUs,
      faults,
    };
  } finally {
    ticker.stop();
    lagSampler?.stop();
    input.signal.removeEventListener('abort', stopAll);
    await Promise.all([producerPool.destroy(), consumerPool?.destroy(), positions?.close()]);
  }
}

/** Remembers the first task that failed and stops the others through `onFailure`. */
class FailureTracker {
  failure: Error | null = null;
  onFailure: () => void = () => {};

  track<R>(task: RunningTask<R>): RunningTask<R> {
    task.result.catch((err: Error) => {
      if (!this.failure) {
        this.failure = err;
        this.onFailure();
      }
    });
    return task;
  }
}

async function settledValues<R>(tasks: RunningTask<R>[]): Promise<R[]> {
  const settled = await Promise.allSettled(tasks.map((t) => t.result));
  return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}
