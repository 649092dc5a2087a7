import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { compareResults } from '../../../src/compare/compare-results.js';
import type { Comparison, ComparisonRow } from '../../../src/compare/types.js';
import type { PhaseResult, RunResult } from '../../../src/result/result-types.js';
import { latencies, latencyDistribution, phaseResult, runResult } from '../../helpers/result-fixture.js';
import { aggregateRepeats } from '../../../src/result/aggregate-repeats.js';
import { BETWEEN_RUNS_METHOD } from '../../../src/compare/between-runs.js';
import { calibrateNoiseFloor } from '../../../src/compare/calibrate-noise-floor.js';

const FIVE_PERCENT = { maxRegression: 0.05 };

/** A warmup (never compared) and one recorded phase built from `steady`. */
function run(steady: Partial<PhaseResult> = {}, overrides: Partial<RunResult> = {}): RunResult {
  const warmup = phaseResult({ name: 'warmup', type: 'warmup', recorded: false, publishLatencyUs: latencies(99_000) });
  return runResult([warmup, phaseResult(steady)], overrides);
}

function row(comparison: Comparison, metric: string): ComparisonRow {
  const found = comparison.rows.find((r) => r.metric === metric);
  assert.ok(found !== undefined, `no row for ${metric}`);
  return found;
}

test('identical results regress nothing and every metric is ok', () => {
  const steady = { publishLatencyUs: latencyDistribution(10_000), endToEndLatencyUs: latencyDistribution(10_000, 2) };
  const comparison = compareResults(run(steady), run(steady), FIVE_PERCENT);
  assert.equal(comparison.regressions, 0);
  assert.deepEqual(new Set(comparison.rows.map((r) => r.verdict)), new Set(['ok']));
  assert.deepEqual(comparison.notes, []);
});

test('only recorded phases are compared, each with throughput, three latencies, failures and integrity', () => {
  const comparison = compareResults(run(), run(), FIVE_PERCENT);
  assert.deepEqual(new Set(comparison.rows.map((r) => r.phase)), new Set(['steady']));
  assert.deepEqual(
    comparison.rows.map((r) => r.metric),
    [
      'throughput',
      'publish.p50',
      'publish.p99',
      'publish.p999',
      'publish.max',
      'service.p50',
      'service.p99',
      'service.p999',
      'service.max',
      'e2e.p50',
      'e2e.p99',
      'e2e.p999',
      'e2e.max',
      'failed',
      'lost',
      'duplicated',
      'outOfOrder',
    ],
  );
});

test('single runs a side: a p99 30% worse over 100,000 samples is noise unknown, never a regression', () => {
  const base = run({ publishLatencyUs: latencyDistribution(100_000) });
  const head = run({ publishLatencyUs: latencyDistribution(100_000, 1.3) });
  const comparison = compareResults(base, head, FIVE_PERCENT);
  const p99 = row(comparison, 'publish.p99');
  assert.deepEqual([p99.verdict, p99.rule, p99.samples], ['noise unknown', 'no-noise-estimate', { base: 1, head: 1 }]);
  assert.ok(Math.abs((p99.delta ?? 0) - 0.3) < 0.01, `delta ${p99.delta}`);
  assert.equal(comparison.regressions, 0);
  assert.equal(row(comparison, 'service.p99').rule, 'tolerance');
});

/** A result of `kload run --repeats N`: one run per steady override, aggregated as the run command does. */
function repeated(...steadies: Partial<PhaseResult>[]): RunResult {
  const runs = steadies.map((steady) => run(steady));
  return aggregateRepeats(runs, runs[0]!.scenario);
}

const p99Scaled = (...scales: number[]) => scales.map((s) => ({ publishLatencyUs: latencyDistribution(10_000, s) }));

test('five repeats a side: a p99 30% worse, beyond the repeats spread, regresses by the between-runs rule', () => {
  const base = repeated(...p99Scaled(0.98, 1, 1.02, 0.99, 1.01));
  const head = repeated(...p99Scaled(1.28, 1.3, 1.32, 1.29, 1.31));
  const comparison = compareResults(base, head, FIVE_PERCENT);
  const p99 = row(comparison, 'publish.p99');
  assert.deepEqual([p99.verdict, p99.rule, p99.samples], ['regressed', 'between-runs', { base: 5, head: 5 }]);
  assert.ok(p99.interval !== null && p99.interval.low > 0.24 && p99.interval.high < 0.36, JSON.stringify(p99.interval));
  assert.equal(comparison.regressions, 4, 'p50, p99, p999 and max of publish');
  assert.equal(comparison.base.repeats, 5);
  assert.equal(comparison.method.betweenRuns, BETWEEN_RUNS_METHOD);
});

test('five repeats a side: the same 30% better is better', () => {
  const comparison = compareResults(
    repeated(...p99Scaled(1.28, 1.3, 1.32, 1.29, 1.31)),
    repeated(...p99Scaled(0.98, 1, 1.02, 0.99, 1.01)),
    FIVE_PERCENT,
  );
  assert.equal(row(comparison, 'publish.p99').verdict, 'better');
  assert.equal(comparison.regressions, 0);
});

test('repeats that spread widely: a 20% worse mean is noise, not a regression', () => {
  const comparison = compareResults(
    repeated(...p99Scaled(0.6, 1.5, 0.8, 1.3, 0.8)),
    repeated(...p99Scaled(1.5, 0.7, 1.6, 0.9, 1.3)),
    FIVE_PERCENT,
  );
  const p99 = row(comparison, 'publish.p99');
  assert.ok((p99.delta ?? 0) > 0.15, `delta ${p99.delta}`);
  assert.deepEqual([p99.verdict, p99.rule], ['noise', 'between-runs']);
  assert.ok(p99.interval !== null && p99.interval.low < 0 && p99.interval.high > 0);
});

test('a change within --max-regression is ok even when the repeats make it certain', () => {
  const comparison = compareResults(
    repeated(...p99Scaled(1, 1, 1)),
    repeated(...p99Scaled(1.03, 1.03, 1.03)),
    FIVE_PERCENT,
  );
  assert.deepEqual([row(comparison, 'publish.p99').verdict, row(comparison, 'publish.p99').rule], ['ok', 'tolerance']);
});

test('the family-wise level divides 5% over the rows judged between runs (Bonferroni)', () => {
  const comparison = compareResults(repeated({}, {}), repeated({}, {}), FIVE_PERCENT);
  // throughput, 3 × 4 latencies, failed and 3 integrity counts: 17 rows with 2 runs a side.
  assert.equal(comparison.method.rowsJudgedBetweenRuns, 17);
  assert.ok(Math.abs(comparison.method.rowConfidence - (1 - 0.05 / 17)) < 1e-12);
});

const throughputCases: [base: number[], head: number[], verdict: string][] = [
  [[5000, 5000, 5000], [4850, 4850, 4850], 'ok'],
  [[4900, 5000, 5100], [3900, 4000, 4100], 'regressed'],
  [[4900, 5000, 5100], [5900, 6000, 6100], 'better'],
  [[3000, 5000, 7000], [2000, 4000, 6000], 'noise'],
];

for (const [baseRates, headRates, verdict] of throughputCases) {
  test(`throughput ${baseRates.join('/')} -> ${headRates.join('/')} msg/s is ${verdict} at a 5% tolerance`, () => {
    const comparison = compareResults(
      repeated(...baseRates.map((achievedRate) => ({ achievedRate }))),
      repeated(...headRates.map((achievedRate) => ({ achievedRate }))),
      FIVE_PERCENT,
    );
    assert.equal(row(comparison, 'throughput').verdict, verdict);
  });
}

test('single runs against an A/A noise floor: beyond the floor regresses, within it is noise', () => {
  const floor = calibrateNoiseFloor([run({ achievedRate: 5000 }), run({ achievedRate: 4500 })]);
  const throughputFloor = floor.floors.find((f) => f.metric === 'throughput');
  assert.ok(throughputFloor !== undefined && Math.abs((throughputFloor.floor ?? 0) - 3 * (500 / 4500)) < 1e-9);
  const noiseFloor = { floor, source: 'floor.json' };
  const within = compareResults(run({ achievedRate: 5000 }), run({ achievedRate: 4500 }), {
    ...FIVE_PERCENT,
    noiseFloor,
  });
  assert.deepEqual([row(within, 'throughput').verdict, row(within, 'throughput').rule], ['noise', 'noise-floor']);
  const beyond = compareResults(run({ achievedRate: 5000 }), run({ achievedRate: 2000 }), {
    ...FIVE_PERCENT,
    noiseFloor,
  });
  assert.deepEqual(
    [row(beyond, 'throughput').verdict, row(beyond, 'throughput').noiseFloor],
    ['regressed', throughputFloor.floor],
  );
  assert.equal(beyond.method.noiseFloor?.source, 'floor.json');
});

test('a noise floor of another scenario is refused with exit code 2', () => {
  const floor = { ...calibrateNoiseFloor([run(), run()]), scenario: 'other' };
  assert.throws(
    () => compareResults(run(), run(), { ...FIVE_PERCENT, noiseFloor: { floor, source: 'f.json' } }),
    /the noise floor f\.json is of scenario "other", the results ran "steady"/,
  );
});

test('one lost message where there were none regresses whatever the tolerance', () => {
  const comparison = compareResults(
    run({ integrity: { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 } }),
    run({ integrity: { lost: 1, unverified: 0, duplicated: 0, outOfOrder: 0 } }),
    { maxRegression: 100 },
  );
  assert.deepEqual([row(comparison, 'lost').verdict, row(comparison, 'lost').delta], ['regressed', null]);
  assert.equal(comparison.regressions, 1);
});

test('integrity of a run with unverified messages is n/a, never a regression, and a note says why', () => {
  const comparison = compareResults(
    run({ integrity: { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 } }),
    run({ integrity: { lost: 1, unverified: 23, duplicated: 0, outOfOrder: 0 } }),
    { maxRegression: 0.05 },
  );
  assert.deepEqual(
    ['lost', 'duplicated', 'outOfOrder'].map((metric) => row(comparison, metric).verdict),
    ['n/a', 'n/a', 'n/a'],
  );
  assert.equal(row(comparison, 'lost').head?.value, 1, 'the number is still shown');
  assert.equal(comparison.regressions, 0);
  assert.deepEqual(comparison.notes, [
    'integrity of phase "steady" not evaluated in the head run: 23 messages unverified (the drain did not finish)',
  ]);
});

test('results of kload before 0.2 (integrity without unverified) compare as verified', () => {
  const old = { lost: 0, duplicated: 0, outOfOrder: 0 } as unknown as PhaseResult['integrity'];
  const comparison = compareResults(run({ integrity: old }), run({ integrity: old }), FIVE_PERCENT);
  assert.equal(row(comparison, 'lost').verdict, 'ok');
  assert.deepEqual(comparison.notes, []);
});

test('failed deliveries add up over error codes and compare like any lower-is-better count', () => {
  const comparison = compareResults(
    run({ failed: { ERR__MSG_TIMED_OUT: 10 } }),
    run({ failed: { ERR__MSG_TIMED_OUT: 10, ERR_NOT_LEADER_FOR_PARTITION: 10 } }),
    FIVE_PERCENT,
  );
  const failed = row(comparison, 'failed');
  assert.deepEqual(
    [failed.base?.value, failed.head?.value, failed.delta, failed.verdict],
    [10, 20, 1, 'noise unknown'],
  );
});

test('without consumers on either side there are no end-to-end or integrity rows', () => {
  const noConsumers = { endToEndLatencyUs: latencies(), integrity: null };
  const metrics = compareResults(run(noConsumers), run(noConsumers), FIVE_PERCENT).rows.map((r) => r.metric);
  assert.ok(!metrics.some((metric) => metric.startsWith('e2e.') || metric === 'lost'), metrics.join(', '));
});

test('a metric only one side measured is n/a, not a pass or a regression', () => {
  const comparison = compareResults(run(), run({ endToEndLatencyUs: latencies(), integrity: null }), FIVE_PERCENT);
  assert.deepEqual([row(comparison, 'e2e.p99').verdict, row(comparison, 'e2e.p99').head], ['n/a', null]);
  assert.equal(row(comparison, 'lost').verdict, 'n/a');
  assert.equal(comparison.regressions, 0);
});

test('partial runs and generator-bound phases are called out in the notes', () => {
  const comparison = compareResults(
    run(),
    run({ generatorBound: true }, { status: 'interrupted', statusReason: 'Ctrl-C' }),
    FIVE_PERCENT,
  );
  assert.deepEqual(comparison.notes, [
    'the head run was interrupted: Ctrl-C (partial data)',
    'phase "steady" was generator-bound in the head run: its numbers measure kload, not Kafka',
  ]);
});

const incompatible: [what: string, head: RunResult, message: string][] = [
  [
    'another scenario',
    runResult([phaseResult()], { scenario: { ...run().scenario, name: 'other' } }),
    'the results are not comparable:\n  base ran scenario "steady", head ran "other"\n' +
      '  base has 2 phases, head has 1\n' +
      '  phase 1 differs: base has "warmup" (warmup), head has "steady" (constant)',
  ],
  [
    'a phase renamed',
    runResult([phaseResult({ name: 'warmup', type: 'warmup', recorded: false }), phaseResult({ name: 'peak' })]),
    'the results are not comparable:\n  phase 2 differs: base has "steady" (constant), head has "peak" (constant)',
  ],
  [
    'a phase of another type',
    runResult([phaseResult({ name: 'warmup', type: 'warmup', recorded: false }), phaseResult({ type: 'max' })]),
    'the results are not comparable:\n  phase 2 differs: base has "steady" (constant), head has "steady" (max)',
  ],
  [
    'another result schema version',
    { ...run(), schemaVersion: 1 as unknown as RunResult['schemaVersion'] },
    'the results are not comparable:\n' +
      '  result schema versions differ: base is version 2, head is version 1 (re-run the older one with this kload)',
  ],
];

for (const [what, head, message] of incompatible) {
  test(`a head with ${what} is refused with exit code 2`, () => {
    assert.throws(
      () => compareResults(run(), head, FIVE_PERCENT),
      (error: unknown) => {
        assert.ok(error instanceof KloadError);
        assert.equal(error.code, 'INVALID_ARGUMENT');
        assert.equal(error.exitCode, 2);
        assert.equal(error.message, message);
        return true;
      },
    );
  });
}

test('two results of an older schema version are refused even though they match each other', () => {
  const old = { ...run(), schemaVersion: 1 as unknown as RunResult['schemaVersion'] };
  assert.throws(
    () => compareResults(old, old, FIVE_PERCENT),
    /both results have schema version 1; this kload reads version 2/,
  );
});
