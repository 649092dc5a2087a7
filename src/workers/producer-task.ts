/**
 * Piscina task: one worker thread's producers for the whole run. Paced phases follow an
 * open-loop schedule (every message has an intended time); max phases send as fast as the
 * in-flight cap allows. Each delivery report records three latencies: publish (ack - intended),
 * service (ack - send) and, at send time already, schedule delay (send - intended).
 */
import { errorName } from '../kafka/error-names.js';
import { createDeliveryReports } from '../native/addon.js';
import { loadRecordingEngine, recordUs } from '../metrics/histogram.js';
import { SeqBitmap } from '../metrics/seq-bitmap.js';
import { AckGapRecorder } from './ack-gap-recorder.js';
import { nowUs } from './clock.js';
import { IntervalReporter } from './interval-clock.js';
import { closeProducers, connectProducers, type ProducerClients } from './producer-clients.js';
import { drainReports, runProducerLoop } from './producer-loop.js';
import { newPhaseTotals, toCounters } from './producer-totals.js';
import type { ProducerAssignment, ProducerWorkerResult, WorkerMessage } from './protocol.js';
import { buildTimeline, phaseIndexAt } from './schedule.js';
import { waitForStart } from './start-signal.js';

/** Reports settled per drain call; the arrays are allocated once per thread. */
const REPORTS_CAPACITY = 65_536;

export default async function producerTask(a: ProducerAssignment): Promise<ProducerWorkerResult> {
  await loadRecordingEngine();
  const stopFlag = new Int32Array(a.stopFlag);
  const timeline = buildTimeline(a.phases);
  const totals = timeline.map(() => newPhaseTotals());
  const reporter = new IntervalReporter('producer', a.workerId, timeline, a.intervalMs * 1000, a.port);
  const acked = a.producerIds.map(() => new SeqBitmap());
  const reports = createDeliveryReports(REPORTS_CAPACITY);
  const phaseStartSeq: number[][] = [];
  const ackGaps = new AckGapRecorder();
  let startAtUs = Infinity;
  let producers: ProducerClients = { clients: [], idler: { idle: () => {}, close: () => {} } };

  const settle = (ci: number, n: number) => {
    const { ledger } = producers.clients[ci]!;
    const bits = acked[ci]!;
    for (let k = 0; k < n; k++) {
      const i = reports.opaques[k]!;
      const intended = ledger.intendedOf(i);
      const phaseIndex = phaseIndexAt(timeline, intended);
      const phase = totals[phaseIndex]!;
      ledger.settle();
      const code = reports.errors[k]!;
      if (code !== 0) {
        const name = errorName(code);
        phase.failed[name] = (phase.failed[name] ?? 0) + 1;
        reporter.countFailed(name);
        continue;
      }
      const ackOffset = reports.ackMonoUs[k]! - startAtUs;
      ackGaps.ack(reports.partitions[k]!, ackOffset);
      const size = reports.sizes[k]!;
      phase.acked++;
      phase.ackedBytes += size;
      const publishUs = ackOffset - intended;
      const serviceUs = ackOffset - ledger.sentOf(i);
      recordUs(phase.publish, publishUs);
      recordUs(phase.service, serviceUs);
      bits.set(ledger.seqOf(i));
      reporter.countAcked(size, phaseIndex, ackOffset, publishUs, serviceUs);
    }
  };
  const postErrors = (messages: string[]) => {
    // Transport errors repeat every few ms while a broker is down: report, but not in a flood.
    const message: WorkerMessage = { type: 'client-error', workerId: a.workerId, message: messages[0]! };
    a.port.postMessage(message);
  };

  try {
    producers = await connectProducers(a);
    const { clients, idler } = producers;
    const ready: WorkerMessage = { type: 'ready', workerId: a.workerId, role: 'producer' };
    a.port.postMessage(ready);
    startAtUs = await waitForStart(a.port, stopFlag);
    const { stoppedEarly } = await runProducerLoop({
      wallClockOffsetUs: a.wallClockOffsetUs,
      timeline,
      totals,
      clients,
      reporter,
      startAtUs,
      stopFlag,
      idler,
      reports,
      settle,
      onPhaseStart: () => phaseStartSeq.push(clients.map((c) => c.seq)),
      onClientErrors: postErrors,
    });
    // Where the schedule ended: a partition silent since before then has an open gap.
    const scheduleEndUs = stoppedEarly ? nowUs() - startAtUs : timeline.at(-1)!.endUs;
    await drain(producers, { clients, reports, settle }, stoppedEarly ? 10_000 : 60_000);
    reporter.flush();
    while (phaseStartSeq.length < timeline.length + 1) phaseStartSeq.push(clients.map((c) => c.seq));
    return {
      role: 'producer',
      workerId: a.workerId,
      stoppedEarly,
      phases: totals.map(toCounters),
      producers: clients.map((c, ci) => ({
        producerId: c.producerId,
        phaseStartSeq: phaseStartSeq.map((s) => s[ci]!),
        acked: acked[ci]!.bytes(),
        intervalStartSeq: c.sendTimes.toArray(),
      })),
      ackGaps: ackGaps.finish(scheduleEndUs),
    };
  } finally {
    await closeProducers(producers, 10_000);
    a.port.close();
  }
}

/** Waits until every sent message has a delivery report (acked or failed), or the deadline. */
async function drain(p: ProducerClients, ctx: Parameters<typeof drainReports>[0], deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  const inFlight = () => p.clients.reduce((n, c) => n + c.ledger.inFlight, 0);
  while (inFlight() > 0 && Date.now() < end) {
    drainReports(ctx);
    await p.idler.idle(1000);
  }
}
