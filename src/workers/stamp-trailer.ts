/**
 * The binary stamp: written over the last STAMP_TRAILER_BYTES of a random payload just before
 * produce() (librdkafka copies the value, so the pooled buffer can be reused at once), read back
 * by consumers from the value they receive anyway. Little-endian layout from the trailer start:
 *
 *    0 seq f64 · 8 intendedMonoUs f64 · 16 intendedWallUs f64 · 24 runId u32 · 28 producerId u32
 *   32 clockDomainId u32 · 36 phaseIndex u32 · 40 magic u32 ("KLD2")
 *
 * The trailer replaces payload bytes, so the value keeps its size (R stays the record size the
 * models use); the stamp is as incompressible as the random bytes it covers.
 */
import type { Stamp } from './stamp.js';

export const STAMP_TRAILER_BYTES = 44;
/** "KLD2" read as a little-endian u32. */
const MAGIC = 0x32444c4b;

/** A view of a value's last STAMP_TRAILER_BYTES, or null when the value is too short. */
export function trailerView(value: Buffer): DataView | null {
  if (value.length < STAMP_TRAILER_BYTES) return null;
  return new DataView(value.buffer, value.byteOffset + value.length - STAMP_TRAILER_BYTES, STAMP_TRAILER_BYTES);
}

/** Positional, not a Stamp object: this runs once per message on the send path. */
export function writeStampTrailer(
  view: DataView,
  runId: number,
  phaseIndex: number,
  producerId: number,
  seq: number,
  intendedMonoUs: number,
  intendedWallUs: number,
  clockDomainId: number,
): void {
  view.setFloat64(0, seq, true);
  view.setFloat64(8, intendedMonoUs, true);
  view.setFloat64(16, intendedWallUs, true);
  view.setUint32(24, runId, true);
  view.setUint32(28, producerId, true);
  view.setUint32(32, clockDomainId, true);
  view.setUint32(36, phaseIndex, true);
  view.setUint32(40, MAGIC, true);
}

/** Null when the value does not end in a kload trailer. */
export function readStampTrailer(value: Buffer | null | undefined): Stamp | null {
  if (!value || value.length < STAMP_TRAILER_BYTES) return null;
  const at = value.length - STAMP_TRAILER_BYTES;
  if (value.readUInt32LE(at + 40) !== MAGIC) return null;
  return {
    seq: value.readDoubleLE(at),
    intendedMonoUs: value.readDoubleLE(at + 8),
    intendedWallUs: value.readDoubleLE(at + 16),
    runId: value.readUInt32LE(at + 24),
    producerId: value.readUInt32LE(at + 28),
    clockDomainId: value.readUInt32LE(at + 32),
    phaseIndex: value.readUInt32LE(at + 36),
  };
}
