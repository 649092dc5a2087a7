/** The `topics` block: the topics kload creates before the run. */
import { z } from 'zod';
import { configMap, positiveInt } from './fields.js';
import { checkUnique, isValidAt, whenArray } from './partial-checks.js';

// Kafka's own rule for topic names (org.apache.kafka.common.internals.Topic): at most 249 of these
// characters. Checking here beats a CreateTopics error halfway through starting a run.
export const topicNamePattern = /^[a-zA-Z0-9._-]+$/;

export const topicName = z
  .string()
  .min(1)
  .max(249)
  .regex(topicNamePattern, { error: 'may contain only letters, digits, ".", "_" and "-"' });

export const topicSchema = z
  .strictObject({
    name: topicName.describe('Topic name; created before the run if it does not exist.'),
    partitions: positiveInt().default(1).describe('Number of partitions.'),
    replicationFactor: positiveInt()
      .default(1)
      .describe('Copies of each partition; at most the number of brokers in the cluster.'),
    configs: configMap()
      .prefault({})
      .describe('Topic-level configs passed to CreateTopics, e.g. retention.ms: 600000 (values become strings).'),
  })
  .describe('A topic the scenario uses.');

export const topicsSchema = z
  .array(topicSchema)
  .min(1)
  .superRefine(
    (topics, ctx) => {
      const entries = topics.flatMap((topic, i) =>
        isValidAt(ctx.issues, [i, 'name']) ? [{ name: topic.name, path: [i, 'name'] }] : [],
      );
      checkUnique(ctx, entries, 'topic name');
    },
    { when: whenArray },
  )
  .describe('Topics to create; producers and consumers refer to them by name. The first is the default.');
