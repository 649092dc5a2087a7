import type { MessagePort } from 'node:worker_threads';
import { createRecordingHistogram, encodeHistogram, recordUs, type Histogram } from '../metrics/histogram.js';
import type { WorkerMessage } from './protocol.js';
import { phaseIndexAt, type TimedPhase } from './schedule.js';

/**
 * Accumulates one interval's counts and latencies and posts them as a delta whenever the clock
 * crosses into the next interval (of the same or the next phase). Events are attributed by the
 * time they happen; per-phase totals (kept elsewhere) are attributed by the message's phase.
 */
export class IntervalReporter {
  private phaseIndex = 0;
  private index = 0;
  private sent = 0;
  private acked = 0;
  private consumed = 0;
  private ackedBytes = 0;
  private readonly latency: Histogram = createRecordingHistogram();
  private readonly scheduleDelay: Histogram = createRecordingHistogram();

  constructor(
    private readonly role: 'producer' | 'consumer',
    private readonly workerId: number,
    private readonly timeline: TimedPhase[],
    private readonly intervalUs: number,
    private readonly port: MessagePort,
  ) {}

  /** `scheduleDelayUs`: null for unpaced sends, which have no schedule to lag behind. */
  countSent(scheduleDelayUs: number | null): void {
    this.sent++;
    if (scheduleDelayUs !== null) recordUs(this.scheduleDelay, scheduleDelayUs);
  }

  countAcked(bytes: number, latencyUs: number): void {
    this.acked++;
    this.ackedBytes += bytes;
    recordUs(this.latency, latencyUs);
  }

  countConsumed(n: number): void {
    this.consumed += n;
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
    if (this.sent + this.acked + this.consumed === 0) return;
    const message: WorkerMessage = {
      type: 'interval',
      workerId: this.workerId,
      role: this.role,
      phaseIndex: this.phaseIndex,
      delta: {
        index: this.index,
        sent: this.sent,
        acked: this.acked,
        consumed: this.consumed,
        ackedBytes: this.ackedBytes,
        publishHistogram: this.latency.totalCount > 0 ? encodeHistogram(this.latency) : null,
        scheduleDelayHistogram: this.scheduleDelay.totalCount > 0 ? encodeHistogram(this.scheduleDelay) : null,
      },
    };
    this.port.postMessage(message);
    this.sent = this.acked = this.consumed = this.ackedBytes = 0;
    this.latency.reset();
    this.scheduleDelay.reset();
  }
}
