/**
 * The optional `sweep` block: a grid of runs (producers × messageBytes × partitions, optionally
 * × brokers × acks × compression × lingerMs) that the capacity models are fitted to. The block is checked on
 * its own here; `checkSweepAgainstScenario` checks what it needs from the rest of the file, and
 * `resolveSweep` fills every dimension the file does not sweep with the scenario's own value.
 */
import { z } from 'zod';
import { duration } from './duration.js';
import { positiveInt, positiveNumber } from './fields.js';
import { checkUnique, isValidAt, whenArray, whenObject } from './partial-checks.js';
import { DEFAULT_MAX_IN_FLIGHT } from './schema-phases.js';
import type { MessageSize, SweepSpec } from './types.js';

export const DEFAULT_SWEEP_WARMUP_MS = 2_000;
export const DEFAULT_POINT_DURATION_MS = 5_000;
/**
 * The warmup before a point's max phase is paced: an unpaced warmup runs with the default
 * in-flight bound (10,000 per producer), and with 10,000-byte records that is 100 MB per producer
 * queued on the broker when the max phase starts; measured on 2 cores, the max phase after such a
 * warmup lost two thirds of its throughput. A modest rate warms connections and code paths alike.
 */
export const DEFAULT_SWEEP_WARMUP_RATE = 2_000;
/**
 * Each broker is a JVM of ~512 MB heap on this host: five share a laptop's memory and cores
 * already, and beyond that the figures say more about the host than about Kafka.
 */
export const MAX_SWEEP_BROKERS = 5;

/** A non-empty list of distinct values: a repeated value would only run the same point twice. */
function valueList<T extends z.ZodType>(item: T, what: string) {
  return z
    .array(item)
    .min(1)
    .superRefine(
      (values, ctx) => {
        const entries = values.flatMap((value, i) =>
          isValidAt(ctx.issues, [i]) ? [{ name: String(value), path: [i] }] : [],
        );
        checkUnique(ctx, entries, what, 'use repeats to run a point more than once');
      },
      { when: whenArray },
    );
}

const acksValue = z
  .union([z.enum(['0', '1', 'all', '-1']), z.literal(0), z.literal(1), z.literal(-1)], {
    error: 'must be 0, 1, -1 or "all"',
  })
  .transform(String);

const brokersRange = { error: `must be 1..${MAX_SWEEP_BROKERS}` };
const brokerCount = z.int(brokersRange).min(1, brokersRange).max(MAX_SWEEP_BROKERS, brokersRange);

const compressionValue = z.enum(['none', 'gzip', 'snappy', 'lz4', 'zstd']);

/** Fields that shape the generated max phase; meaningless when a point runs the scenario's phases. */
const maxOnlyFields = ['warmup', 'warmupRate', 'pointDuration', 'maxInFlight'] as const;

export const sweepSchema = z
  .strictObject({
    producers: valueList(positiveInt(), 'producers value')
      .optional()
      .describe('N: producer client counts to sweep, e.g. [1, 2, 4]. Default: producers.count.'),
    threads: z
      .array(positiveInt())
      .min(1)
      .optional()
      .describe('Worker threads for each producers value, same order and length. Default: min(N, producers.threads).'),
    messageBytes: valueList(positiveInt(), 'messageBytes value')
      .optional()
      .describe('R: fixed message sizes in bytes to sweep (random payload). Default: producers.message.size.'),
    partitions: valueList(positiveInt(), 'partitions value')
      .optional()
      .describe(
        "K: partition counts to sweep; each point gets its own topic. Default: the producers' topic's partitions.",
      ),
    brokers: valueList(brokerCount, 'brokers value')
      .optional()
      .describe(
        'B: broker counts to sweep, e.g. [1, 3]; every point runs on a fresh embedded cluster of that size ' +
          "(the topic's replication factor capped by it). Not with --brokers. Default: the one cluster of the run.",
      ),
    acks: valueList(acksValue, 'acks value').optional().describe('librdkafka acks values to sweep, e.g. [1, all].'),
    compression: valueList(compressionValue, 'compression value')
      .optional()
      .describe('librdkafka compression.type values to sweep, e.g. [none, lz4].'),
    lingerMs: valueList(z.number().min(0), 'lingerMs value')
      .optional()
      .describe('librdkafka linger.ms values to sweep, e.g. [0, 5].'),
    repeats: positiveInt()
      .default(1)
      .describe('Times the whole grid is run; repeats give the fits an honest error estimate.'),
    load: z
      .enum(['max', 'scenario'])
      .default('max')
      .describe(
        'What each point runs. max (default): a warmup, then one max phase of pointDuration. ' +
          "scenario: the scenario's own phases, the last recorded one measured.",
      ),
    warmup: duration()
      .optional()
      .describe(`Unrecorded warmup before each point's max phase. Default ${DEFAULT_SWEEP_WARMUP_MS / 1000}s.`),
    warmupRate: positiveNumber()
      .optional()
      .describe(
        "Messages/s over all producers during each point's warmup (paced, so large records do not flood the broker). " +
          `Default ${DEFAULT_SWEEP_WARMUP_RATE}.`,
      ),
    pointDuration: duration()
      .optional()
      .describe(`Length of each point's measured max phase, e.g. "5s". Default ${DEFAULT_POINT_DURATION_MS / 1000}s.`),
    maxInFlight: positiveInt()
      .optional()
      .describe(
        `Unacknowledged messages per producer client in each point's max phase. Default ${DEFAULT_MAX_IN_FLIGHT}.`,
      ),
  })
  .superRefine(
    (sweep, ctx) => {
      if (!isValidAt(ctx.issues, ['load']) || sweep.load !== 'scenario') return;
      for (const key of maxOnlyFields) {
        if (sweep[key] === undefined) continue;
        const message = "only applies to load: max (with load: scenario every point runs the scenario's phases)";
        ctx.addIssue({ code: 'custom', path: [key], input: sweep[key], message });
      }
    },
    { when: whenObject },
  )
  .describe(
    'Runs the scenario once per point of a grid, each on a fresh topic, and fits the capacity models to the results.',
  );

export type SweepFile = z.output<typeof sweepSchema>;

/** What the sweep checks need from the rest of the file (as parsed, possibly with problems). */
export interface SweepContext {
  sweep?: SweepFile | undefined;
  producers: { count: number; topic?: string | undefined; message: { size: MessageSize }; payload: { type: string } };
  consumers?: { topic?: string | undefined } | null | undefined;
  topics: { name: string }[];
}

type Ctx = z.core.$RefinementCtx<SweepContext>;

/** Rules between the sweep and the rest of the scenario; run even when other parts have problems. */
export function checkSweepAgainstScenario(file: SweepContext, ctx: Ctx): void {
  const { sweep } = file;
  if (typeof sweep !== 'object' || sweep === null || Array.isArray(sweep)) return;
  checkThreads(file, ctx);
  checkMessageSize(file, ctx);
  checkConsumerTopic(file, ctx);
}

function checkThreads(file: SweepContext, ctx: Ctx): void {
  const threads = file.sweep?.threads;
  const countsValid = isValidAt(ctx.issues, ['sweep', 'threads']) && isValidAt(ctx.issues, ['sweep', 'producers']);
  if (threads === undefined || !countsValid) return;
  const producersFromFile = file.sweep?.producers;
  if (producersFromFile === undefined && !isValidAt(ctx.issues, ['producers', 'count'])) return;
  const producers = producersFromFile ?? [file.producers.count];
  const source = producersFromFile === undefined ? 'producers.count' : 'sweep.producers';
  if (threads.length !== producers.length) {
    const message = `must list one thread count per ${source} value (${producers.length}), got ${threads.length}`;
    ctx.addIssue({ code: 'custom', path: ['sweep', 'threads'], input: threads, message });
    return;
  }
  threads.forEach((count, i) => {
    const n = producers[i] as number;
    if (count <= n) return;
    const message = `must be <= ${source}[${i}] (${n}): every thread needs at least one producer`;
    ctx.addIssue({ code: 'custom', path: ['sweep', 'threads', i], input: count, message });
  });
}

/** R must be known exactly for T = N×R/K: a fixed size and a random payload of that size. */
function checkMessageSize(file: SweepContext, ctx: Ctx): void {
  if (isValidAt(ctx.issues, ['producers', 'payload']) && file.producers.payload.type !== 'random') {
    const message =
      `must be random in a sweep: a ${file.producers.payload.type} payload sets its own size, ` +
      'so the record size R is not the swept one';
    ctx.addIssue({ code: 'custom', path: ['producers', 'payload'], input: file.producers.payload, message });
  }
  const sizeValid = isValidAt(ctx.issues, ['producers', 'message']) && isValidAt(ctx.issues, ['sweep', 'messageBytes']);
  if (file.sweep?.messageBytes === undefined && sizeValid && file.producers.message.size.type !== 'fixed') {
    const message =
      'needs messageBytes when producers.message.size is not a fixed number of bytes (R must be one number per point)';
    ctx.addIssue({ code: 'custom', path: ['sweep'], input: file.sweep, message });
  }
}

function checkConsumerTopic(file: SweepContext, ctx: Ctx): void {
  const consumerTopic = file.consumers?.topic;
  if (consumerTopic === undefined || !Array.isArray(file.topics)) return;
  const namesValid =
    isValidAt(ctx.issues, ['consumers', 'topic']) &&
    isValidAt(ctx.issues, ['producers', 'topic']) &&
    file.topics.every((_, i) => isValidAt(ctx.issues, ['topics', i, 'name']));
  if (!namesValid) return;
  const producerTopic = file.producers.topic ?? file.topics[0]?.name;
  // An undeclared topic is already reported by the topic-reference check.
  if (consumerTopic === producerTopic || !file.topics.some((t) => t.name === consumerTopic)) return;
  const message =
    `must be the producers' topic "${producerTopic}" in a sweep: ` +
    'every point copies that topic and its consumers read the copy';
  ctx.addIssue({ code: 'custom', path: ['consumers', 'topic'], input: consumerTopic, message });
}

/** The resolved grid: every dimension filled in, durations in ms, max-only fields null for load: scenario. */
export function resolveSweep(
  sweep: SweepFile,
  scenario: { producerCount: number; producerThreads: number; messageSize: MessageSize; topicPartitions: number },
): SweepSpec {
  const producers = sweep.producers ?? [scenario.producerCount];
  const { messageSize } = scenario;
  // checkMessageSize rejected a sweep without messageBytes whose size is not fixed.
  const messageBytes = sweep.messageBytes ?? [messageSize.type === 'fixed' ? messageSize.bytes : 0];
  const max = sweep.load === 'max';
  return {
    producers,
    threads: sweep.threads ?? producers.map((n) => Math.min(n, scenario.producerThreads)),
    messageBytes,
    partitions: sweep.partitions ?? [scenario.topicPartitions],
    ...(sweep.brokers === undefined ? {} : { brokers: sweep.brokers }),
    acks: sweep.acks ?? null,
    compression: sweep.compression ?? null,
    lingerMs: sweep.lingerMs ?? null,
    repeats: sweep.repeats,
    load: sweep.load,
    warmupMs: max ? (sweep.warmup ?? DEFAULT_SWEEP_WARMUP_MS) : null,
    warmupRateMsgsPerSec: max ? (sweep.warmupRate ?? DEFAULT_SWEEP_WARMUP_RATE) : null,
    pointDurationMs: max ? (sweep.pointDuration ?? DEFAULT_POINT_DURATION_MS) : null,
    maxInFlight: max ? (sweep.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT) : null,
  };
}
