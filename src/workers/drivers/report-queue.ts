import type { DeliveryReports } from '../producer-driver.js';

/** A growable FIFO of delivery reports in typed arrays, for drivers whose reports arrive one by one. */
export class ReportQueue {
  private head = 0;
  private tail = 0;
  private q: DeliveryReports = ReportQueue.alloc(1 << 14);

  push(opaque: number, error: number, partition: number, offset: number, size: number, ackMonoUs: number): void {
    if (this.tail === this.q.opaques.length) this.compactOrGrow();
    const t = this.tail++;
    this.q.opaques[t] = opaque;
    this.q.errors[t] = error;
    this.q.partitions[t] = partition;
    this.q.offsets[t] = offset;
    this.q.sizes[t] = size;
    this.q.ackMonoUs[t] = ackMonoUs;
  }

  drainInto(out: DeliveryReports): number {
    const n = Math.min(this.tail - this.head, out.opaques.length);
    for (const k of ['opaques', 'errors', 'partitions', 'offsets', 'sizes', 'ackMonoUs'] as const) {
      (out[k] as Float64Array).set((this.q[k] as Float64Array).subarray(this.head, this.head + n));
    }
    this.head += n;
    if (this.head === this.tail) this.head = this.tail = 0;
    return n;
  }

  private compactOrGrow(): void {
    const live = this.tail - this.head;
    const next = live * 2 > this.q.opaques.length ? ReportQueue.alloc(this.q.opaques.length * 2) : this.q;
    for (const k of ['opaques', 'errors', 'partitions', 'offsets', 'sizes', 'ackMonoUs'] as const) {
      (next[k] as Float64Array).set((this.q[k] as Float64Array).subarray(this.head, this.tail));
    }
    this.q = next;
    this.head = 0;
    this.tail = live;
  }

  private static alloc(n: number): DeliveryReports {
    return {
      opaques: new Float64Array(n),
      errors: new Int32Array(n),
      partitions: new Int32Array(n),
      offsets: new Float64Array(n),
      sizes: new Uint32Array(n),
      ackMonoUs: new Float64Array(n),
    };
  }
}
