import type { MessagePort } from 'node:worker_threads';
import type { IntervalDelta } from '../metrics/interval-types.js';
import { IntervalLatencies, Kind } from './interval-latencies.js';
import type { WorkerMessage } from './protocol.js';
import { phaseIndexAt, type TimedPhase } from './schedule.js';

/**
 * Accumulates one interval's counts and latencies and posts them as deltas whenever the clock
 * crosses into the next interval (of the same or the next phase). Counts are attributed by the
 * time they happen; latencies by the message's phase and the interval they were measured in
 * (see IntervalDelta), so every phase's interval histograms add up to its phase histograms.
 */
export class IntervalReporter {
  private phaseIndex = 0;
  private index = 0;
  private sent = 0;
  private acked = 0;
  private consumed = 0;
  private ackedBytes = 0;
  private failed: Record<string, number> | null = null;
  private readonly latencies = new IntervalLatencies();

  constructor(
    private readonly role: 'producer' | 'consumer',
    private readonly workerId: number,
    private readonly timeline: TimedPhase[],
    private readonly intervalUs: number,
    private readonly port: MessagePort,
  ) {}

  /** `scheduleDelayUs`: null for unpaced sends, which have no schedule to lag behind. */
  countSent(phaseIndex: number, sentOffsetUs: number, scheduleDelayUs: number | null): void {
    this.sent++;
    if (scheduleDelayUs === null) return;
    this.latencies.record(Kind.scheduleDelay, phaseIndex, this.indexIn(phaseIndex, sentOffsetUs), scheduleDelayUs);
  }

  /** An ack at `ackOffsetUs` of a message of phase `phaseIndex`. */
  countAcked(bytes: number, phaseIndex: number, ackOffsetUs: number, publishUs: number, serviceUs: number): void {
    this.acked++;
    this.ackedBytes += bytes;
    const index = this.indexIn(phaseIndex, ackOffsetUs);
    this.latencies.record(Kind.publish, phaseIndex, index, publishUs);
    this.latencies.record(Kind.service, phaseIndex, index, serviceUs);
  }

  /** A failed delivery (rare, and named per error: a map is fine here). */
  countFailed(errorName: string): void {
    this.failed ??= {};
    this.failed[errorName] = (this.failed[errorName] ?? 0) + 1;
  }

  countConsumed(n: number): void {
    this.consumed += n;
  }

  /** A read at `readOffsetUs` of a message of phase `phaseIndex`. */
  recordEndToEnd(phaseIndex: number, readOffsetUs: number, endToEndUs: number): void {
    this.latencies.record(Kind.endToEnd, phaseIndex, this.indexIn(phaseIndex, readOffsetUs), endToEndUs);
  }

  /** Posts the finished interval if `offsetUs` (from the run start) lies beyond it. */
  tick(offsetUs: number): void {
    const phaseIndex = phaseIndexAt(this.timeline, offsetUs);
    const index = Math.floor((offsetUs - this.timeline[phaseIndex]!.startUs) / this.intervalUs);
    if (phaseIndex !== this.phaseIndex || index !== this.index) {
      this.flush();
      this.phaseIndex = phaseIndex;
      this.index = index;
    }
  }

  flush(): void {
    const counted = this.sent + this.acked + this.consumed > 0 || this.failed !== null;
    let countsPosted = false;
    for (const { phaseIndex, index, fields } of this.latencies.take()) {
      const mine = phaseIndex === this.phaseIndex && index === this.index;
      this.post(phaseIndex, { ...(mine ? this.counts() : zeroCounts(index)), ...fields });
      countsPosted ||= mine;
    }
    if (counted && !countsPosted) this.post(this.phaseIndex, this.counts());
    this.sent = this.acked = this.consumed = this.ackedBytes = 0;
    this.failed = null;
  }

  private indexIn(phaseIndex: number, offsetUs: number): number {
    const start = this.timeline[phaseIndex]?.startUs ?? 0;
    return Math.max(0, Math.floor((offsetUs - start) / this.intervalUs));
  }

  private counts(): IntervalDelta {
    return {
      index: this.index,
      sent: this.sent,
      acked: this.acked,
      consumed: this.consumed,
      ackedBytes: this.ackedBytes,
      ...(this.failed ? { failed: this.failed } : {}),
      publishHistogram: null,
      scheduleDelayHistogram: null,
    };
  }

  private post(phaseIndex: number, delta: IntervalDelta): void {
    const message: WorkerMessage = { type: 'interval', workerId: this.workerId, role: this.role, phaseIndex, delta };
    this.port.postMessage(message);
  }
}

function zeroCounts(index: number): IntervalDelta {
  return { index, sent: 0, acked: 0, consumed: 0, ackedBytes: 0, publishHistogram: null, scheduleDelayHistogram: null };
}
