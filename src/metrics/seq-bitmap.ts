/**
 * A growable bitmap of sequence numbers: which messages of one producer were acknowledged, or
 * consumed by one group. One bit per message, so 10 million messages cost 1.25 MB, and threads
 * can ship them to the coordinator as plain bytes.
 */
export class SeqBitmap {
  private bits: Uint8Array;

  constructor(bytes?: Uint8Array) {
    this.bits = bytes ?? new Uint8Array(1024);
  }

  /** Sets the bit; returns true when it was already set (a duplicate). */
  set(seq: number): boolean {
    const byte = seq >>> 3;
    if (byte >= this.bits.length) this.grow(byte + 1);
    const mask = 1 << (seq & 7);
    const was = (this.bits[byte]! & mask) !== 0;
    this.bits[byte]! |= mask;
    return was;
  }

  has(seq: number): boolean {
    const byte = seq >>> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (seq & 7))) !== 0;
  }

  bytes(): Uint8Array {
    return this.bits;
  }

  private grow(minBytes: number): void {
    let size = Math.max(1024, this.bits.length * 2);
    while (size < minBytes) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bits);
    this.bits = next;
  }
}

/** Bits set in `a` but in none of `others`, within [from, to). */
export function countOnlyIn(a: SeqBitmap, others: SeqBitmap[], from: number, to: number): number {
  let n = 0;
  for (let seq = from; seq < to; seq++) if (a.has(seq) && !others.some((o) => o.has(seq))) n++;
  return n;
}

/** Sum over bitmaps of set bits in [from, to) minus the bits of their union: reads in several places. */
export function countOverlaps(maps: SeqBitmap[], from: number, to: number): number {
  if (maps.length < 2) return 0;
  let n = 0;
  for (let seq = from; seq < to; seq++) {
    let times = 0;
    for (const m of maps) if (m.has(seq)) times++;
    if (times > 1) n += times - 1;
  }
  return n;
}
