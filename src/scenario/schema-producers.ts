/** The `producers` block: how many producer clients, on how many threads, sending what. */
import { z } from 'zod';
import { clientDriver, configMap, positiveInt } from './fields.js';
import { isValidAt, whenObject } from './partial-checks.js';
import { keysSchema, messageSchema, payloadSchema } from './schema-message.js';
import { topicName } from './schema-topics.js';

export const producersSchema = z
  .strictObject({
    topic: topicName.optional().describe('A topic from `topics`. Default: the first topic.'),
    count: positiveInt().default(1).describe('Producer clients in total.'),
    threads: positiveInt().default(1).describe('Worker threads the clients are spread over (<= count).'),
    message: messageSchema,
    keys: keysSchema,
    payload: payloadSchema,
    client: clientDriver(),
    properties: configMap()
      .prefault({})
      .describe('librdkafka producer properties, e.g. acks: all, linger.ms: 5 (values become strings).'),
  })
  .superRefine(
    (producers, ctx) => {
      const countsValid = isValidAt(ctx.issues, ['count']) && isValidAt(ctx.issues, ['threads']);
      if (countsValid && producers.threads > producers.count) {
        ctx.addIssue({
          code: 'custom',
          path: ['threads'],
          input: producers.threads,
          message: `must be <= count (${producers.count}): every thread needs at least one producer`,
        });
      }
    },
    { when: whenObject },
  )
  .describe('The producer clients that generate the load.');
