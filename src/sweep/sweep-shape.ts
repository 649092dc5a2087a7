/**
 * The shape of a saved sweep result as `kload report` and `kload plan` rely on it, checked once
 * when the file is read (see result/result-shape.ts for why). Unknown fields are allowed.
 */
import { z } from 'zod';
import { runResultShape } from '../result/result-shape.js';

const nullableNumber = z.number().nullable();
const nullableString = z.string().nullable();
// A fit's figures are computed (exp of a bound, sqrt of a variance) and JSON writes a non-finite
// one as null: such a file was written by kload and must still read.
const computed = z.number().nullable();
const interval = z.looseObject({ low: computed, high: computed });

const fit = z.looseObject({
  formula: z.string(),
  n: z.number(),
  degreesOfFreedom: z.number(),
  confidence: z.number(),
  constant: z.looseObject({ estimate: computed, interval }),
  exponents: z.array(
    z.looseObject({
      exponent: z.string(),
      predictor: z.string(),
      key: z.string(),
      estimate: computed,
      standardError: computed,
      interval,
      predicted: nullableNumber,
      holds: z.boolean().nullable(),
      verdict: z.string(),
    }),
  ),
  dropped: z.array(z.string()),
  rSquared: computed,
  residualStandardError: computed,
  worstResiduals: z.array(
    z.looseObject({ index: z.number(), observed: z.number(), fitted: z.number(), relativeError: z.number() }),
  ),
  holds: z.boolean().nullable(),
  verdicts: z.array(z.string()),
  notes: z.array(z.string()),
});

const seedModel = z.discriminatedUnion('checked', [
  z.looseObject({
    checked: z.literal(true),
    seed: z.string(),
    measures: z.string(),
    holds: z.boolean().nullable(),
    fit,
    lines: z.array(z.string()),
    pointIndices: z.array(z.number()),
  }),
  z.looseObject({ checked: z.literal(false), seed: z.string(), measures: z.string(), reason: z.string() }),
]);

const littlesLaw = z.discriminatedUnion('checked', [
  z.looseObject({
    pointIndex: z.number(),
    checked: z.literal(true),
    expectedInFlight: z.number(),
    measuredInFlight: z.number(),
    relativeGap: z.number(),
    tolerance: z.number(),
    consistent: z.boolean(),
    evidence: z.string(),
  }),
  z.looseObject({ pointIndex: z.number(), checked: z.literal(false), reason: z.string() }),
]);

const uslGroup = z.looseObject({
  messageBytes: z.number(),
  partitions: z.number(),
  brokers: z.number().optional(),
  acks: nullableString,
  compression: nullableString,
  lingerMs: nullableNumber,
});

const usl = z.looseObject({
  group: uslGroup,
  pointIndices: z.array(z.number()),
  sigma: computed,
  kappa: computed,
  lambda: computed,
  lambdaSource: z.enum(['measured', 'fitted']),
  rSquared: computed,
  peakProducers: nullableNumber,
  peakThroughputMsgsPerSec: nullableNumber,
  notes: z.array(z.string()),
});

const models = z.looseObject({
  latencyMeasure: z.string(),
  throughput: seedModel,
  throughputBytes: seedModel,
  latency: seedModel,
  efficiency: seedModel,
  littlesLaw: z.array(littlesLaw),
  usl: z.looseObject({
    fits: z.array(usl),
    notFitted: z.array(z.looseObject({ group: uslGroup.nullable(), reason: z.string() })),
  }),
  partitionSizing: z.array(
    z.looseObject({
      pointIndex: z.number(),
      partitions: z.number(),
      perPartitionProducerMsgsPerSec: z.number(),
      perPartitionProducerMBPerSec: z.number(),
      perPartitionConsumerMsgsPerSec: nullableNumber,
    }),
  ),
});

const measurement = z.looseObject({
  phase: z.string(),
  phaseType: z.string(),
  durationSec: z.number(),
  throughputMsgsPerSec: z.number(),
  throughputMBPerSec: z.number(),
  publishP50Us: z.number(),
  publishMeanUs: z.number(),
  publishP99Us: z.number(),
  consumedMsgsPerSec: nullableNumber,
  consumerGroups: nullableNumber,
  consumerMembersPerGroup: nullableNumber,
  maxInFlightPerProducer: nullableNumber,
  messagesAcked: z.number(),
  generatorBound: z.boolean(),
  status: z.string(),
});

const point = z.looseObject({
  parameters: z.looseObject({
    index: z.number(),
    repeat: z.number(),
    producers: z.number(),
    threads: z.number(),
    messageBytes: z.number(),
    partitions: z.number(),
    // Sweeps over brokers only (and none before kload had them).
    brokers: z.number().optional(),
    replicationFactor: z.number().optional(),
    acks: nullableString,
    compression: nullableString,
    lingerMs: nullableNumber,
    topic: z.string(),
  }),
  measurement: measurement.nullable(),
  storage: z
    .looseObject({
      logBytes: z.number(),
      messages: z.number(),
      bytesPerMessage: z.number(),
      overheadBytesPerMessage: z.number(),
      firstOffsets: z.array(z.number()).optional(),
    })
    .nullable(),
  result: runResultShape,
});

export const sweepResultShape = z.looseObject({
  kload: z.looseObject({ version: z.string() }),
  status: z.enum(['complete', 'interrupted', 'failed']),
  statusReason: nullableString,
  startedAt: z.string(),
  finishedAt: z.string(),
  scenario: z.looseObject({ name: z.string() }),
  pointLoad: z.string(),
  betweenPoints: z.string(),
  cluster: z.looseObject({
    kind: z.string(),
    brokers: z.string(),
    brokerCount: z.number(),
    kafkaVersion: nullableString,
    logDirs: z.array(z.string()).nullable(),
    logDirsUnavailableReason: nullableString,
    perPointBrokerCounts: z.array(z.number()).optional(),
  }),
  plannedPoints: z.number(),
  points: z.array(point),
  models,
});
