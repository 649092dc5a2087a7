/**
 * A resolved Scenario built literally (no YAML, no defaults pass), so a test states only the
 * fields it is about: scenario "steady" with one 6-partition topic "t", one producer on one
 * thread, no consumers, one 10 s constant phase at 1,000 msg/s, the native client driver. As the
 * loader resolves them, the producers' topic defaults to the first topic and the consumers' topic
 * to the producers'.
 */
import type { ConsumerSpec, ProducerSpec, Scenario } from '../../src/scenario/types.js';

export interface ScenarioOverrides extends Partial<Omit<Scenario, 'producers' | 'consumers'>> {
  producers?: Partial<ProducerSpec>;
  /** Absent or null: no consumers. An object: one group "g" of one member, with these fields replaced. */
  consumers?: Partial<ConsumerSpec> | null;
}

export function scenarioWith(overrides: ScenarioOverrides = {}): Scenario {
  const topics = overrides.topics ?? [{ name: 't', partitions: 6, replicationFactor: 1, configs: {} }];
  const producers: ProducerSpec = {
    topic: topics[0]?.name ?? 't',
    count: 1,
    threads: 1,
    message: { size: { type: 'fixed', bytes: 100 } },
    keys: { type: 'none' },
    payload: { type: 'random', compressibility: 0 },
    client: 'native',
    properties: {},
    ...overrides.producers,
  };
  const consumers: ConsumerSpec | null =
    overrides.consumers === undefined || overrides.consumers === null
      ? null
      : {
          topic: producers.topic,
          groups: ['g'],
          membersPerGroup: 1,
          threads: 1,
          client: 'native',
          properties: {},
          ...overrides.consumers,
        };
  return {
    name: overrides.name ?? 'steady',
    description: overrides.description ?? '',
    topics,
    producers,
    consumers,
    phases: overrides.phases ?? [{ name: 'constant', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 1000 }],
    thresholds: overrides.thresholds ?? [],
    faults: overrides.faults ?? [],
    ...(overrides.sweep === undefined ? {} : { sweep: overrides.sweep }),
  };
}
