import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERROR_CODES, EXIT_CODE_MEANINGS, exitCodesLine } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');

test('the README lists every exit code with the meaning src/errors.ts gives it', () => {
  for (const { exitCode, meaning } of EXIT_CODE_MEANINGS)
    assert.ok(readme.includes(`| ${exitCode} | ${meaning} |`), `${exitCode} ${meaning}`);
});

test('the README lists every error code with its exit code, and no code that does not exist', () => {
  for (const [code, { exitCode, meaning }] of Object.entries(ERROR_CODES)) {
    assert.ok(readme.includes(`| \`${code}\` | ${exitCode} | ${meaning} |`), code);
  }
  const listed = [...readme.matchAll(/^\| `([A-Z_]+)` \| \d+ \|/gm)].map((m) => m[1]);
  assert.deepEqual(listed.sort(), Object.keys(ERROR_CODES).sort());
});

test('kload --help ends with the exit code table', async () => {
  const r = await runCli(['--help'], { env: { COLUMNS: '400' } });
  assert.equal(r.code, 0);
  assert.ok(r.stdout.replace(/\s+/g, ' ').includes(exitCodesLine()), r.stdout);
});
