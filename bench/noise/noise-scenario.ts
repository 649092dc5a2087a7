/**
 * The scenario the noise benchmark and its integration test run: quickstart's shape (a paced
 * phase, then flat out, one consumer group reading along) with short phases, so many runs fit in
 * a few minutes. The "real change" is a lower rate cap: the paced phase asks for 1,000 msg/s
 * instead of 2,000, so its throughput halves in every run, a large and certain regression. `--change
 * linger` checks a latency change instead (linger.ms 5 -> 50), harder to see on a noisy machine:
 * the paced p50 of unchanged runs here spread from 1.5 to 120 ms.
 */
import { parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';

export interface NoiseLoad {
  /** msg/s of the paced phase. */
  steadyRate: number;
  lingerMs: number;
}

export const BASE_LOAD: NoiseLoad = { steadyRate: 2000, lingerMs: 5 };

/** The real changes the benchmark can check: `rate` (the default) and `linger` (a latency change). */
export const CHANGES: Record<string, NoiseLoad> = {
  rate: { steadyRate: 1000, lingerMs: 5 },
  linger: { steadyRate: 2000, lingerMs: 50 },
};

export function noiseScenario({ steadyRate, lingerMs }: NoiseLoad, topic = 'kload-noise'): Scenario {
  return parseScenario(
    `
name: noise
topics: [{ name: ${topic}, partitions: 3 }]
producers:
  count: 2
  threads: 2
  message: { size: 100 }
  properties: { acks: 1, linger.ms: ${lingerMs} }
consumers: { groups: [${topic}-g], members: 2, threads: 1 }
phases:
  - { name: warmup, type: warmup, duration: 1s, rate: 1000 }
  - { name: steady, type: constant, duration: 2s, rate: ${steadyRate} }
  - { name: flat-out, type: max, duration: 2s }
`,
    'noise.yaml',
  );
}
