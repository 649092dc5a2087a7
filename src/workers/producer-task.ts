/**
 * Piscina task: one worker thread's producers for the whole run. Paced phases follow an
 * open-loop schedule (every message has an intended time); max phases send as fast as the
 * in-flight cap allows. Every delivery report records ack - intended into the phase histogram.
 */
import { errorName } from '../kafka/error-names.js';
import type { DeliveryReport, LibrdKafkaError } from '../kafka/rdkafka.js';
import { createLatencyHistogram, encodeHistogram, recordUs, type Histogram } from '../metrics/histogram.js';
import { nowUs } from './clock.js';
import { IntervalReporter } from './interval-clock.js';
import { connectProducers, disconnectAll, type ProducerHandle } from './producer-clients.js';
import { runProducerLoop } from './producer-loop.js';
import type { ProducerAssignment, ProducerPhaseCounters, ProducerWorkerResult, WorkerMessage } from './protocol.js';
import { buildTimeline, phaseIndexAt } from './schedule.js';
import { waitForStart } from './start-signal.js';

interface PhaseTotals {
  sent: number;
  acked: number;
  failed: Record<string, number>;
  ackedBytes: number;
  queueFullWaits: number;
  histogram: Histogram;
}

export default async function producerTask(a: ProducerAssignment): Promise<ProducerWorkerResult> {
  const stopFlag = new Int32Array(a.stopFlag);
  const timeline = buildTimeline(a.phases);
  const totals: PhaseTotals[] = timeline.map(() => ({ sent: 0, acked: 0, failed: {}, ackedBytes: 0, queueFullWaits: 0, histogram: createLatencyHistogram() }));
  const reporter = new IntervalReporter('producer', a.workerId, timeline, a.intervalMs * 1000, a.port);
  let startAtUs = Infinity;
  const inFlight = { count: 0 };

  // opaque = the message's intended time as an offset from the run start (µs).
  const onDelivery = (err: LibrdKafkaError | null, report: DeliveryReport) => {
    const intendedOffsetUs = report.opaque as number;
    const phase = totals[phaseIndexAt(timeline, intendedOffsetUs)]!;
    inFlight.count--;
    if (err) {
      const name = errorName(err.code);
      phase.failed[name] = (phase.failed[name] ?? 0) + 1;
      return;
    }
    const latencyUs = nowUs() - startAtUs - intendedOffsetUs;
    phase.acked++;
    phase.ackedBytes += report.size;
    recordUs(phase.histogram, latencyUs);
    reporter.countAcked(report.size, latencyUs);
  };

  let clients: ProducerHandle[] = [];
  try {
    clients = await connectProducers(a.brokers, a.properties, a.producerIds, a.workerId, a.port, onDelivery);
    const ready: WorkerMessage = { type: 'ready', workerId: a.workerId, role: 'producer' };
    a.port.postMessage(ready);
    startAtUs = await waitForStart(a.port, stopFlag);
    const { stoppedEarly } = await runProducerLoop({ assignment: a, timeline, totals, clients, reporter, startAtUs, stopFlag, inFlight });
    await drain(clients, inFlight, stoppedEarly ? 10_000 : 60_000);
    reporter.flush();
    return {
      role: 'producer',
      workerId: a.workerId,
      stoppedEarly,
      phases: totals.map((t): ProducerPhaseCounters => ({
        sent: t.sent, acked: t.acked, failed: t.failed, ackedBytes: t.ackedBytes, queueFullWaits: t.queueFullWaits,
        publishHistogram: encodeHistogram(t.histogram),
      })),
    };
  } finally {
    await disconnectAll(clients);
    a.port.close();
  }
}

/** Waits until every sent message has a delivery report (acked or failed), or the deadline. */
async function drain(clients: ProducerHandle[], inFlight: { count: number }, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (inFlight.count > 0 && Date.now() < end) {
    for (const c of clients) c.producer.poll();
    await new Promise((r) => setTimeout(r, 5));
  }
}
