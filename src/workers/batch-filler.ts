/**
 * Puts messages into a client's SendBatch: the value and key slots, sequence number, intended
 * times and the ledger index a delivery report comes back with. Values are slices of the
 * payload pool (no copy); only per-message values (templates with {{seq}}) and keys are written
 * into scratch buffers owned by the batch.
 */
import { createProduceBatch, StampMode } from '../native/addon.js';
import type { KeySource, PayloadSource } from './payloads.js';
import type { SendBatch } from './producer-driver.js';

const STAMP_MODE = { trailer: StampMode.Trailer, header: StampMode.Header } as const;

export class BatchFiller {
  readonly batch: SendBatch;
  private valueScratch: Buffer = Buffer.alloc(0);
  private keyScratch: Buffer = Buffer.alloc(0);
  private valueAt = 0;
  private keyAt = 0;

  constructor(
    capacity: number,
    private readonly payloads: PayloadSource,
    private readonly keys: KeySource,
    stamp: { runId: number; producerId: number; clockDomainId: number },
  ) {
    this.batch = createProduceBatch(capacity, payloads.pool?.buffer ?? Buffer.alloc(0), null);
    this.batch.stampMode = STAMP_MODE[payloads.stampCarrier];
    this.batch.runId = stamp.runId;
    this.batch.producerId = stamp.producerId;
    this.batch.clockDomainId = stamp.clockDomainId;
  }

  /** Starts an empty batch of `phaseIndex`'s messages. */
  begin(phaseIndex: number): void {
    this.batch.count = 0;
    this.batch.phaseIndex = phaseIndex;
    this.valueAt = this.keyAt = 0;
  }

  /** Appends message `seq` intended at `intendedMonoUs`; `opaque` finds its ledger record. */
  add(seq: number, intendedMonoUs: number, intendedWallUs: number, opaque: number): void {
    const b = this.batch;
    const i = b.count++;
    b.seqs[i] = seq;
    b.intendedMonoUs[i] = intendedMonoUs;
    b.intendedWallUs[i] = intendedWallUs;
    b.opaques[i] = opaque;
    const pool = this.payloads.pool;
    if (pool !== null) {
      const slot = seq % pool.offsets.length;
      b.valueOffsets[i] = pool.offsets[slot]!;
      b.valueLengths[i] = pool.lengths[slot]!;
    } else {
      const value = this.payloads.next(seq);
      this.valueScratch = ensure(this.valueScratch, this.valueAt + value.length);
      b.values = this.valueScratch;
      value.copy(this.valueScratch, this.valueAt);
      b.valueOffsets[i] = this.valueAt;
      b.valueLengths[i] = value.length;
      this.valueAt += value.length;
    }
    const key = this.keys.next(seq);
    if (key === null) {
      b.keyLengths[i] = -1;
      return;
    }
    const length = typeof key === 'string' ? Buffer.byteLength(key) : key.length;
    this.keyScratch = ensure(this.keyScratch, this.keyAt + length);
    b.keys = this.keyScratch;
    if (typeof key === 'string') this.keyScratch.write(key, this.keyAt);
    else key.copy(this.keyScratch, this.keyAt);
    b.keyOffsets[i] = this.keyAt;
    b.keyLengths[i] = length;
    this.keyAt += length;
  }
}

/** Grows a scratch buffer (doubling, contents kept) so a batch's bytes fit. */
function ensure(buffer: Buffer, bytes: number): Buffer {
  if (buffer.length >= bytes) return buffer;
  const grown = Buffer.allocUnsafe(Math.max(bytes, buffer.length * 2, 4096));
  buffer.copy(grown);
  return grown;
}
