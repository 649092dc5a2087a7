/** The optional `consumers` block: consumer groups that read what the producers send. */
import { z } from 'zod';
import { clientDriver, configMap, nonEmptyString, positiveInt } from './fields.js';
import { checkUnique, isValidAt, whenArray, whenObject } from './partial-checks.js';
import { topicName } from './schema-topics.js';

const groupsSchema = z
  .array(nonEmptyString())
  .min(1)
  .superRefine(
    (groups, ctx) => {
      const entries = groups.flatMap((name, i) => (isValidAt(ctx.issues, [i]) ? [{ name, path: [i] }] : []));
      checkUnique(ctx, entries, 'group id');
    },
    { when: whenArray },
  )
  .describe('Consumer group ids; every group reads every message. Default: ["<scenario name>-group"].');

export const consumersSchema = z
  .strictObject({
    topic: topicName.optional().describe("A topic from `topics`. Default: the producers' topic."),
    groups: groupsSchema.optional(),
    members: positiveInt().default(1).describe('Consumers in each group.'),
    threads: positiveInt().default(1).describe('Worker threads all members are spread over (<= members x groups).'),
    client: clientDriver(),
    properties: configMap()
      .prefault({})
      .describe('librdkafka consumer properties, e.g. fetch.min.bytes: 1 (values become strings).'),
  })
  .superRefine(
    (consumers, ctx) => {
      const valid = ['members', 'threads', 'groups'].every((key) => isValidAt(ctx.issues, [key]));
      if (!valid) return;
      const groupCount = consumers.groups?.length ?? 1;
      const clients = consumers.members * groupCount;
      if (consumers.threads > clients) {
        ctx.addIssue({
          code: 'custom',
          path: ['threads'],
          input: consumers.threads,
          message:
            `must be <= members x groups (${consumers.members} x ${groupCount} = ${clients}): ` +
            'every thread needs at least one consumer',
        });
      }
    },
    { when: whenObject },
  );
