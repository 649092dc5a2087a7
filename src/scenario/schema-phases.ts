/** The `phases` list: the load over time, run in order. */
import { z } from 'zod';
import { duration } from './duration.js';
import { nonEmptyString, positiveInt, positiveNumber } from './fields.js';
import { checkUnique, isValidAt, whenArray } from './partial-checks.js';
import type { Phase } from './types.js';

/**
 * Per producer client. Measured on 2 cores (100-byte messages, acks=1): 10,000 gave 141k msg/s
 * at p50 63 ms, 100,000 gave 108k msg/s at p50 927 ms: beyond a few batches, more in flight only
 * adds queueing (latency = in flight / throughput).
 */
export const DEFAULT_MAX_IN_FLIGHT = 10_000;

const phaseName = nonEmptyString().optional().describe('Shown in reports; unique. Default: the phase type.');
const phaseDuration = duration().describe(
  'How long the phase runs: "500ms", "10s", "1.5m", "1h", or a number of seconds.',
);

/** Each phase keeps `name` undefined when omitted; the list fills it in once duplicates are checked. */
type NamedLater<P> = P extends Phase ? Omit<P, 'name'> & { name: string | undefined } : never;

const warmup = z
  .strictObject({
    name: phaseName,
    type: z.literal('warmup'),
    duration: phaseDuration,
    rate: positiveNumber().optional().describe('Messages/s over all producers. Default: as fast as possible.'),
  })
  .transform(
    (p): NamedLater<Phase> => ({
      name: p.name,
      type: 'warmup',
      durationMs: p.duration,
      rateMsgsPerSec: p.rate ?? null,
    }),
  )
  .describe('Load that is sent but not recorded, so connections, caches and the JIT settle first.');

const constant = z
  .strictObject({
    name: phaseName,
    type: z.literal('constant'),
    duration: phaseDuration,
    rate: positiveNumber().describe('Messages/s over all producers, paced open-loop from intended send times.'),
  })
  .transform(
    (p): NamedLater<Phase> => ({ name: p.name, type: 'constant', durationMs: p.duration, rateMsgsPerSec: p.rate }),
  )
  .describe('A fixed rate: message i is intended at start + i / rate, however the cluster keeps up.');

const ramp = z
  .strictObject({
    name: phaseName,
    type: z.literal('ramp'),
    duration: phaseDuration,
    from: positiveNumber().describe('Messages/s over all producers at the start.'),
    to: positiveNumber().describe('Messages/s over all producers at the end; the rate changes linearly in between.'),
  })
  .transform(
    (p): NamedLater<Phase> => ({
      name: p.name,
      type: 'ramp',
      durationMs: p.duration,
      fromRateMsgsPerSec: p.from,
      toRateMsgsPerSec: p.to,
    }),
  )
  .describe('A rate that changes linearly, e.g. to find where latency bends (the knee).');

const step = z.strictObject({
  rate: positiveNumber().describe('Messages/s over all producers during this step.'),
  duration: phaseDuration,
});

const steps = z
  .strictObject({
    name: phaseName,
    type: z.literal('steps'),
    steps: z.array(step).min(1).describe('Rates held one after another; the phase lasts their total duration.'),
  })
  .transform(
    (p): NamedLater<Phase> => ({
      name: p.name,
      type: 'steps',
      durationMs: p.steps.reduce((sum, s) => sum + s.duration, 0),
      steps: p.steps.map((s) => ({ rateMsgsPerSec: s.rate, durationMs: s.duration })),
    }),
  )
  .describe('A staircase of fixed rates, each held for its own duration.');

const max = z
  .strictObject({
    name: phaseName,
    type: z.literal('max'),
    duration: phaseDuration,
    maxInFlight: positiveInt()
      .default(DEFAULT_MAX_IN_FLIGHT)
      .describe(
        'Unacknowledged messages allowed per producer client. ' +
          "Latency in a max phase is about maxInFlight / throughput (Little's law), " +
          'so a huge bound only measures queueing.',
      ),
  })
  .transform(
    (p): NamedLater<Phase> => ({ name: p.name, type: 'max', durationMs: p.duration, maxInFlight: p.maxInFlight }),
  )
  .describe('As fast as the cluster accepts, with a bound on messages in flight.');

export const phasesSchema = z
  .array(z.discriminatedUnion('type', [warmup, constant, ramp, steps, max]))
  .min(1)
  .superRefine(
    (phases, ctx) => {
      const entries = phases.flatMap((phase, i) => {
        if (!isValidAt(ctx.issues, [i])) return [];
        // A defaulted name points at `type`, which is what the user has to change (or add a name).
        if (phase.name === undefined) return [{ name: phase.type, path: [i, 'type'] }];
        return [{ name: phase.name, path: [i, 'name'] }];
      });
      checkUnique(ctx, entries, 'phase name', 'phase names must be unique; the name defaults to the type');
    },
    { when: whenArray },
  )
  .transform((phases): Phase[] => phases.map((phase) => ({ ...phase, name: phase.name ?? phase.type })))
  .describe('The load over time, run in order: usually a warmup, then constant, ramp, steps or max phases.');
