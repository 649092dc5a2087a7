/**
 * The scenario one repeat of `kload run --repeats N` runs: the same load on fresh topics and
 * fresh consumer groups, so no repeat reads, appends to or rebalances with what an earlier one
 * left (a topic grown by earlier repeats has other segment files, page cache and offsets).
 */
import { KloadError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';

/** `orders-k3x9f-r2`: the topic (shortened to Kafka's 249 characters if needed), the run id, the repeat. */
export function repeatTopicName(topic: string, runId: string, repeat: number): string {
  const suffix = `-${runId}-r${repeat}`;
  return `${topic.slice(0, 249 - suffix.length)}${suffix}`;
}

export function repeatScenario(scenario: Scenario, runId: string, repeat: number): Scenario {
  const rename = (topic: string) => repeatTopicName(topic, runId, repeat);
  const suffix = `-${runId}-r${repeat}`;
  return {
    ...scenario,
    topics: scenario.topics.map((t) => ({ ...t, name: rename(t.name) })),
    producers: { ...scenario.producers, topic: rename(scenario.producers.topic) },
    consumers: scenario.consumers && {
      ...scenario.consumers,
      topic: rename(scenario.consumers.topic),
      groups: scenario.consumers.groups.map((group) => `${group}${suffix}`),
    },
  };
}

/** Repeats run one after the other in one process: nothing else is sound for them. */
export function refuseRepeats(scenario: Scenario, repeats: number, splitOption: string | null): void {
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new KloadError('INVALID_ARGUMENT', `--repeats must be a whole number >= 1 (got ${repeats})`);
  }
  if (repeats === 1) return;
  if (splitOption !== null)
    throw new KloadError('INVALID_ARGUMENT', `--repeats cannot be combined with ${splitOption}`);
  if (scenario.sweep !== undefined) {
    throw new KloadError('INVALID_ARGUMENT', `scenario ${scenario.name} has a sweep block: --repeats is for runs`, {
      hint: 'A sweep repeats its points with `repeats:` in its sweep block.',
    });
  }
  if (scenario.faults.length > 0) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `scenario ${scenario.name} has faults: --repeats runs fault-free scenarios`,
      {
        hint: 'Repeats measure how much runs of the same load differ; a fault run is one experiment.',
      },
    );
  }
}
