import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/write-file-atomic.js';

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kload-atomic-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('atomic write creates parent directories, writes the content and leaves no temp file', async (t) => {
  const dir = await tempDir(t);
  const target = join(dir, 'results', 'nested', 'run.json');
  await writeFileAtomic(target, '{"ok":true}');
  assert.equal(await readFile(target, 'utf8'), '{"ok":true}');
  assert.deepEqual(await readdir(join(dir, 'results', 'nested')), ['run.json']);
});

test('atomic write replaces an existing file', async (t) => {
  const dir = await tempDir(t);
  const target = join(dir, 'run.json');
  await writeFileAtomic(target, 'old');
  await writeFileAtomic(target, 'new');
  assert.equal(await readFile(target, 'utf8'), 'new');
  assert.deepEqual(await readdir(dir), ['run.json']);
});

test('a failed atomic write raises and leaves no temp file', async (t) => {
  const dir = await tempDir(t);
  const target = join(dir, 'run.json');
  await mkdir(target); // a directory where the file should go: rename fails
  await assert.rejects(writeFileAtomic(target, 'data'));
  assert.deepEqual(await readdir(dir), ['run.json']);
  assert.deepEqual(await readdir(target), []);
});
