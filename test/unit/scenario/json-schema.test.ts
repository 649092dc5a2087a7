import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { renderScenarioJsonSchema, scenarioJsonSchema } from '../../../src/scenario/json-schema.js';
import { repoRoot } from './helpers.js';

test('the committed JSON Schema is exactly what the generator writes (run npm run schema if not)', () => {
  const committed = readFileSync(join(repoRoot, 'schema', 'scenario.schema.json'), 'utf8');
  assert.equal(committed, renderScenarioJsonSchema());
});

test('the JSON Schema describes the file users write, including the $schema key', () => {
  const schema = scenarioJsonSchema() as {
    properties: Record<string, { description?: string }>;
    required: string[];
    additionalProperties: boolean;
  };
  assert.ok('$schema' in schema.properties);
  assert.deepEqual(schema.required, ['name', 'topics', 'producers', 'phases']);
  assert.equal(schema.additionalProperties, false);
  for (const [key, property] of Object.entries(schema.properties)) {
    assert.ok(property.description, `${key} has no description`);
  }
});

test('every shipped scenario points its $schema at the committed schema', () => {
  const folder = join(repoRoot, 'scenarios');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml'))) {
    const data = parse(readFileSync(join(folder, file), 'utf8')) as { $schema?: string };
    assert.equal(data.$schema, '../schema/scenario.schema.json', file);
  }
});
