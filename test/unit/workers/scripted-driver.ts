/**
 * A producer driver with a script instead of a client: it accepts messages up to a queue limit,
 * acks them when the test says (or at once), and remembers what it saw. It tests the send loop's
 * rules; the real drivers are tested against the embedded cluster.
 */
import type { DeliveryReports, ProducerDriver, SendBatch } from '../../../src/workers/producer-driver.js';
import { nowUs } from '../../../src/workers/clock.js';

export interface SentRecord {
  seq: number;
  opaque: number;
  intendedMonoUs: number;
  sentMonoUs: number;
  phaseIndex: number;
}

export class ScriptedDriver implements ProducerDriver {
  readonly sent: SentRecord[] = [];
  /** Sent and not yet reported. */
  private readonly pending: SentRecord[] = [];
  /** The most messages in flight at once. */
  maxOutstanding = 0;
  /** send() calls that met the queue limit. */
  refusals = 0;

  constructor(private readonly script: { queueLimit?: number; ackAtOnce?: boolean } = {}) {}

  send(b: SendBatch, start: number): number {
    const limit = this.script.queueLimit ?? Infinity;
    let i = start;
    for (; i < b.count; i++) {
      if (this.pending.length >= limit) {
        this.refusals++;
        break;
      }
      b.sentMonoUs[i] = nowUs();
      const record = {
        seq: b.seqs[i]!,
        opaque: b.opaques[i]!,
        intendedMonoUs: b.intendedMonoUs[i]!,
        sentMonoUs: b.sentMonoUs[i]!,
        phaseIndex: b.phaseIndex,
      };
      this.sent.push(record);
      this.pending.push(record);
    }
    this.maxOutstanding = Math.max(this.maxOutstanding, this.pending.length);
    return i - start;
  }

  /** Acks the script lets through on the next reports() call (when not acking at once). */
  private allowed = 0;

  /** Lets the next reports() call ack up to `n` of the oldest pending messages (what is not used lapses). */
  allow(n: number): void {
    this.allowed = n;
  }

  reports(out: DeliveryReports): number {
    const n = this.script.ackAtOnce === false ? this.allowed : this.pending.length;
    const k = this.ack(out, n);
    if (this.script.ackAtOnce === false) this.allowed = 0;
    return k;
  }

  private ack(out: DeliveryReports, n: number): number {
    const k = Math.min(n, this.pending.length, out.opaques.length);
    const now = nowUs();
    for (let j = 0; j < k; j++) {
      const r = this.pending.shift()!;
      out.opaques[j] = r.opaque;
      out.errors[j] = 0;
      out.partitions[j] = 0;
      out.offsets[j] = j;
      out.sizes[j] = 100;
      out.ackMonoUs[j] = now;
    }
    return k;
  }

  get outstanding(): number {
    return this.pending.length;
  }

  clientErrors(): string[] {
    return [];
  }

  async close(): Promise<void> {}
}
