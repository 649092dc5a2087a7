import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { loadScenario, validateScenarioFiles } from '../../../src/scenario/load.js';
import { lines, repoRoot } from './helpers.js';

function tempFolder(t: { after: (fn: () => void) => void }): string {
  const folder = mkdtempSync(join(tmpdir(), 'kload-scenario-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

test('a missing scenario file is FILE_NOT_FOUND with the path in the message', () => {
  const path = join(repoRoot, 'scenarios', 'does-not-exist.yaml');
  assert.throws(
    () => loadScenario(path),
    (error: unknown) => error instanceof KloadError && error.code === 'FILE_NOT_FOUND' && error.message.includes(path),
  );
});

test('problems in a loaded file are prefixed with the path it was loaded from', (t) => {
  const path = join(tempFolder(t), 'bad.yaml');
  writeFileSync(
    path,
    lines('name: bad', 'topics: [{ name: t }]', 'producers: {}', 'phases: [{ type: constant, duration: 1s }]'),
  );
  assert.throws(
    () => loadScenario(path),
    (error: unknown) =>
      error instanceof KloadError &&
      error.code === 'INVALID_SCENARIO' &&
      error.exitCode === 2 &&
      error.message === `${path}: phases[0].rate: is required (line 4)`,
  );
});

test('a payload file that does not exist is reported on its path line', (t) => {
  const folder = tempFolder(t);
  const path = join(folder, 'lines.yaml');
  const text = lines(
    'name: lines',
    'topics: [{ name: t }]',
    'producers:',
    '  payload:',
    '    type: file',
    '    path: messages.txt',
    'phases: [{ type: max, duration: 1s }]',
  );
  writeFileSync(path, text);
  assert.throws(() => loadScenario(path), {
    message: `${path}: producers.payload.path: file not found: ${join(folder, 'messages.txt')} (line 6)`,
  });
  writeFileSync(join(folder, 'messages.txt'), 'one\ntwo\n');
  assert.deepEqual(loadScenario(path).producers.payload, { type: 'file', path: join(folder, 'messages.txt') });
});

test('validate reports each file as ok or with its problems, without throwing', (t) => {
  const bad = join(tempFolder(t), 'bad.yaml');
  writeFileSync(bad, lines('name: bad', 'topics: []', 'producers: {}', 'phases: [{ type: max, duration: 1s }]'));
  const good = join(repoRoot, 'scenarios', 'quickstart.yaml');
  const missing = join(repoRoot, 'scenarios', 'missing.yaml');
  assert.deepEqual(validateScenarioFiles([good, bad, missing]), [
    { path: good, ok: true, problems: [] },
    { path: bad, ok: false, problems: [`${bad}: topics: must not be empty (line 2)`] },
    { path: missing, ok: false, problems: [`scenario file not found: ${missing}`] },
  ]);
});
