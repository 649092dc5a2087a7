import type { Scenario } from '../scenario/types.js';
import { redactProperties } from './redact.js';

/** The scenario as saved in a result: client properties may hold secrets too. */
export function redactScenario(s: Scenario): Scenario {
  return {
    ...s,
    producers: { ...s.producers, properties: redactProperties(s.producers.properties) },
    consumers: s.consumers ? { ...s.consumers, properties: redactProperties(s.consumers.properties) } : null,
  };
}
