import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { formatRunModels } from '../../../src/report/models/format-run-models.js';
import { buildRunModels } from '../../../src/report/models/run-models.js';
import type { RunModels } from '../../../src/report/models/types.js';
import { rampPhase, realisticRunResult, runResult, steadyPhase } from '../../helpers/result-fixture.js';
import { lawRows, sweepOf } from '../../unit/plan/sweep-fixture.js';

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
  assert.match(r.stdout, /\n\nModels\nwarmup \(not recorded\): Little's law not checked: /);
});

/** A steady phase whose in-flight count matches λ·W, then a ramp whose p99 climbs from 7 s on. */
function steadyThenRamp() {
  const steady = steadyPhase(5000, [30, 30, 30, 30, 30, 30], 6000);
  const last = steady.intervals.length - 1;
  // The ramp starts from an empty pipeline, so the steady phase's last 30 are acked in its last second.
  steady.intervals[last] = { ...steady.intervals[last]!, ackedPerSec: 5030 };
  return runResult([steady, rampPhase([1000, 1100, 950, 1000, 1050, 1000, 4000, 6000, 9000, 14_000])]);
}

test("kload report prints the models after the summary: Little's law per phase and the ramp's knee", async () => {
  const result = steadyThenRamp();
  const r = await runCli(['report', savedResult(result)]);
  assert.equal(r.code, 0, r.stderr);
  const models = r.stdout.slice(r.stdout.indexOf('\nModels\n') + 1).trimEnd();
  assert.equal(models, formatRunModels(buildRunModels(result)), 'the section is the pure model of the file');
  assert.match(models, /^steady: Little's law: .* consistent \(within 20%\)$/m);
  assert.match(models, /^ {2}knee: p99 leaves its floor of [\d.]+ ms at ~6,850 msg\/s \(evidence: /m);
});

test('kload report --json prints only the models, as JSON', async () => {
  const r = await runCli(['report', savedResult(steadyThenRamp()), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const models = JSON.parse(r.stdout) as RunModels;
  assert.deepEqual(
    models.phases.map((p) => [p.phase, p.littlesLaw.checked, p.knee?.computed ?? null]),
    [
      ['steady', true, null],
      ['ramp', true, true],
    ],
  );
});

test("kload report reads a sweep result: what each point ran, the model verdicts, Little's law per point", async () => {
  const sweep = sweepOf(lawRows());
  const path = savedResult(sweep);
  const r = await runCli(['report', path]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Sweep steady: 8 of 8 points, /);
  assert.match(r.stdout, /^T = N×R\/K: (holds|does not hold)/m);
  assert.match(r.stdout, /^Little's law per point\n {2}#0: /m);

  const json = await runCli(['report', path, '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(sweep.models)));

  const html = await runCli(['report', path, '--html']);
  assert.equal(html.code, 0, html.stderr);
  assert.match(html.stdout, /^HTML sweep report: .*\.html \(\d+ KiB\)$/m);
  assert.match(readFileSync(path.replace(/\.json$/, '.html'), 'utf8'), /^<!doctype html>/);

  const hlog = await runCli(['report', path, '--hlog']);
  assert.equal(hlog.code, 2);
  assert.match(hlog.stderr, /is a sweep result; --hlog applies to a single run's result/);
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
