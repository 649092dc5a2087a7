/**
 * Piscina task: one worker thread's producers for the whole run. Paced phases follow an
 * open-loop schedule (every message has an intended time); max phases send as fast as the
 * in-flight cap allows. Each delivery report records three latencies: publish (ack - intended),
 * service (ack - send) and, at send time already, schedule delay (send - intended).
 */
import { errorName } from '../kafka/error-names.js';
import type { DeliveryReport, LibrdKafkaError } from '../kafka/rdkafka.js';
import { loadRecordingEngine, recordUs } from '../metrics/histogram.js';
import { SeqBitmap } from '../metrics/seq-bitmap.js';
import { nowUs } from './clock.js';
import { DeliveryLedger } from './delivery-ledger.js';
import { IntervalReporter } from './interval-clock.js';
import { connectProducers, disconnectAll, type ProducerHandle } from './producer-clients.js';
import { runProducerLoop } from './producer-loop.js';
import { newPhaseTotals, toCounters } from './producer-totals.js';
import type { ProducerAssignment, ProducerWorkerResult, WorkerMessage } from './protocol.js';
import { buildTimeline, phaseIndexAt } from './schedule.js';
import { waitForStart } from './start-signal.js';

/** librdkafka's default queue.buffering.max.messages: the most a client can hold unacknowledged. */
const LIBRDKAFKA_QUEUE_DEFAULT = 100_000;

export default async function producerTask(a: ProducerAssignment): Promise<ProducerWorkerResult> {
  await loadRecordingEngine();
  const stopFlag = new Int32Array(a.stopFlag);
  const timeline = buildTimeline(a.phases);
  const totals = timeline.map(() => newPhaseTotals());
  const reporter = new IntervalReporter('producer', a.workerId, timeline, a.intervalMs * 1000, a.port);
  const queueMax = Number(a.properties['queue.buffering.max.messages'] ?? LIBRDKAFKA_QUEUE_DEFAULT);
  const ledger = new DeliveryLedger(Math.min(a.producerIds.length * (queueMax + 1000), 1 << 24));
  const acked = a.producerIds.map(() => new SeqBitmap());
  const phaseStartSeq: number[][] = [];
  let startAtUs = Infinity;

  const onDelivery = (err: LibrdKafkaError | null, report: DeliveryReport) => {
    const i = report.opaque as number;
    const intended = ledger.intendedOf(i);
    const phase = totals[phaseIndexAt(timeline, intended)]!;
    ledger.settle();
    if (err) {
      const name = errorName(err.code);
      phase.failed[name] = (phase.failed[name] ?? 0) + 1;
      return;
    }
    const ackOffset = nowUs() - startAtUs;
    phase.acked++;
    phase.ackedBytes += report.size;
    recordUs(phase.publish, ackOffset - intended);
    recordUs(phase.service, ackOffset - ledger.sentOf(i));
    acked[ledger.clientOf(i)]!.set(ledger.seqOf(i));
    reporter.countAcked(report.size, ackOffset - intended);
  };

  let clients: ProducerHandle[] = [];
  try {
    clients = await connectProducers(a.brokers, a.properties, a.producerIds, a.workerId, a.port, onDelivery);
    const ready: WorkerMessage = { type: 'ready', workerId: a.workerId, role: 'producer' };
    a.port.postMessage(ready);
    startAtUs = await waitForStart(a.port, stopFlag);
    const { stoppedEarly } = await runProducerLoop({
      assignment: a, timeline, totals, clients, reporter, startAtUs, stopFlag, ledger,
      onPhaseStart: () => phaseStartSeq.push(clients.map((c) => c.seq)),
    });
    await drain(clients, ledger, stoppedEarly ? 10_000 : 60_000);
    reporter.flush();
    while (phaseStartSeq.length < timeline.length + 1) phaseStartSeq.push(clients.map((c) => c.seq));
    return {
      role: 'producer',
      workerId: a.workerId,
      stoppedEarly,
      phases: totals.map(toCounters),
      producers: clients.map((c, ci) => ({ producerId: c.producerId, phaseStartSeq: phaseStartSeq.map((s) => s[ci]!), acked: acked[ci]!.bytes() })),
    };
  } finally {
    await disconnectAll(clients);
    a.port.close();
  }
}

/** Waits until every sent message has a delivery report (acked or failed), or the deadline. */
async function drain(clients: ProducerHandle[], ledger: DeliveryLedger, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (ledger.inFlight > 0 && Date.now() < end) {
    for (const c of clients) c.producer.poll();
    await new Promise((r) => setTimeout(r, 5));
  }
}
