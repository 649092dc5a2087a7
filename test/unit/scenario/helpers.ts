/** Shared by the scenario tests: the repository root and a way to collect a file's problems. */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { KloadError } from '../../../src/errors.js';
import { parseScenario } from '../../../src/scenario/load.js';

// Compiled to dist/test/unit/scenario/, four levels below the repository root.
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Joins lines so that the nth argument is line n of the file, which keeps line asserts readable. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** The problem lines parseScenario reports for `text`; fails the test if it parses fine. */
export function problemsOf(text: string, fileName = 'test.yaml'): string[] {
  try {
    parseScenario(text, fileName);
  } catch (error) {
    assert.ok(error instanceof KloadError, `expected a KloadError, got ${String(error)}`);
    assert.equal(error.code, 'INVALID_SCENARIO');
    return error.message.split('\n');
  }
  assert.fail('expected the scenario to be rejected');
}
