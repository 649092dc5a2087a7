/**
 * Piscina task: one worker thread's consumer group members for the whole run. Counts the
 * messages of this run (by the run id in their stamp) per phase and records end-to-end latency:
 * consume time - intended send time, on the monotonic clock when producer and consumer share a
 * process, else on the wall clock. Messages arrive as typed arrays (consumer-driver.ts).
 */
import {
  createRecordingHistogram,
  encodeHistogram,
  loadRecordingEngine,
  recordUs,
  type Histogram,
} from '../metrics/histogram.js';
import { createConsumedBatch } from '../native/addon.js';
import { CLOCK_DOMAIN_ID, nowUs, wallUs } from './clock.js';
import { CountsByInterval } from './counts-by-interval.js';
import { connectConsumers, type ConsumerMembers, type MemberHandle } from './consumer-clients.js';
import type { ConsumedBatch } from './consumer-driver.js';
import { GroupTracker } from './group-tracker.js';
import { IntervalReporter } from './interval-clock.js';
import type { ConsumerAssignment, ConsumerWorkerResult, WorkerMessage } from './protocol.js';
import { buildTimeline } from './schedule.js';
import { waitForStart } from './start-signal.js';

interface PhaseTotals {
  consumed: number;
  consumedBytes: number;
  histogram: Histogram;
  monotonicClock: number;
  wallClock: number;
  duplicated: number;
  outOfOrder: number;
}

/** Messages per read: big enough to amortise the call, small enough that a turn stays short. */
const READ_CAPACITY = 8192;

export default async function consumerTask(a: ConsumerAssignment): Promise<ConsumerWorkerResult> {
  await loadRecordingEngine();
  const stopFlag = new Int32Array(a.stopFlag);
  const timeline = buildTimeline(a.phases);
  const totals: PhaseTotals[] = timeline.map(() => ({
    consumed: 0,
    consumedBytes: 0,
    histogram: createRecordingHistogram(),
    monotonicClock: 0,
    wallClock: 0,
    duplicated: 0,
    outOfOrder: 0,
  }));
  const trackers = new Map(a.members.map((m) => [m.group, new GroupTracker(m.group)]));
  const reporter = new IntervalReporter('consumer', a.workerId, timeline, a.intervalMs * 1000, a.port);
  let foreign = 0;
  let startAtUs = Infinity;
  /** The schedule's start on the stamps' wall clock, for messages of producers in other processes. */
  let startWallUs = Infinity;
  const duplicates = new CountsByInterval(a.intervalMs * 1000);

  const handle = (group: string, b: ConsumedBatch, n: number) => {
    const tracker = trackers.get(group)!;
    for (let k = 0; k < n; k++) {
      tracker.advance(b.partitions[k]!, b.offsets[k]!);
      const phaseIndex = b.phaseIndexes[k]!;
      if (b.stamped[k] === 0 || b.runIds[k] !== a.runId || phaseIndex >= totals.length) {
        foreign++;
        continue;
      }
      // Same process: one monotonic clock; across processes only the wall clock is shared.
      const sameClock = b.clockDomainIds[k] === CLOCK_DOMAIN_ID;
      const e2eUs = sameClock
        ? b.consumeMonoUs[k]! - b.intendedMonoUs[k]!
        : b.consumeWallUs[k]! + a.wallClockOffsetUs - b.intendedWallUs[k]!;
      const phase = totals[phaseIndex]!;
      if (sameClock) phase.monotonicClock++;
      else phase.wallClock++;
      phase.consumed++;
      phase.consumedBytes += b.sizes[k]!;
      recordUs(phase.histogram, e2eUs);
      const readOffsetUs = Number.isFinite(startAtUs) ? b.consumeMonoUs[k]! - startAtUs : 0;
      reporter.recordEndToEnd(phaseIndex, readOffsetUs, e2eUs);
      const seen = tracker.observe(b.producerIds[k]!, b.seqs[k]!, b.partitions[k]!);
      if (seen === 'duplicate') {
        phase.duplicated++;
        const intendedUs = sameClock ? b.intendedMonoUs[k]! - startAtUs : b.intendedWallUs[k]! - startWallUs;
        duplicates.count(intendedUs);
      } else if (seen === 'out-of-order') phase.outOfOrder++;
    }
    reporter.countConsumed(n);
    if (n > 0 && Number.isFinite(startAtUs)) reporter.tick(nowUs() - startAtUs);
  };

  const consumers = await connectConsumers(a);
  const loops = readLoops(consumers, stopFlag, handle);
  const partitions = new Map<MemberHandle, number>();
  const progress = setInterval(() => postProgress(a, consumers, trackers, partitions, startAtUs, reporter), 200);
  try {
    const ready: WorkerMessage = { type: 'ready', workerId: a.workerId, role: 'consumer' };
    a.port.postMessage(ready);
    startAtUs = await waitForStart(a.port, stopFlag);
    startWallUs = startAtUs + wallUs() - nowUs() + a.wallClockOffsetUs;
    await loops;
    reporter.flush();
    return {
      role: 'consumer',
      workerId: a.workerId,
      foreign,
      phases: totals.map(({ histogram, ...counts }) => ({ ...counts, endToEndHistogram: encodeHistogram(histogram) })),
      groups: [...trackers.values()].map((t) => t.toLedger()),
      duplicatedByInterval: duplicates.toEntries(),
    };
  } finally {
    clearInterval(progress);
    Atomics.store(stopFlag, 0, 1);
    await loops.catch(() => {});
    await Promise.all(consumers.members.map((m) => m.driver.close()));
    consumers.idler?.close();
    a.port.close();
  }
}

type Handle = (group: string, b: ConsumedBatch, n: number) => void;

/**
 * Native: one loop reads every member without blocking, then idles on the thread's eventfd.
 * Binding: one loop per member, each awaiting consume(n) on libuv's pool.
 */
function readLoops(c: ConsumerMembers, stopFlag: Int32Array, handle: Handle): Promise<void> {
  const stopped = () => Atomics.load(stopFlag, 0) === 1;
  const { idler } = c;
  if (idler !== null) {
    const batch = createConsumedBatch(READ_CAPACITY);
    return (async () => {
      while (!stopped()) {
        let got = 0;
        for (const m of c.members) {
          const n = m.driver.read(batch, READ_CAPACITY) as number;
          handle(m.group, batch, n);
          got += n;
        }
        await idler.idle(got > 0 ? 0 : 1000);
      }
    })();
  }
  return Promise.all(
    c.members.map(async (m) => {
      const batch = createConsumedBatch(READ_CAPACITY);
      while (!stopped()) {
        const n = await m.driver.read(batch, READ_CAPACITY);
        handle(m.group, batch, n);
      }
    }),
  ).then(() => undefined);
}

/** Positions for the drain and lag, partition counts after rebalances, and client errors. */
function postProgress(
  a: ConsumerAssignment,
  c: ConsumerMembers,
  trackers: Map<string, GroupTracker>,
  partitions: Map<MemberHandle, number>,
  startAtUs: number,
  reporter: IntervalReporter,
): void {
  const positions = Object.fromEntries([...trackers.values()].map((t) => [t.group, { ...t.positions }]));
  const consumed: WorkerMessage = { type: 'consumed', workerId: a.workerId, positions };
  a.port.postMessage(consumed);
  for (const m of c.members) {
    const now = m.driver.assignedPartitions();
    if (partitions.get(m) !== now) {
      partitions.set(m, now);
      const message: WorkerMessage = {
        type: 'assignment',
        workerId: a.workerId,
        group: m.group,
        member: m.member,
        partitions: now,
      };
      a.port.postMessage(message);
    }
    for (const error of m.driver.clientErrors().slice(0, 1)) {
      const message: WorkerMessage = { type: 'client-error', workerId: a.workerId, message: error };
      a.port.postMessage(message);
    }
  }
  if (Number.isFinite(startAtUs)) reporter.tick(nowUs() - startAtUs);
}
