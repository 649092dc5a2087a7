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
}

export interface KeySource {
  next(seq: number): string | Buffer | null;
}

export function payloadSource(spec: PayloadSpec, size: MessageSize, lines: string[] | null): PayloadSource {
  switch (spec.type) {
    case 'random': {
      const pool = Array.from({ length: POOL_SIZE }, () => randomPayload(drawSize(size), spec.compressibility));
      const views = pool.map(trailerView);
      return { next: (seq) => pool[seq % POOL_SIZE]!, stampView: (seq) => views[seq % POOL_SIZE]! };
    }
    case 'template': {
      const parts = spec.template.split('{{seq}}');
      if (parts.length === 1) {
        const fixed = Buffer.from(spec.template);
        return { next: () => fixed, stampView: () => null };
      }
      return { next: (seq) => Buffer.from(parts.join(String(seq))), stampView: () => null };
    }
    case 'file': {
      const pool = (lines ?? []).map((l) => Buffer.from(l));
      if (pool.length === 0) throw new Error(`payload file ${spec.path} has no lines`);
      return { next: (seq) => pool[seq % pool.length]!, stampView: () => null };
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
