/**
 * The shape of a saved run result as the commands that read one back (`report`, `compare`, a
 * sweep's points) rely on it, checked once when the file is read: a hand-edited or damaged file
 * (a truncated key, a number where a list goes) is then refused with the field it broke, instead
 * of failing later deep inside a table or a chart. Unknown fields are allowed, so a result with
 * extra fields from a newer kload of the same schema version still reads.
 */
import { z } from 'zod';
import { formatPath, problemsFromIssues, type PathSegment } from '../scenario/problems.js';

const count = z.number();
const nullableNumber = z.number().nullable();

const latency = z.looseObject({
  count,
  mean: z.number(),
  stdev: z.number(),
  min: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  p999: z.number(),
  p9999: z.number(),
  max: z.number(),
  histogram: z.string(),
});

// unverified, evaluated and notEvaluatedReason are absent in results of kload before 0.2.
const integrity = z
  .looseObject({ lost: count, unverified: count.optional(), duplicated: count, outOfOrder: count })
  .nullable();

const histogramList = z.array(z.string().nullable());

const interval = z.looseObject({
  elapsedSec: z.number(),
  sentPerSec: z.number(),
  ackedPerSec: z.number(),
  consumedPerSec: z.number(),
  ackedMBPerSec: z.number(),
  publishP50Us: z.number(),
  publishP99Us: z.number(),
  publishMaxUs: z.number(),
  scheduleDelayP99Us: z.number(),
  targetPerSec: nullableNumber,
  consumerLag: nullableNumber,
});

const phase = z.looseObject({
  name: z.string(),
  type: z.enum(['warmup', 'constant', 'ramp', 'steps', 'max']),
  recorded: z.boolean(),
  targetRate: nullableNumber,
  achievedRate: z.number(),
  durationSec: z.number(),
  sent: count,
  acked: count,
  failed: z.record(z.string(), count),
  bytes: count,
  consumed: count,
  consumedBytes: count,
  queueFullWaits: count,
  producerWorkers: z.array(z.looseObject({ workerId: z.number(), sent: count, acked: count })),
  consumerWorkers: z.array(z.looseObject({ workerId: z.number(), consumed: count })),
  publishLatencyUs: latency,
  serviceLatencyUs: latency,
  scheduleDelayUs: latency,
  endToEndLatencyUs: latency,
  endToEndClock: z.enum(['monotonic', 'wall', 'mixed']).nullable(),
  integrity,
  generatorBound: z.boolean(),
  generatorBoundReasons: z.array(z.string()),
  intervals: z.array(interval),
  intervalHistograms: z
    .looseObject({
      intervalSec: z.number(),
      publish: histogramList,
      service: histogramList,
      scheduleDelay: histogramList,
      endToEnd: histogramList,
    })
    .optional(),
});

const threshold = z.looseObject({
  expression: z.string(),
  phase: z.string().nullable(),
  metric: z.string(),
  actual: nullableNumber,
  operator: z.enum(['<', '<=', '>', '>=', '==', '!=']),
  limit: z.number(),
  unit: z.string(),
  pass: z.boolean(),
  evaluated: z.boolean().optional(),
  notEvaluatedReason: z.string().nullable().optional(),
});

const summary = z.looseObject({
  durationSec: z.number(),
  sent: count,
  acked: count,
  failed: count,
  consumed: count,
  throughputMsgsPerSec: z.number(),
  throughputMBPerSec: z.number(),
  publishP50Us: z.number(),
  publishP99Us: z.number(),
  endToEndP99Us: z.number(),
  integrity,
  generatorBound: z.boolean(),
});

const environment = z.looseObject({
  node: z.string(),
  librdkafka: z.string(),
  kafka: z.string().nullable(),
  os: z.string(),
  cpuModel: z.string(),
  cpuCount: z.number(),
  totalMemoryBytes: z.number(),
  brokers: z.string(),
  cluster: z.string(),
  producerProperties: z.record(z.string(), z.unknown()),
  consumerProperties: z.record(z.string(), z.unknown()),
  producerThreads: z.number(),
  consumerThreads: z.number(),
});

const distribution = z.looseObject({
  runId: z.number(),
  segmentCount: z.number(),
  segments: z.array(
    z.looseObject({
      index: z.number(),
      agent: z.string().nullable(),
      status: z.string(),
      statusReason: z.string().nullable(),
      clockOffsetUs: nullableNumber,
      clockBoundUs: nullableNumber,
    }),
  ),
  missingSegments: z.array(z.number()),
});

const faultImpact = z.looseObject({
  unavailabilityMs: z.number(),
  unavailablePartition: nullableNumber,
  baselineP99Us: nullableNumber,
  recoverySec: nullableNumber,
  lostInWindow: nullableNumber,
  duplicatedInWindow: nullableNumber,
  window: z.looseObject({ fromSec: z.number(), toSec: z.number() }),
});

const fault = z.looseObject({
  index: z.number(),
  action: z.enum(['pause', 'kill', 'restart', 'exec']),
  phase: z.string(),
  target: z.string(),
  nodeId: nullableNumber,
  plannedAtSec: z.number(),
  startedAtSec: nullableNumber,
  endedAtSec: nullableNumber,
  startedAt: z.string().nullable(),
  outcome: z.enum(['done', 'failed', 'skipped']),
  detail: z.string(),
  impact: faultImpact.nullable(),
});

const runShape = {
  kload: z.looseObject({ version: z.string() }),
  status: z.enum(['complete', 'interrupted', 'failed']),
  statusReason: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  scenario: z.looseObject({ name: z.string(), description: z.string(), phases: z.array(z.unknown()) }),
  // Absent without kload run --label.
  label: z.string().optional(),
  environment,
  phases: z.array(phase),
  thresholds: z.array(threshold),
  summary,
  distribution: distribution.optional(),
  // Absent in results of runs without faults, and of kload before 0.2.
  faults: z.array(fault).optional(),
};

/** One repeat of a `--repeats N` result: a whole result itself, without nested repeats. */
const repeatShape = z.looseObject({ ...runShape, repeats: z.never().optional() });

export const runResultShape = z.looseObject({
  ...runShape,
  // Absent in single runs.
  repeats: z.array(repeatShape).min(1).optional(),
});

/** The fields of `data` that break the shape, as `phases[1].intervals: expected array`; empty when it fits. */
export function shapeProblems(shape: z.ZodType, data: unknown, base: readonly PathSegment[] = []): string[] {
  const parsed = shape.safeParse(data);
  if (parsed.success) return [];
  return problemsFromIssues(parsed.error.issues, base).map((p) => `${formatPath(p.path) || '(top)'}: ${p.message}`);
}
