/**
 * Writes schema/scenario.schema.json from the zod schema: `npm run schema`. A unit test fails when
 * the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderScenarioJsonSchema } from './json-schema.js';

// Compiled to dist/src/scenario/, three levels below the repository root.
const target = fileURLToPath(new URL('../../../schema/scenario.schema.json', import.meta.url));
writeFileSync(target, renderScenarioJsonSchema());
console.log(`wrote ${target}`);
