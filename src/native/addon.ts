/**
 * kload's native core (native/, built by `npm run build:native`): librdkafka driven in batches so
 * a worker thread touches numbers, never objects, per message. Messages go to librdkafka as
 * slices of one pool buffer described by typed arrays; delivery reports and consumed stamps come
 * back in typed arrays. This module types the addon and loads it; the helpers below allocate the
 * batch shapes it reads and writes, once, to be reused every loop turn.
 *
 * The addon is context-aware: every worker thread may load it and gets its own classes. A client
 * is closed by close() or, if nobody did, when its thread ends — never by the garbage collector.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** An eventfd: librdkafka writes it when a client's queue turns non-empty. Blocking: worker threads only. */
export interface Waiter {
  /** Sleeps up to timeoutUs (< 0: forever); true when woken by an event (which it then resets). */
  wait(timeoutUs: number): boolean;
  close(): void;
}

/** A librdkafka error as error_cb (or a failed message) reported it. */
export interface NativeError {
  code: number;
  /** rd_kafka_err2name, e.g. "_TRANSPORT". */
  name: string;
  message: string;
}

/** What the addon throws for Kafka failures: `code` is the librdkafka code (a number). */
export interface NativeKafkaError extends Error {
  code: number;
  errName: string;
  /** produceBatch only: messages produced before the failing one. */
  produced?: number;
}

export const StampMode = {
  None: 0,
  /** Binary trailer over the value's last 44 bytes; shorter values get the header instead. */
  Trailer: 1,
  /** Text `kload` header. */
  Header: 2,
} as const;

export interface ProduceBatch {
  count: number;
  /** One pool buffer; the addon may write the trailer into it before producing (librdkafka copies). */
  values: Buffer;
  valueOffsets: Uint32Array;
  valueLengths: Uint32Array;
  keys: Buffer | null;
  keyOffsets: Uint32Array;
  /** -1 = null key. */
  keyLengths: Int32Array;
  /** Integer handed back in the delivery report, to find the message's record. */
  opaques: Float64Array;
  seqs: Float64Array;
  intendedMonoUs: Float64Array;
  intendedWallUs: Float64Array;
  stampMode: 0 | 1 | 2;
  runId: number;
  phaseIndex: number;
  producerId: number;
  clockDomainId: number;
  /** OUT: CLOCK_MONOTONIC µs read just before each message's produce. */
  sentMonoUs: Float64Array;
}

export interface DeliveryReports {
  opaques: Float64Array;
  errors: Int32Array;
  partitions: Int32Array;
  offsets: Float64Array;
  sizes: Uint32Array;
  /** CLOCK_MONOTONIC µs when librdkafka handed the report over (same clock as process.hrtime). */
  ackMonoUs: Float64Array;
}

export interface ConsumedBatch {
  partitions: Int32Array;
  offsets: Float64Array;
  sizes: Uint32Array;
  /** 1 when a trailer or header stamp was parsed, 0 for a foreign message (its stamp fields are 0). */
  stamped: Uint8Array;
  runIds: Uint32Array;
  phaseIndexes: Uint32Array;
  producerIds: Uint32Array;
  seqs: Float64Array;
  intendedMonoUs: Float64Array;
  intendedWallUs: Float64Array;
  clockDomainIds: Uint32Array;
  /** Read once per consumeBatch call: when the batch reached the application. */
  consumeMonoUs: Float64Array;
  consumeWallUs: Float64Array;
}

export interface NativeProducer {
  /** Blocking metadata request; the broker count. Throws a NativeKafkaError when no broker answers. */
  connect(timeoutMs: number): number;
  /** Produces batch[start..count); stops at a full queue and returns how many went. */
  produceBatch(topic: string, partition: number, batch: ProduceBatch, start: number): number;
  /** Serves delivery reports (poll 0) and copies up to out.opaques.length of them into out. */
  drainReports(out: DeliveryReports): number;
  outqLen(): number;
  /** rd_kafka_flush; returns the out-queue length after. Reports wait for drainReports. */
  flush(timeoutMs: number): number;
  errors(): NativeError[];
  /** Destroys the client (flush first: what is left is purged); idempotent. */
  close(): void;
}

export interface NativeConsumer {
  connect(timeoutMs: number): number;
  subscribe(topics: string[]): void;
  /** Non-blocking; writes up to min(max, capacity of out) messages and returns how many. */
  consumeBatch(out: ConsumedBatch, max: number): number;
  assignedPartitions(): number;
  rebalances(): number;
  errors(): NativeError[];
  /** Leaves the group and destroys the client; blocking, idempotent. */
  close(): void;
}

export interface NativeAddon {
  librdkafkaVersion(): string;
  STAMP_TRAILER_BYTES: number;
  Waiter: new () => Waiter;
  NativeProducer: new (conf: Record<string, string>, waiter?: Waiter) => NativeProducer;
  NativeConsumer: new (conf: Record<string, string>, waiter?: Waiter) => NativeConsumer;
}

/** Where node-gyp puts the addon, relative to the package root. */
export const ADDON_PATH = join('native', 'build', 'Release', 'kload_native.node');

let loaded: NativeAddon | undefined; // per thread: each worker has its own module instance

export function loadNative(): NativeAddon {
  if (loaded) return loaded;
  const root = packageRoot();
  const file = join(root, ADDON_PATH);
  if (!existsSync(file)) {
    throw new Error(`kload's native core is not built (${file} is missing): run \`npm run build:native\` in ${root}.`);
  }
  const require = createRequire(join(root, 'package.json'));
  try {
    loaded = require(file) as NativeAddon;
  } catch (cause) {
    throw new Error(
      `Loading kload's native core (${file}) failed; ` +
        `rebuild it with \`npm run build:native\`: ${(cause as Error).message}`,
      { cause },
    );
  }
  return loaded;
}

/** A batch of `capacity` messages over a pool buffer; keys null means every key is null. */
export function createProduceBatch(
  capacity: number,
  values: Buffer = Buffer.alloc(0),
  keys: Buffer | null = null,
): ProduceBatch {
  return {
    count: 0,
    values,
    valueOffsets: new Uint32Array(capacity),
    valueLengths: new Uint32Array(capacity),
    keys,
    keyOffsets: new Uint32Array(capacity),
    keyLengths: new Int32Array(capacity).fill(-1),
    opaques: new Float64Array(capacity),
    seqs: new Float64Array(capacity),
    intendedMonoUs: new Float64Array(capacity),
    intendedWallUs: new Float64Array(capacity),
    stampMode: 0,
    runId: 0,
    phaseIndex: 0,
    producerId: 0,
    clockDomainId: 0,
    sentMonoUs: new Float64Array(capacity),
  };
}

export function createDeliveryReports(capacity: number): DeliveryReports {
  return {
    opaques: new Float64Array(capacity),
    errors: new Int32Array(capacity),
    partitions: new Int32Array(capacity),
    offsets: new Float64Array(capacity),
    sizes: new Uint32Array(capacity),
    ackMonoUs: new Float64Array(capacity),
  };
}

export function createConsumedBatch(capacity: number): ConsumedBatch {
  return {
    partitions: new Int32Array(capacity),
    offsets: new Float64Array(capacity),
    sizes: new Uint32Array(capacity),
    stamped: new Uint8Array(capacity),
    runIds: new Uint32Array(capacity),
    phaseIndexes: new Uint32Array(capacity),
    producerIds: new Uint32Array(capacity),
    seqs: new Float64Array(capacity),
    intendedMonoUs: new Float64Array(capacity),
    intendedWallUs: new Float64Array(capacity),
    clockDomainIds: new Uint32Array(capacity),
    consumeMonoUs: new Float64Array(capacity),
    consumeWallUs: new Float64Array(capacity),
  };
}
