import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { realisticRunResult } from '../../unit/html/realistic-result.js';

function savedResult(content: unknown = realisticRunResult()): string {
  const path = join(tempDir('report-cli'), 'quickstart-20261121T233045Z.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

test('kload report without flags prints the summary table of a saved result', async () => {
  const r = await runCli(['report', savedResult()]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^phase\s+type\s+target msg\/s/m);
  assert.match(r.stdout, /^steady\s+constant\s+5,000/m);
  assert.match(r.stdout, /Summary \(recorded phases, 15 s\)/);
});

test('kload report --html --hlog writes both files next to the result', async () => {
  const path = savedResult();
  const r = await runCli(['report', path, '--html', '--hlog']);
  assert.equal(r.code, 0, r.stderr);
  const html = path.replace(/\.json$/, '.html');
  const hlog = path.replace(/\.json$/, '.hlog');
  assert.match(r.stdout, new RegExp(`HTML report: ${html.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KiB\\)`));
  assert.match(readFileSync(html, 'utf8'), /^<!doctype html>/);
  assert.match(readFileSync(hlog, 'utf8'), /^#\[Histogram log format version 1\.3\]/);
});

test('kload report writes to the file named after --html', async () => {
  const out = join(tempDir('report-cli'), 'nested', 'report.html');
  const r = await runCli(['report', savedResult(), '--html', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(out));
});

test('kload report exits 2 for a missing file, bad JSON, or an unknown schema version', async () => {
  const missing = await runCli(['report', join(tempDir('report-cli'), 'nope.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /result file not found: .*nope\.json/);

  const garbled = await runCli(['report', savedResult('{"schemaVersion": 2,')]);
  assert.equal(garbled.code, 2);
  assert.match(garbled.stderr, /is not valid JSON/);

  const future = await runCli(['report', savedResult({ ...realisticRunResult(), schemaVersion: 99 })]);
  assert.equal(future.code, 2);
  assert.match(future.stderr, /schemaVersion 99; this kload reads version 2/);
  assert.match(future.stderr, /hint: /);
});
