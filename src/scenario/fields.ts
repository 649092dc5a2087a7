/** Field schemas shared by several parts of the scenario file. */
import { z } from 'zod';
import { positiveIntegerError } from './messages.js';

/** A whole number > 0 (counts, partitions, bytes), with one error wording for every way to miss. */
export function positiveInt() {
  return z.int({ error: positiveIntegerError }).positive();
}

/** A number > 0 that may have a fraction (rates, weights). */
export function positiveNumber() {
  return z.number().positive();
}

/** A non-empty string. */
export function nonEmptyString() {
  return z.string().min(1);
}

/**
 * A map of config names to values. Kafka's CreateTopics and librdkafka both take every config as
 * a string, but YAML users naturally write `linger.ms: 5` and `enable.idempotence: true`, so
 * numbers and booleans are accepted and stringified ("5", "true").
 */
export function configMap() {
  const value = z.union([z.string(), z.number(), z.boolean()], { error: 'must be a string, number or boolean' });
  return z
    .record(z.string(), value)
    .transform(
      (configs): Record<string, string> =>
        Object.fromEntries(Object.entries(configs).map(([name, v]) => [name, String(v)])),
    );
}

/**
 * Which client drives a block's clients: kload's native core (batched N-API over librdkafka, the
 * default) or the node-rdkafka binding (@platformatic/rdkafka), for teams that want to know what
 * the binding they ship costs them.
 */
export const clientDriver = () =>
  z
    .enum(['native', 'node-rdkafka'])
    .default('native')
    .describe(
      "Client driver: 'native' (kload's batched core over librdkafka, default) or 'node-rdkafka' (the binding).",
    );
