/**
 * Message values and keys, built before the run so the hot path only picks the next buffer:
 * librdkafka copies the value on produce (RK_MSG_COPY), so one pooled buffer serves many sends.
 * Templates are the exception: "{{seq}}" makes every message different by definition.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { KeyStrategy, MessageSize, PayloadSpec } from '../scenario/types.js';
import { trailerView } from './stamp-trailer.js';
import { assertNever } from '../errors.js';

const POOL_SIZE = 1024;

export interface PayloadSource {
  /** The value of message `seq`. */
  next(seq: number): Buffer;
  /**
   * Where message `seq`'s stamp may be written into its value, or null when the value must go
   * out as given (template and file payloads are the user's bytes; short values cannot hold it).
   */
  stampView(seq: number): DataView | null;
  /**
   * The values as one buffer (message `seq` is entry seq % count), for drivers that take slices
   * of one buffer; null when values are made per message (a template with {{seq}}).
   */
  pool: ValuePool | null;
  /** Random payloads carry the binary trailer; the user's bytes (template, file) the text header. */
  stampCarrier: 'trailer' | 'header';
}

export interface ValuePool {
  buffer: Buffer;
  offsets: Uint32Array;
  lengths: Uint32Array;
}

export interface KeySource {
  next(seq: number): string | Buffer | null;
}

export function payloadSource(spec: PayloadSpec, size: MessageSize, lines: string[] | null): PayloadSource {
  switch (spec.type) {
    case 'random': {
      const { values, pool } = pooled(
        Array.from({ length: POOL_SIZE }, () => randomPayload(drawSize(size), spec.compressibility)),
      );
      const views = values.map(trailerView);
      return {
        next: (seq) => values[seq % POOL_SIZE]!,
        stampView: (seq) => views[seq % POOL_SIZE]!,
        pool,
        stampCarrier: 'trailer',
      };
    }
    case 'template': {
      const parts = spec.template.split('{{seq}}');
      if (parts.length === 1) {
        const { values, pool } = pooled([Buffer.from(spec.template)]);
        return { next: () => values[0]!, stampView: () => null, pool, stampCarrier: 'header' };
      }
      return {
        next: (seq) => Buffer.from(parts.join(String(seq))),
        stampView: () => null,
        pool: null,
        stampCarrier: 'header',
      };
    }
    case 'file': {
      if (!lines || lines.length === 0) throw new Error(`payload file ${spec.path} has no lines`);
      const { values, pool } = pooled(lines.map((l) => Buffer.from(l)));
      return { next: (seq) => values[seq % values.length]!, stampView: () => null, pool, stampCarrier: 'header' };
    }
    default:
      return assertNever(spec, 'payload');
  }
}

export function keySource(spec: KeyStrategy): KeySource {
  switch (spec.type) {
    case 'none':
      return { next: () => null };
    case 'random': {
      const keys = Array.from({ length: Math.min(spec.cardinality, 1_000_000) }, (_, i) => `k${i}`);
      return { next: () => keys[randomInt(keys.length)]! };
    }
    case 'sequential':
      return { next: (seq) => `${spec.prefix}${seq}` };
    default:
      return assertNever(spec, 'key strategy');
  }
}

/** Draws one size from the distribution; the pool's sizes follow it. */
export function drawSize(size: MessageSize): number {
  switch (size.type) {
    case 'fixed':
      return size.bytes;
    case 'uniform':
      return size.minBytes + randomInt(size.maxBytes - size.minBytes + 1);
    case 'weighted': {
      const total = size.choices.reduce((s, c) => s + c.weight, 0);
      let r = Math.random() * total;
      for (const c of size.choices) if ((r -= c.weight) < 0) return c.bytes;
      return size.choices[size.choices.length - 1]!.bytes;
    }
    default:
      return assertNever(size, 'size');
  }
}

/**
 * Random bytes of which a fraction `compressibility` is one repeated byte: compressors shrink
 * the run to almost nothing and cannot shrink the random rest, so the ratio is predictable.
 */
export function randomPayload(bytes: number, compressibility: number): Buffer {
  const buf = randomBytes(bytes);
  buf.fill(0x61, 0, Math.floor(bytes * compressibility));
  return buf;
}

/** Copies the values into one buffer; each returned value is a view of its slice of it. */
function pooled(parts: Buffer[]): { values: Buffer[]; pool: ValuePool } {
  const buffer = Buffer.concat(parts);
  const offsets = new Uint32Array(parts.length);
  const lengths = new Uint32Array(parts.length);
  let at = 0;
  const values = parts.map((part, i) => {
    offsets[i] = at;
    lengths[i] = part.length;
    at += part.length;
    return buffer.subarray(offsets[i]!, at);
  });
  return { values, pool: { buffer, offsets, lengths } };
}
