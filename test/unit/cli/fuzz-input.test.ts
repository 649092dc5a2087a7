/**
 * Bad input, systematically (issue 13): every file the CLI reads — shipped scenarios, run and
 * sweep results, segments — damaged in hundreds of seeded ways and handed to the command that
 * reads it. Whatever the damage, kload must answer as it does for any bad input: exit 2 (or 0 when
 * the damage left a valid file) with a message, quickly; never a stack trace, never exit 1.
 * KLOAD_FUZZ_SEED=<n> replays another seed; a failure names its seed and its mutation.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { startCliThread, type InProcessResult } from '../../helpers/cli-in-process.js';
import { runResultJson, segmentJson, sweepResultJson } from '../../helpers/fuzz-fixtures.js';
import {
  mutants,
  RESULT_MUTATIONS,
  SCENARIO_MUTATIONS,
  type Format,
  type Mutant,
} from '../../helpers/fuzz-mutations.js';
import { repoRoot, tempDir } from '../../helpers/paths.js';
import { mulberry32 } from '../../helpers/random.js';

const seed = Number(process.env.KLOAD_FUZZ_SEED ?? 20261213);
assert.ok(Number.isSafeInteger(seed), `KLOAD_FUZZ_SEED must be an integer, got ${process.env.KLOAD_FUZZ_SEED}`);
/** What a case may take, as the CLI's thread timed it (the rule: each in < 2 s). */
const caseBudgetMs = 2000;
/**
 * When a case counts as hung and its thread is replaced: later than the budget, so a busy machine
 * (other jobs on two cores) slows a case without failing the ones after it.
 */
const hangDeadlineMs = 10_000;
const dir = tempDir('fuzz');
let caseCount = 0;
let failureCount = 0;
const cli = startCliThread();

interface Target {
  /** Names the group in failures, and seeds its own random source so groups do not shift each other. */
  name: string;
  source: string;
  format: Format;
  count: number;
  mutations: typeof RESULT_MUTATIONS;
  /** The command for the mutant written at `file`; `i` rotates the flags. */
  args: (file: string, i: number) => string[];
  /** Exit codes a damaged file may end in, besides 2: 0 (still valid), 99 (compare found a regression). */
  allowed: readonly number[];
}

/** Why a case broke the rule, or null when it kept it. */
function violation(r: InProcessResult, allowed: readonly number[]): string | null {
  const output = `${r.stdout}${r.stderr}`;
  if (r.code === null) return r.stderr;
  if (/kload failed unexpectedly|^\s+at \S.*(:\d+:\d+\)?|\(native\))$/m.test(output)) return 'printed a stack trace';
  if (r.code !== 2 && !allowed.includes(r.code)) return `exit ${r.code}`;
  if (r.code !== 0 && !/^error: \S/m.test(r.stderr)) return `exit ${r.code} without an "error:" message`;
  if (output.trim() === '') return 'printed nothing';
  if (r.durationMs > caseBudgetMs) return `took ${Math.round(r.durationMs)} ms`;
  return null;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

/** Runs every mutant of the target; fails with every broken case listed (each file is kept for replay). */
async function fuzz(t: TestContext, target: Target): Promise<void> {
  const rnd = mulberry32(seed ^ hash(target.name));
  const failures: string[] = [];
  const all: Mutant[] = mutants(target.source, target.format, rnd, target.count, target.mutations);
  for (const [i, mutant] of all.entries()) {
    const file = join(dir, `${target.name.replace(/\W+/g, '-')}-${i}.${target.format}`);
    writeFileSync(file, mutant.content);
    const args = target.args(file, i);
    const result = await cli.run(args, hangDeadlineMs);
    caseCount++;
    const broken = violation(result, target.allowed);
    if (broken === null) rmSync(file);
    else
      failures.push(`${target.name} #${i} [${mutant.name}]: ${broken}\n  kload ${args.join(' ')}\n${excerpt(result)}`);
  }
  t.diagnostic(`${all.length} cases, seed ${seed}`);
  failureCount += failures.length;
  assert.deepEqual(failures, [], `seed ${seed} (KLOAD_FUZZ_SEED=${seed} replays it):\n${failures.join('\n')}`);
}

function excerpt(r: InProcessResult): string {
  return `${r.stdout}${r.stderr}`
    .split('\n')
    .slice(0, 8)
    .map((line) => `    | ${line.slice(0, 200)}`)
    .join('\n');
}

/** The unmutated file must pass, or the fuzz cases prove nothing. */
async function assertValid(args: string[]): Promise<void> {
  const r = await cli.run(args, 10_000);
  assert.equal(r.code, 0, `kload ${args.join(' ')}\n${r.stdout}${r.stderr}`);
}

function fixture(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test.after(async () => {
  console.log(`fuzz-input: ${caseCount} cases, ${failureCount} failed, seed ${seed}`);
  await cli.close();
  if (failureCount === 0) rmSync(dir, { recursive: true, force: true });
  else console.log(`fuzz-input: the failing files are kept in ${dir}`);
});

const scenarioDir = join(repoRoot(), 'scenarios');
for (const name of readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml'))) {
  test(`kload validate answers every damaged ${name} with exit 0 or 2 and a message`, async (t) => {
    const source = readFileSync(join(scenarioDir, name), 'utf8');
    await assertValid(['validate', fixture(name, source)]);
    await fuzz(t, {
      name: `validate ${name}`,
      source,
      format: 'yaml',
      count: 40,
      mutations: SCENARIO_MUTATIONS,
      args: (file) => ['validate', file],
      allowed: [0],
    });
  });
}

const reportFlags = (i: number): string[] => [[], ['--json'], ['--hlog', join(dir, 'x.hlog')]][i % 3] ?? [];

test('kload report answers every damaged run result with exit 0 or 2 and a message', async (t) => {
  const source = runResultJson();
  await assertValid(['report', fixture('run.json', source)]);
  await fuzz(t, {
    name: 'report run',
    source,
    format: 'json',
    count: 48,
    mutations: RESULT_MUTATIONS,
    args: (file, i) => ['report', file, ...reportFlags(i)],
    allowed: [0],
  });
});

test('kload report answers every damaged sweep result with exit 0 or 2 and a message', async (t) => {
  const source = sweepResultJson();
  await assertValid(['report', fixture('sweep.json', source)]);
  await fuzz(t, {
    name: 'report sweep',
    source,
    format: 'json',
    count: 32,
    mutations: RESULT_MUTATIONS,
    args: (file, i) => ['report', file, ...(i % 2 === 0 ? [] : ['--json'])],
    allowed: [0],
  });
});

test('kload compare answers a damaged base or head with exit 0, 2 or 99 and a message', async (t) => {
  const base = fixture('base.json', runResultJson());
  const head = runResultJson(1.02);
  await assertValid(['compare', base, fixture('head.json', head)]);
  await fuzz(t, {
    name: 'compare',
    source: head,
    format: 'json',
    count: 56,
    mutations: RESULT_MUTATIONS,
    // Damaged as head, then as base: each side is read (and compared) in its own way.
    args: (file, i) => [
      'compare',
      ...(i % 2 === 0 ? [base, file] : [file, base]),
      ...(i % 3 ? [] : ['--format', 'json']),
    ],
    allowed: [0, 99],
  });
});

test('kload plan answers every damaged sweep result with exit 0 or 2 and a message', async (t) => {
  const source = sweepResultJson();
  const plan = (file: string, i: number) => [
    'plan',
    file,
    '--target',
    '20000',
    '--p99',
    '300ms',
    ...(i % 2 ? ['--json'] : []),
  ];
  await assertValid(plan(fixture('plan-sweep.json', source), 0));
  await fuzz(t, {
    name: 'plan',
    source,
    format: 'json',
    count: 48,
    mutations: RESULT_MUTATIONS,
    args: plan,
    allowed: [0],
  });
});

test('kload merge answers a damaged segment with exit 0, 2 or 99 and a message', async (t) => {
  const out = join(dir, 'merged');
  const second = fixture('segment-2.json', segmentJson(2));
  await assertValid(['merge', fixture('segment-1.json', segmentJson(1)), second, '--out', out]);
  await fuzz(t, {
    name: 'merge',
    source: segmentJson(1),
    format: 'json',
    count: 48,
    mutations: RESULT_MUTATIONS,
    args: (file, i) => ['merge', file, second, '--out', out, ...(i % 2 ? ['--json'] : [])],
    // 99: the damage broke the integrity the scenario's `lost == 0` threshold checks.
    allowed: [0, 99],
  });
});
