/** A resolved Scenario built literally, so coordinator tests state only the fields they care about. */
import type { ConsumerSpec, Phase, ProducerSpec, Scenario } from '../../../src/scenario/types.js';

export interface ScenarioOverrides {
  producers?: Partial<ProducerSpec>;
  consumers?: Partial<ConsumerSpec> | null;
  phases?: Phase[];
}

export function scenarioWith(overrides: ScenarioOverrides = {}): Scenario {
  return {
    name: 'fixture',
    description: '',
    topics: [{ name: 't', partitions: 6, replicationFactor: 1, configs: {} }],
    producers: {
      topic: 't',
      count: 1,
      threads: 1,
      message: { size: { type: 'fixed', bytes: 100 } },
      keys: { type: 'none' },
      payload: { type: 'random', compressibility: 0 },
      properties: {},
      ...overrides.producers,
    },
    consumers:
      overrides.consumers === undefined || overrides.consumers === null
        ? null
        : { topic: 't', groups: ['g'], membersPerGroup: 1, threads: 1, properties: {}, ...overrides.consumers },
    phases: overrides.phases ?? [{ name: 'constant', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 1000 }],
    thresholds: [],
  };
}
