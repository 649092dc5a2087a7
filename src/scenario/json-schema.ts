/**
 * The JSON Schema of the scenario file, generated from the zod schema so the two never disagree.
 * Editors use it for completion, hover help and red squiggles (`$schema` in a scenario file).
 */
import { z } from 'zod';
import { scenarioFileSchema } from './schema.js';

/** The schema as an object. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioFileSchema, {
    // What users write (before defaults and transforms), not the resolved Scenario.
    io: 'input',
    // draft-07 because the YAML language server behind most editors supports "JSON Schema 7 and below".
    target: 'draft-07',
    override: ({ jsonSchema }) => {
      // z.int() bounds every integer by Number.MAX_SAFE_INTEGER; in an editor that is just noise.
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as Record<string, unknown>;
}

/** The exact text of schema/scenario.schema.json: two-space indents and a final newline. */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
