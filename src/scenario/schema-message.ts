/** What each produced message looks like: its size, its key and its payload bytes. */
import { z } from 'zod';
import { nonEmptyString, positiveInt, positiveNumber } from './fields.js';
import { isValidAt, whenObject } from './partial-checks.js';
import type { KeyStrategy, MessageSize, PayloadSpec } from './types.js';

const fixedSize = positiveInt()
  .transform((bytes): MessageSize => ({ type: 'fixed', bytes }))
  .describe('Every message has this many bytes.');

const uniformSize = z
  .strictObject({
    min: positiveInt().describe('Smallest message, in bytes.'),
    max: positiveInt().describe('Largest message, in bytes (>= min).'),
  })
  .superRefine(
    (range, ctx) => {
      const bothValid = isValidAt(ctx.issues, ['min']) && isValidAt(ctx.issues, ['max']);
      if (bothValid && range.min > range.max) {
        ctx.addIssue({ code: 'custom', path: ['max'], input: range.max, message: `must be >= min (${range.min})` });
      }
    },
    { when: whenObject },
  )
  .transform((range): MessageSize => ({ type: 'uniform', minBytes: range.min, maxBytes: range.max }))
  .describe('Sizes drawn uniformly between min and max bytes, inclusive.');

const weightedSize = z
  .array(
    z.strictObject({
      size: positiveInt().describe('Message size in bytes.'),
      weight: positiveNumber().describe('Relative frequency; weights need not sum to 1.'),
    }),
  )
  .min(1)
  .transform(
    (choices): MessageSize => ({
      type: 'weighted',
      choices: choices.map((choice) => ({ bytes: choice.size, weight: choice.weight })),
    }),
  )
  .describe('Sizes chosen at random in proportion to their weights.');

export const messageSizeSchema = z
  .union([fixedSize, uniformSize, weightedSize], {
    error: 'must be a number of bytes, a {min, max} range, or a list of {size, weight}',
  })
  .describe('Message size in bytes: a number, a {min, max} range, or a weighted list of {size, weight}.');

export const messageSchema = z
  .strictObject({ size: messageSizeSchema })
  .prefault({ size: 100 })
  .describe('Message shape. Default 100 bytes; template and file payloads set their own size.');

const keyShorthand = z
  .enum(['none', 'sequential'])
  .transform((type): KeyStrategy => (type === 'none' ? { type: 'none' } : { type: 'sequential', prefix: 'key-' }))
  .describe('"none": no key; "sequential": keys "key-0", "key-1", ...');

const keyObject = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }).describe('No key.'),
  z
    .strictObject({
      type: z.literal('random'),
      cardinality: positiveInt().describe('Number of distinct keys drawn from.'),
    })
    .describe('Random keys from a fixed set, spreading load over partitions by key hash.'),
  z
    .strictObject({
      type: z.literal('sequential'),
      prefix: z.string().default('key-').describe('Text before the sequence number.'),
    })
    .describe('Keys prefix + sequence number: "key-0", "key-1", ...'),
]);

export const keysSchema = z
  .union([keyShorthand, keyObject], {
    error: 'must be "none", "sequential", or a mapping with type none, random or sequential',
  })
  .prefault('none')
  .describe('How message keys are chosen. Default "none".');

const payloadShorthand = z
  .literal('random')
  .transform((): PayloadSpec => ({ type: 'random', compressibility: 0 }))
  .describe('Incompressible random bytes.');

const payloadObject = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('random'),
      compressibility: z
        .number()
        .min(0)
        .lt(1)
        .default(0)
        .describe(
          '0 = incompressible; 0.9 = about 90% of each payload is repeated filler. ' +
            "The last 44 bytes hold kload's stamp, which does not compress: short values compress less.",
        ),
    })
    .describe('Random bytes with tunable compressibility, to exercise compression.type.'),
  z
    .strictObject({
      type: z.literal('template'),
      template: z.string().min(1).describe('Text; "{{seq}}" is replaced by the message sequence number.'),
    })
    .describe('A text template; the message size is whatever the template expands to.'),
  z
    .strictObject({
      type: z.literal('file'),
      path: nonEmptyString().describe('A text file; relative paths resolve against the scenario file.'),
    })
    .describe('Each message is the next line of a text file.'),
]);

export const payloadSchema = z
  .union([payloadShorthand, payloadObject], {
    error: 'must be "random", or a mapping with type random, template or file',
  })
  .prefault('random')
  .describe('What the message bytes contain. Default "random".');
