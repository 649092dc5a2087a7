/**
 * Runs every phase of a producer thread's schedule through its clients' drivers. Each turn sends
 * all messages that are due, in one batch per client (batching, not a timer per message, is what
 * lets one thread pace 500k msg/s), settles the delivery reports that arrived, then idles until
 * the next message is due or a client event wakes it. On a full queue (or ledger) a client stops
 * and retries on the next turn; the intended times of waiting messages stay where the schedule
 * put them, so their latency shows the wait.
 *
 * Message j of a paced phase (this thread's numbering) belongs to client j mod m; each client
 * counts its own messages, so one client's full queue never reorders another's.
 */
import { recordUs } from '../metrics/histogram.js';
import { nowUs, wallUs } from './clock.js';
import type { IntervalReporter } from './interval-clock.js';
import type { ProducerClientState } from './producer-clients.js';
import type { Idler } from './drivers/idlers.js';
import type { DeliveryReports } from './producer-driver.js';
import type { ProducerPhaseTotals } from './producer-totals.js';
import { dueCount, intendedOffsetUs, type TimedPhase } from './schedule.js';

export interface LoopContext {
  timeline: TimedPhase[];
  totals: ProducerPhaseTotals[];
  clients: ProducerClientState[];
  reporter: IntervalReporter;
  startAtUs: number;
  /** Added to the wall clock in stamps: this host's offset from the broker's clock (0 when unknown). */
  wallClockOffsetUs?: number;
  stopFlag: Int32Array;
  idler: Idler;
  reports: DeliveryReports;
  /** Settles `n` delivery reports of client `clientIndex` from `reports`. */
  settle: (clientIndex: number, n: number) => void;
  /** Called as each phase begins sending (the integrity check needs every client's first seq). */
  onPhaseStart: () => void;
  /** Called about every 200 ms with errors clients reported. */
  onClientErrors: (messages: string[]) => void;
}

/**
 * Messages per unpaced batch: their stamp carries the batch's start as the intended time, so a
 * batch must take well under a millisecond (512 x ~0.6 µs in the native core).
 */
const UNPACED_BATCH = 512;
/** Sends per turn of an unpaced phase, so reports and intervals keep flowing. */
const UNPACED_TURN = 8192;
/** The longest a turn idles: interval ticks and the stop flag are checked at least this often. */
const MAX_IDLE_US = 1000;

export async function runProducerLoop(ctx: LoopContext): Promise<{ stoppedEarly: boolean }> {
  const { timeline, totals, clients, reporter, startAtUs, stopFlag, idler } = ctx;
  const wallOffsetUs = wallUs() - nowUs() + (ctx.wallClockOffsetUs ?? 0);
  const m = clients.length;
  let phaseIndex = 0;
  let stalled = false;
  let lastErrorCheck = 0;

  const stall = (phase: TimedPhase) => {
    if (!stalled) totals[phase.index]!.queueFullWaits++;
    stalled = true;
  };

  /** Sends client ci's paced messages up to its `mine`-th of the phase. */
  const sendPaced = (phase: TimedPhase, ci: number, mine: number) => {
    const c = clients[ci]!;
    const { batch } = c.filler;
    while (c.sentInPhase < mine) {
      const n = Math.min(mine - c.sentInPhase, batch.opaques.length, c.ledger.capacity - c.ledger.inFlight);
      if (n <= 0) return stall(phase);
      c.filler.begin(phase.index);
      for (let k = 0; k < n; k++) {
        const intended = intendedOffsetUs(phase, (c.sentInPhase + k) * m + ci);
        const opaque = c.ledger.record(intended, 0, ci, c.seq + k);
        c.filler.add(c.seq + k, startAtUs + intended, startAtUs + intended + wallOffsetUs, opaque);
      }
      const went = c.driver.send(batch, 0);
      c.ledger.undo(n - went);
      const t = totals[phase.index]!;
      for (let k = 0; k < went; k++) {
        const sent = batch.sentMonoUs[k]! - startAtUs;
        const intended = batch.intendedMonoUs[k]! - startAtUs;
        const delay = sent - intended;
        c.ledger.setSent(batch.opaques[k]!, sent);
        c.sendTimes.note(c.seq + k, intended);
        recordUs(t.scheduleDelay, delay);
        reporter.countSent(phase.index, sent, delay);
      }
      t.sent += went;
      c.seq += went;
      c.sentInPhase += went;
      if (went < n) return stall(phase);
      stalled = false;
    }
  };

  /**
   * Unpaced: as fast as the in-flight cap allows; the intended time is the send time. Batches go
   * round the clients until the turn's budget is spent, the cap is reached or a queue is full;
   * the clock is read per batch, so a stamp is never older than one batch.
   */
  const sendUnpaced = (phase: TimedPhase): boolean => {
    let budget = UNPACED_TURN;
    for (let progressed = true; budget > 0 && progressed; ) {
      progressed = false;
      for (let ci = 0; ci < m && budget > 0; ci++) {
        const now = nowUs() - startAtUs;
        if (now >= phase.endUs) return false;
        const went = sendUnpacedBatch(phase, ci, now, budget);
        budget -= went;
        if (went > 0) progressed = true;
      }
    }
    return inFlight() < phase.maxInFlight && !stalled && budget === 0;
  };

  const sendUnpacedBatch = (phase: TimedPhase, ci: number, now: number, budget: number): number => {
    const c = clients[ci]!;
    const { batch } = c.filler;
    const room = Math.min(phase.maxInFlight - inFlight(), c.ledger.capacity - c.ledger.inFlight);
    const n = Math.min(room, UNPACED_BATCH, budget);
    if (n <= 0) return 0;
    c.filler.begin(phase.index);
    for (let k = 0; k < n; k++) {
      const opaque = c.ledger.record(now, now, ci, c.seq + k);
      c.filler.add(c.seq + k, startAtUs + now, startAtUs + now + wallOffsetUs, opaque);
    }
    const went = c.driver.send(batch, 0);
    c.ledger.undo(n - went);
    for (let k = 0; k < went; k++) {
      // Acks are attributed to phases by this time: a send that crossed the end stays in its phase.
      const sent = Math.min(batch.sentMonoUs[k]! - startAtUs, phase.endUs - 1);
      c.ledger.setIntended(batch.opaques[k]!, sent);
      c.ledger.setSent(batch.opaques[k]!, sent);
      c.sendTimes.note(c.seq + k, sent);
      reporter.countSent(phase.index, sent, null);
    }
    totals[phase.index]!.sent += went;
    c.seq += went;
    c.sentInPhase += went;
    if (went < n) stall(phase);
    else stalled = false;
    return went;
  };

  const inFlight = () => {
    let n = 0;
    for (const c of clients) n += c.ledger.inFlight;
    return n;
  };

  /** Sends what is due by `now`; returns how long to idle (µs), 0 when more can go at once. */
  const sendDue = (now: number): number => {
    while (phaseIndex < timeline.length) {
      const phase = timeline[phaseIndex]!;
      if (phase.schedule !== null) {
        const due = dueCount(phase, now - phase.startUs);
        let behind = false;
        for (let ci = 0; ci < m; ci++) {
          const mine = Math.max(0, Math.ceil((due - ci) / m));
          if (clients[ci]!.sentInPhase < mine) sendPaced(phase, ci, mine);
          if (clients[ci]!.sentInPhase < mine) behind = true;
        }
        // Behind = a full queue or ledger: only a delivery report can free room, and it wakes the idler.
        if (behind) return MAX_IDLE_US;
        // A paced phase is left only when all its messages went out, so a late turn at a phase
        // boundary sends them late (their latency shows it) instead of dropping them.
        if (due < phase.total) return Math.max(1, intendedOffsetUs(phase, due) - now);
        if (now < phase.endUs) return Math.max(1, phase.endUs - now);
      } else if (now < phase.endUs) {
        return sendUnpaced(phase) ? 0 : Math.min(MAX_IDLE_US, phase.endUs - now);
      }
      phaseIndex++;
      for (const c of clients) c.sentInPhase = 0;
      if (phaseIndex < timeline.length) ctx.onPhaseStart();
    }
    return 0;
  };

  ctx.onPhaseStart();
  for (;;) {
    if (Atomics.load(stopFlag, 0) === 1) return { stoppedEarly: true };
    const now = nowUs() - startAtUs;
    reporter.tick(now);
    const idleUs = sendDue(now);
    if (phaseIndex >= timeline.length) return { stoppedEarly: false };
    const full = drainReports(ctx);
    if (now - lastErrorCheck > 200_000) {
      lastErrorCheck = now;
      const errors = clients.flatMap((c) => c.driver.clientErrors());
      if (errors.length > 0) ctx.onClientErrors(errors);
    }
    await idler.idle(full ? 0 : Math.min(idleUs, MAX_IDLE_US));
  }
}

/** Settles every report that has arrived; true when the report arrays filled up (more may wait). */
export function drainReports(ctx: Pick<LoopContext, 'clients' | 'reports' | 'settle'>): boolean {
  let full = false;
  for (let ci = 0; ci < ctx.clients.length; ci++) {
    const n = ctx.clients[ci]!.driver.reports(ctx.reports);
    if (n > 0) ctx.settle(ci, n);
    if (n === ctx.reports.opaques.length) full = true;
  }
  return full;
}
