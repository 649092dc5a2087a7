/**
 * Piscina task: one worker thread's consumer group members for the whole run. Counts the
 * messages of this run (by the run id in their stamp) per phase and records end-to-end latency:
 * consume time - intended send time, on the monotonic clock when producer and consumer share a
 * process, else on the wall clock.
 */
import { KafkaClientError } from '../kafka/error-names.js';
import { createRecordingHistogram, encodeHistogram, loadRecordingEngine, recordUs, type Histogram } from '../metrics/histogram.js';
import type { ConsumerClient, Message } from '../kafka/rdkafka.js';
import { CLOCK_DOMAIN_ID, nowUs, wallUs } from './clock.js';
import { ConsumeBatchSize } from './consume-batch-size.js';
import { connectConsumers } from './consumer-clients.js';
import { GroupTracker } from './group-tracker.js';
import { IntervalReporter } from './interval-clock.js';
import type { ConsumerAssignment, ConsumerWorkerResult, WorkerMessage } from './protocol.js';
import { buildTimeline } from './schedule.js';
import { decodeStamp, STAMP_HEADER, type Stamp } from './stamp.js';
import { readStampTrailer } from './stamp-trailer.js';
import { waitForStart } from './start-signal.js';
import { disconnectConsumer } from '../kafka/connection.js';

interface PhaseTotals {
  consumed: number;
  consumedBytes: number;
  histogram: Histogram;
  monotonicClock: number;
  wallClock: number;
  duplicated: number;
  outOfOrder: number;
}


export default async function consumerTask(a: ConsumerAssignment): Promise<ConsumerWorkerResult> {
  await loadRecordingEngine();
  const stopFlag = new Int32Array(a.stopFlag);
  const timeline = buildTimeline(a.phases);
  const totals: PhaseTotals[] = timeline.map(() => ({ consumed: 0, consumedBytes: 0, histogram: createRecordingHistogram(), monotonicClock: 0, wallClock: 0, duplicated: 0, outOfOrder: 0 }));
  const trackers = new Map(a.members.map((m) => [m.group, new GroupTracker(m.group)]));
  const reporter = new IntervalReporter('consumer', a.workerId, timeline, a.intervalMs * 1000, a.port);
  let foreign = 0;
  let startAtUs = Infinity;

  const handle = (group: string, messages: Message[]) => {
    const mono = nowUs();
    const wall = wallUs();
    const tracker = trackers.get(group)!;
    for (const m of messages) {
      tracker.advance(m.partition, m.offset);
      const stamp = readStampTrailer(m.value) ?? headerStamp(m);
      if (!stamp || stamp.runId !== a.runId || stamp.phaseIndex >= totals.length) {
        foreign++;
        continue;
      }
      // Same process: one monotonic clock; across processes only the wall clock is shared.
      const sameClock = stamp.clockDomainId === CLOCK_DOMAIN_ID;
      const e2eUs = sameClock ? mono - stamp.intendedMonoUs : wall - stamp.intendedWallUs;
      const phase = totals[stamp.phaseIndex]!;
      if (sameClock) phase.monotonicClock++;
      else phase.wallClock++;
      phase.consumed++;
      phase.consumedBytes += m.size;
      recordUs(phase.histogram, e2eUs);
      const verdict = tracker.observe(stamp.producerId, stamp.seq, m.partition);
      if (verdict === 'duplicate') phase.duplicated++;
      else if (verdict === 'out-of-order') phase.outOfOrder++;
    }
    reporter.countConsumed(messages.length);
    if (Number.isFinite(startAtUs)) reporter.tick(mono - startAtUs);
  };

  const members = await connectConsumers(a);
  const loops = members.map((m) => consumeUntilStopped(m.consumer, stopFlag, (batch) => handle(m.group, batch)));
  const progress = setInterval(() => {
    const positions = Object.fromEntries([...trackers.values()].map((t) => [t.group, { ...t.positions }]));
    const message: WorkerMessage = { type: 'consumed', workerId: a.workerId, positions };
    a.port.postMessage(message);
    if (Number.isFinite(startAtUs)) reporter.tick(nowUs() - startAtUs);
  }, 200);
  try {
    const ready: WorkerMessage = { type: 'ready', workerId: a.workerId, role: 'consumer' };
    a.port.postMessage(ready);
    startAtUs = await waitForStart(a.port, stopFlag);
    await Promise.all(loops);
    reporter.flush();
    return {
      role: 'consumer',
      workerId: a.workerId,
      foreign,
      phases: totals.map(({ histogram, ...counts }) => ({ ...counts, endToEndHistogram: encodeHistogram(histogram) })),
      groups: [...trackers.values()].map((t) => t.toLedger()),
    };
  } finally {
    clearInterval(progress);
    Atomics.store(stopFlag, 0, 1);
    await Promise.allSettled(loops);
    await Promise.all(members.map((m) => disconnectConsumer(m.consumer)));
    a.port.close();
  }
}

function headerStamp(m: Message): Stamp | null {
  const header = m.headers?.find((h) => STAMP_HEADER in h)?.[STAMP_HEADER];
  return header === undefined ? null : decodeStamp(header.toString());
}

/** Reads batches until the stop flag is raised. consume(n) runs on libuv's pool, off this thread. */
function consumeUntilStopped(consumer: ConsumerClient, stopFlag: Int32Array, onBatch: (m: Message[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const batch = new ConsumeBatchSize(nowUs());
    const next = () => {
      if (Atomics.load(stopFlag, 0) === 1) return resolve();
      consumer.consume(batch.next, (err, messages) => {
        if (err) return reject(new KafkaClientError(err, 'consume failed'));
        batch.observe(messages.length, nowUs());
        try {
          onBatch(messages);
        } catch (e) {
          return reject(e as Error);
        }
        setImmediate(next);
      });
    };
    next();
  });
}
