import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { compareCommand } from '../../../../src/cli/commands/compare.js';
import { KloadError } from '../../../../src/errors.js';
import type { RunResult } from '../../../../src/result/result-types.js';
import { latencyDistribution, phaseResult, runResult } from '../../../helpers/result-fixture.js';
import { aggregateRepeats } from '../../../../src/result/aggregate-repeats.js';
import { readNoiseFloorFile } from '../../../../src/compare/noise-floor-file.js';

/** Writes each result as JSON in a fresh directory removed after the test; returns the paths. */
function files(t: TestContext, contents: Record<string, RunResult | string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'kload-compare-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(contents)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], typeof content === 'string' ? content : JSON.stringify(content));
  }
  return paths;
}

/** Runs the command's handler as yargs would: what it printed, and what it threw (undefined if nothing). */
function compare(
  t: TestContext,
  base: string,
  head: string,
  format: 'table' | 'markdown' | 'json' = 'table',
): { printed: string; error: unknown } {
  let printed = '';
  t.mock.method(process.stdout, 'write', (chunk: string) => {
    printed += chunk;
    return true;
  });
  try {
    void compareCommand.handler({
      base,
      head,
      'max-regression': '5%',
      maxRegression: '5%',
      format,
      calibrate: false,
      _: [],
      $0: 'kload',
    });
    return { printed, error: undefined };
  } catch (error) {
    return { printed, error };
  } finally {
    t.mock.restoreAll();
  }
}

const base = runResult([phaseResult({ publishLatencyUs: latencyDistribution(100_000) })]);
/** Three repeats whose p99s differ a little, as `kload run --repeats 3` would save them. */
function repeats(scale: number): RunResult {
  const runs = [0.99, 1, 1.01].map((s) =>
    runResult([phaseResult({ publishLatencyUs: latencyDistribution(10_000, s * scale) })]),
  );
  return aggregateRepeats(runs, runs[0]!.scenario);
}

test('compare prints the table and returns normally when nothing regressed', (t) => {
  const paths = files(t, { 'base.json': base, 'head.json': base });
  const { printed, error } = compare(t, paths['base.json'] ?? '', paths['head.json'] ?? '');
  assert.equal(error, undefined);
  assert.match(printed, /^phase +metric +unit +base +head +delta +runs +noise +verdict +rule$/m);
  assert.match(printed, /17 ok\.\n$/);
});

test('compare prints the comparison, then fails with exit code 99 naming how many metrics regressed', (t) => {
  const paths = files(t, { 'base.json': repeats(1), 'head.json': repeats(1.3) });
  const { printed, error } = compare(t, paths['base.json'] ?? '', paths['head.json'] ?? '', 'json');
  assert.ok(error instanceof KloadError);
  assert.equal(error.code, 'REGRESSION_FOUND');
  assert.equal(error.exitCode, 99);
  assert.equal(error.message, '4 metrics regressed beyond 5%');
  assert.equal(JSON.parse(printed).regressions, 4);
});

const badInputs: [what: string, content: RunResult | string | undefined, code: string, message: RegExp][] = [
  ['a missing file', undefined, 'FILE_NOT_FOUND', /^result file not found: .*head\.json$/],
  ['a file that is not JSON', '{ "schemaVersion": 2,', 'INVALID_ARGUMENT', /head\.json is not valid JSON: /],
  ['JSON that is not a result', '{ "hello": "world" }', 'INVALID_ARGUMENT', /head\.json is not a kload result/],
  [
    'a result of another scenario',
    runResult([phaseResult()], { scenario: { ...base.scenario, name: 'other' } }),
    'INVALID_ARGUMENT',
    /base ran scenario "steady", head ran "other"/,
  ],
];

for (const [what, content, code, message] of badInputs) {
  test(`compare refuses ${what} with exit code 2`, (t) => {
    const paths = files(t, content === undefined ? { 'base.json': base } : { 'base.json': base, 'head.json': content });
    const head = paths['head.json'] ?? join(paths['base.json'] ?? '', '..', 'head.json');
    const { printed, error } = compare(t, paths['base.json'] ?? '', head);
    assert.ok(error instanceof KloadError);
    assert.equal(error.code, code);
    assert.equal(error.exitCode, 2);
    assert.match(error.message, message);
    assert.equal(printed, '');
  });
}

test('compare --calibrate writes the A/A noise floor of every run given, and compare then judges by it', async (t) => {
  const paths = files(t, { 'a1.json': repeats(1), 'a2.json': base });
  const floorPath = join(paths['a1.json'] ?? '', '..', 'floor.json');
  let printed = '';
  // Across an await the test runner reports through stdout too (in bytes): let those through.
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown) => boolean;
  t.mock.method(process.stdout, 'write', (chunk: unknown) => {
    if (typeof chunk !== 'string') return write(chunk);
    printed += chunk;
    return true;
  });
  try {
    await compareCommand.handler({
      base: paths['a1.json'] ?? '',
      head: paths['a2.json'] ?? '',
      'max-regression': '5%',
      maxRegression: '5%',
      format: 'table',
      calibrate: true,
      'noise-floor': floorPath,
      noiseFloor: floorPath,
      _: [],
      $0: 'kload',
    });
  } finally {
    t.mock.restoreAll();
  }
  assert.match(printed, /^Noise floor of scenario "steady" from 4 A\/A runs \(12 ordered pairs\)/);
  const floor = readNoiseFloorFile(floorPath);
  assert.equal(floor.runs, 4);
  assert.ok(floor.floors.some((f) => f.metric === 'publish.p99' && (f.floor ?? 0) > 0));
});

test('compare refuses a third result without --calibrate, with exit code 2', (t) => {
  const paths = files(t, { 'a.json': base });
  const a = paths['a.json'] ?? '';
  assert.throws(
    () =>
      compareCommand.handler({
        base: a,
        head: a,
        more: [a],
        'max-regression': '5%',
        maxRegression: '5%',
        format: 'table',
        calibrate: false,
        _: [],
        $0: 'kload',
      }),
    (error: unknown) =>
      error instanceof KloadError && error.exitCode === 2 && /exactly two results/.test(error.message),
  );
});
