import { SeqBitmap } from '../metrics/seq-bitmap.js';
import type { GroupLedger } from './protocol.js';

export type SeqObservation = 'new' | 'duplicate' | 'out-of-order';

/**
 * One group's view, in one thread, of what it consumed: a bitmap of sequence numbers per
 * producer (duplicates are bits already set), the last sequence per partition and producer
 * (out of order = lower than the last one seen there), and the next offset per partition.
 */
export class GroupTracker {
  private readonly seen = new Map<number, SeqBitmap>();
  private readonly lastSeq = new Map<number, number>();
  readonly positions: Record<number, number> = {};

  constructor(readonly group: string) {}

  /** Every message read moves the position, stamped by this run or not (the drain waits on it). */
  advance(partition: number, offset: number): void {
    if ((this.positions[partition] ?? -1) < offset + 1) this.positions[partition] = offset + 1;
  }

  observe(producerId: number, seq: number, partition: number): SeqObservation {
    let bits = this.seen.get(producerId);
    if (!bits) {
      bits = new SeqBitmap();
      this.seen.set(producerId, bits);
    }
    if (bits.set(seq)) return 'duplicate';
    // Producer ids stay far below 2^20 and partitions below 2^31 / 2^20: one number as the key.
    const key = partition * 1_048_576 + producerId;
    const last = this.lastSeq.get(key) ?? -1;
    this.lastSeq.set(key, Math.max(last, seq));
    return seq < last ? 'out-of-order' : 'new';
  }

  toLedger(): GroupLedger {
    return {
      group: this.group,
      consumed: [...this.seen].map(([producerId, bits]) => ({ producerId, seqs: bits.bytes() })),
    };
  }
}
