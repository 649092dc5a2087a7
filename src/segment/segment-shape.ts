/**
 * The shape of a segment file below its top-level fields, as `kload merge` relies on it: the
 * worker counters, histograms and bitmaps it folds, and the interval deltas it lines up. Checked
 * once when the file is read, so a damaged segment is refused with the field it broke.
 */
import { z } from 'zod';

const count = z.number().nonnegative();

const producerPhase = z.looseObject({
  sent: count,
  acked: count,
  failed: z.record(z.string(), count),
  ackedBytes: count,
  queueFullWaits: count,
  publishHistogram: z.string(),
  serviceHistogram: z.string(),
  scheduleDelayHistogram: z.string(),
});

const consumerPhase = z.looseObject({
  consumed: count,
  consumedBytes: count,
  endToEndHistogram: z.string(),
  monotonicClock: count,
  wallClock: count,
  duplicated: count,
  outOfOrder: count,
});

/** Fault measurements (optional: segments of older versions lack them); see workers/protocol.ts. */
const ackGaps = z.array(
  z.looseObject({
    partition: z.int().nonnegative(),
    firstAckUs: z.number(),
    lastAckUs: z.number(),
    gapsUs: z.array(z.tuple([z.number(), z.number()])),
    openAtEnd: z.boolean(),
    dropped: count,
  }),
);

const producerWorker = z.looseObject({
  workerId: z.int().nonnegative(),
  phases: z.array(producerPhase),
  producers: z.array(
    z.looseObject({
      producerId: z.int().nonnegative(),
      phaseStartSeq: z.array(count),
      ackedBase64: z.string(),
      intervalStartSeq: z.array(count).optional(),
    }),
  ),
  stoppedEarly: z.boolean(),
  ackGaps: ackGaps.optional(),
});

const consumerWorker = z.looseObject({
  workerId: z.int().nonnegative(),
  phases: z.array(consumerPhase),
  groups: z.array(
    z.looseObject({
      group: z.string(),
      consumed: z.array(z.looseObject({ producerId: z.int().nonnegative(), seqsBase64: z.string() })),
    }),
  ),
  foreign: count,
  duplicatedByInterval: z.array(z.tuple([z.int().nonnegative(), count])).optional(),
});

const delta = z.looseObject({
  index: z.int().nonnegative(),
  sent: count,
  acked: count,
  consumed: count,
  ackedBytes: count,
  failed: z.record(z.string(), count).optional(),
  publishHistogram: z.string().nullable(),
  scheduleDelayHistogram: z.string().nullable(),
  serviceHistogram: z.string().nullable().optional(),
  endToEndHistogram: z.string().nullable().optional(),
});

const phase = z.looseObject({
  name: z.string(),
  type: z.enum(['warmup', 'constant', 'ramp', 'steps', 'max']),
  durationMs: z.number().positive(),
});

export const segmentShape = z.looseObject({
  segment: z.looseObject({ index: z.int().positive(), count: z.int().positive() }),
  agent: z.string().nullable(),
  status: z.enum(['complete', 'interrupted', 'failed']),
  statusReason: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  scheduleStartWallUs: z.number(),
  stoppedAfterSec: z.number().nullable(),
  intervalMs: z.int().positive(),
  scenario: z.looseObject({
    name: z.string(),
    phases: z.array(phase),
    consumers: z.looseObject({ groups: z.array(z.string()) }).nullable(),
    thresholds: z.array(z.string()),
  }),
  environment: z.looseObject({ producerThreads: count, consumerThreads: count }),
  clock: z.looseObject({ offsetUs: z.number(), boundUs: z.number(), method: z.string() }).nullable(),
  producers: z.array(producerWorker),
  consumers: z.array(consumerWorker),
  intervals: z.array(z.array(delta)),
  lag: z.array(z.array(z.tuple([z.int().nonnegative(), count]))),
  drained: z.boolean(),
  clientErrors: z.array(z.string()),
});
