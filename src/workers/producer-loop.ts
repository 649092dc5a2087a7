import { QUEUE_FULL } from '../kafka/error-names.js';
import { recordUs } from '../metrics/histogram.js';
import { CLOCK_DOMAIN_ID, nowUs, wallUs } from './clock.js';
import type { DeliveryLedger } from './delivery-ledger.js';
import type { IntervalReporter } from './interval-clock.js';
import { keySource, payloadSource } from './payloads.js';
import type { ProducerHandle } from './producer-clients.js';
import type { ProducerPhaseTotals } from './producer-totals.js';
import type { ProducerAssignment } from './protocol.js';
import { dueCount, intendedOffsetUs, type TimedPhase } from './schedule.js';
import { encodeStamp, STAMP_HEADER } from './stamp.js';
import { writeStampTrailer } from './stamp-trailer.js';

export interface LoopContext {
  assignment: ProducerAssignment;
  timeline: TimedPhase[];
  totals: ProducerPhaseTotals[];
  clients: ProducerHandle[];
  reporter: IntervalReporter;
  startAtUs: number;
  stopFlag: Int32Array;
  /** Also counts the messages in flight (the delivery handler settles them). */
  ledger: DeliveryLedger;
  /** Called as each phase begins sending (the integrity check needs every client's first seq). */
  onPhaseStart: () => void;
}

/** Cap on sends in one tick of an unpaced phase, so delivery reports and intervals keep flowing. */
const MAX_BATCH = 5000;

/**
 * Runs every phase of the schedule. Each tick sends all messages that are due (batching, not a
 * timer per message, is what lets one thread pace 100k+ msg/s without spinning), then polls for
 * delivery reports. On a full local queue the tick stops sending and retries on the next one; the
 * intended times of the waiting messages stay where the schedule put them.
 */
export function runProducerLoop(ctx: LoopContext): Promise<{ stoppedEarly: boolean }> {
  const { assignment: a, timeline, totals, clients, reporter, startAtUs, stopFlag, ledger } = ctx;
  const payloads = payloadSource(a.payload, a.message.size, a.payloadLines);
  const keys = keySource(a.keys);
  const wallOffsetUs = wallUs() - nowUs();
  const headerValue = { [STAMP_HEADER]: '' };
  const headers = [headerValue];
  let phaseIndex = 0;
  let sentInPhase = 0;
  let rr = 0;
  let stalled = false;

  /** `clientIndex`: the slot's client for paced phases, round robin for unpaced ones. */
  const sendOne = (phase: TimedPhase, intendedOffset: number, clientIndex = rr, sentOffset = nowUs() - startAtUs): boolean => {
    if (ledger.inFlight >= ledger.capacity) return stall(phase);
    const client = clients[clientIndex]!;
    const seq = client.seq;
    const intendedMonoUs = startAtUs + intendedOffset;
    const view = payloads.stampView(seq);
    if (view !== null) {
      writeStampTrailer(view, a.runId, phase.index, client.producerId, seq, intendedMonoUs, intendedMonoUs + wallOffsetUs, CLOCK_DOMAIN_ID);
    } else {
      headerValue[STAMP_HEADER] = encodeStamp({
        runId: a.runId, phaseIndex: phase.index, producerId: client.producerId, seq,
        intendedMonoUs, intendedWallUs: intendedMonoUs + wallOffsetUs, clockDomainId: CLOCK_DOMAIN_ID,
      });
    }
    const opaque = ledger.record(intendedOffset, sentOffset, clientIndex, seq);
    try {
      client.producer.produce(a.topic, null, payloads.next(seq), keys.next(seq), null, opaque, view === null ? headers : undefined);
    } catch (err) {
      ledger.undo();
      if ((err as { code?: number }).code !== QUEUE_FULL) throw err;
      return stall(phase);
    }
    stalled = false;
    client.seq++;
    rr = (rr + 1) % clients.length;
    const totalsOfPhase = totals[phase.index]!;
    totalsOfPhase.sent++;
    // Unpaced sends have no schedule: their delay is 0 by definition, not worth two records each.
    if (phase.schedule !== null) {
      recordUs(totalsOfPhase.scheduleDelay, sentOffset - intendedOffset);
      reporter.countSent(sentOffset - intendedOffset);
    } else {
      reporter.countSent(null);
    }
    return true;
  };

  const stall = (phase: TimedPhase): false => {
    if (!stalled) totals[phase.index]!.queueFullWaits++;
    stalled = true;
    return false;
  };

  /**
   * Sends what the schedule holds up to `now`; returns true when more is due at once. A paced
   * phase is left only when all its messages went out, so a late tick at a phase boundary
   * sends them late (their latency shows it) instead of dropping them.
   */
  const sendDue = (now: number): boolean => {
    while (phaseIndex < timeline.length) {
      const phase = timeline[phaseIndex]!;
      if (phase.schedule !== null) {
        const due = dueCount(phase, now - phase.startUs);
        while (sentInPhase < due && sendOne(phase, intendedOffsetUs(phase, sentInPhase), sentInPhase % clients.length)) sentInPhase++;
        if (sentInPhase < due) return !stalled;
        if (sentInPhase < phase.total || now < phase.endUs) return false;
      } else if (now < phase.endUs) {
        // Unpaced: the intended time is the send time, re-read per message so that a batch
        // never spills past the phase's end (acks are attributed to phases by this time).
        for (let budget = MAX_BATCH; budget > 0 && ledger.inFlight < phase.maxInFlight; budget--) {
          const t = nowUs() - startAtUs;
          if (t >= phase.endUs || !sendOne(phase, t, rr, t)) break;
          sentInPhase++;
        }
        // At the in-flight cap or a full queue nothing can go out before acks come back, and
        // they arrive only through poll(): spinning on setImmediate took a core from the broker.
        // The 1 ms timer polls as often as in paced phases; the window holds far more than 1 ms.
        return ledger.inFlight < phase.maxInFlight && !stalled;
      }
      phaseIndex++;
      sentInPhase = 0;
      if (phaseIndex < timeline.length) ctx.onPhaseStart();
    }
    return false;
  };

  return new Promise((resolve, reject) => {
    const tick = () => {
      try {
        if (Atomics.load(stopFlag, 0) === 1) return resolve({ stoppedEarly: true });
        const now = nowUs() - startAtUs;
        reporter.tick(now);
        const hurry = sendDue(now);
        if (phaseIndex >= timeline.length) return resolve({ stoppedEarly: false });
        for (const c of clients) c.producer.poll();
        if (hurry) setImmediate(tick);
        else setTimeout(tick, 1);
      } catch (err) {
        reject(err as Error);
      }
    };
    ctx.onPhaseStart();
    tick();
  });
}
