/**
 * Test helpers for the native core: fill a ProduceBatch, produce it to the end while draining
 * every delivery report, and read a topic back with the NativeConsumer. Tests compare objects;
 * the addon's own loop never builds them.
 */
import { randomBytes } from 'node:crypto';
import {
  createConsumedBatch,
  createDeliveryReports,
  createProduceBatch,
  loadNative,
  type NativeProducer,
  type ProduceBatch,
  type Waiter,
} from '../../../src/native/addon.js';

export interface Report {
  opaque: number;
  error: number;
  partition: number;
  offset: number;
  size: number;
  ackMonoUs: number;
}
export interface Consumed {
  partition: number;
  offset: number;
  size: number;
  stamped: number;
  runId: number;
  phaseIndex: number;
  producerId: number;
  seq: number;
  intendedMonoUs: number;
  intendedWallUs: number;
  clockDomainId: number;
  consumeMonoUs: number;
  consumeWallUs: number;
}

export const RUN = { runId: 77, phaseIndex: 3, producerId: 12, clockDomainId: 0xabcdef };

/** `count` random values of `size` bytes in one pool, opaque = 1000 + i, seq = i, stamped per `stampMode`. */
export function randomBatch(count: number, size: number, stampMode: 0 | 1 | 2, withKeys = false): ProduceBatch {
  const b = createProduceBatch(count, randomBytes(count * size), withKeys ? Buffer.from('k'.repeat(count)) : null);
  b.count = count;
  b.stampMode = stampMode;
  Object.assign(b, RUN);
  const mono = Number(process.hrtime.bigint() / 1000n);
  const wall = Date.now() * 1000;
  for (let i = 0; i < count; i++) {
    b.valueOffsets[i] = i * size;
    b.valueLengths[i] = size;
    if (withKeys && i % 2 === 0) {
      b.keyOffsets[i] = i;
      b.keyLengths[i] = 1;
    }
    b.opaques[i] = 1000 + i;
    b.seqs[i] = i;
    b.intendedMonoUs[i] = mono + i + 0.25; // fractions: the trailer keeps them, the header rounds
    b.intendedWallUs[i] = wall + i + 0.5;
  }
  return b;
}

/** Produces the whole batch, draining reports each turn; resolves with every report, in arrival order. */
export async function produceAllNative(
  p: NativeProducer,
  topic: string,
  b: ProduceBatch,
  waiter?: Waiter,
  timeoutMs = 20_000,
): Promise<Report[]> {
  const out = createDeliveryReports(256);
  const got: Report[] = [];
  let next = 0;
  const deadline = Date.now() + timeoutMs;
  while (got.length < b.count) {
    if (Date.now() > deadline) throw new Error(`only ${got.length}/${b.count} delivery reports after ${timeoutMs} ms`);
    if (next < b.count) next += p.produceBatch(topic, -1, b, next);
    const n = p.drainReports(out);
    for (let i = 0; i < n; i++) {
      got.push({
        opaque: out.opaques[i]!,
        error: out.errors[i]!,
        partition: out.partitions[i]!,
        offset: out.offsets[i]!,
        size: out.sizes[i]!,
        ackMonoUs: out.ackMonoUs[i]!,
      });
    }
    if (n === 0) {
      if (waiter) waiter.wait(20_000);
      else await new Promise((r) => setTimeout(r, 5));
    }
  }
  return got;
}

export function nativeConsumerConf(
  brokers: string,
  topic: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    'bootstrap.servers': brokers,
    'group.id': `${topic}-native-${randomBytes(3).toString('hex')}`,
    'auto.offset.reset': 'earliest',
    'enable.auto.commit': 'false',
    log_level: '0',
    ...extra,
  };
}

/** Reads `count` messages from the start of the topic with the NativeConsumer. */
export async function consumeNative(
  brokers: string,
  topic: string,
  count: number,
  extra: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Consumed[]> {
  const { NativeConsumer } = loadNative();
  const c = new NativeConsumer(nativeConsumerConf(brokers, topic, extra));
  const out = createConsumedBatch(128);
  const got: Consumed[] = [];
  try {
    c.connect(10_000);
    c.subscribe([topic]);
    const deadline = Date.now() + timeoutMs;
    while (got.length < count) {
      if (Date.now() > deadline)
        throw new Error(`consumed ${got.length}/${count} in ${timeoutMs} ms; errors: ${JSON.stringify(c.errors())}`);
      const n = c.consumeBatch(out, 128);
      for (let i = 0; i < n; i++) {
        got.push({
          partition: out.partitions[i]!,
          offset: out.offsets[i]!,
          size: out.sizes[i]!,
          stamped: out.stamped[i]!,
          runId: out.runIds[i]!,
          phaseIndex: out.phaseIndexes[i]!,
          producerId: out.producerIds[i]!,
          seq: out.seqs[i]!,
          intendedMonoUs: out.intendedMonoUs[i]!,
          intendedWallUs: out.intendedWallUs[i]!,
          clockDomainId: out.clockDomainIds[i]!,
          consumeMonoUs: out.consumeMonoUs[i]!,
          consumeWallUs: out.consumeWallUs[i]!,
        });
      }
      if (n === 0) await new Promise((r) => setTimeout(r, 10));
    }
    const errors = c.errors();
    if (errors.length > 0) throw new Error(`consumer errors: ${JSON.stringify(errors)}`);
    return got;
  } finally {
    c.close();
  }
}
