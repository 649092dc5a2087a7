import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { compareResults } from '../../../src/compare/compare-results.js';
import type { Comparison, ComparisonRow } from '../../../src/compare/types.js';
import type { PhaseResult, RunResult } from '../../../src/result/result-types.js';
import { latencies, latencyDistribution, phaseResult, runResult } from '../../helpers/result-fixture.js';

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

test('a publish p99 30% worse over 100,000 samples is flagged as a regression', () => {
  const base = run({ publishLatencyUs: latencyDistribution(100_000) });
  const head = run({ publishLatencyUs: latencyDistribution(100_000, 1.3) });
  const comparison = compareResults(base, head, FIVE_PERCENT);
  const p99 = row(comparison, 'publish.p99');
  assert.equal(p99.verdict, 'regressed');
  assert.ok(Math.abs((p99.delta ?? 0) - 0.3) < 0.01, `delta ${p99.delta}`);
  assert.ok(comparison.regressions >= 1);
  assert.equal(row(comparison, 'service.p99').verdict, 'ok');
});

test('a publish p99 30% better over 100,000 samples is reported as better', () => {
  const comparison = compareResults(
    run({ publishLatencyUs: latencyDistribution(100_000, 1.3) }),
    run({ publishLatencyUs: latencyDistribution(100_000) }),
    FIVE_PERCENT,
  );
  assert.equal(row(comparison, 'publish.p99').verdict, 'better');
  assert.equal(comparison.regressions, 0);
});

test('a 10% worse p99 of only 50 samples is within the histogram uncertainty: noise, not a regression', () => {
  const comparison = compareResults(
    run({ publishLatencyUs: latencyDistribution(50) }),
    run({ publishLatencyUs: latencyDistribution(50, 1.1) }),
    FIVE_PERCENT,
  );
  const p99 = row(comparison, 'publish.p99');
  assert.ok((p99.delta ?? 0) > 0.05, `delta ${p99.delta}`);
  assert.equal(p99.verdict, 'noise');
  assert.equal(comparison.regressions, 0);
});

test('a latency change within --max-regression is ok even when many samples make it certain', () => {
  const comparison = compareResults(
    run({ publishLatencyUs: latencyDistribution(100_000) }),
    run({ publishLatencyUs: latencyDistribution(100_000, 1.03) }),
    FIVE_PERCENT,
  );
  assert.equal(row(comparison, 'publish.p99').verdict, 'ok');
});

const throughputCases: [baseRate: number, headRate: number, verdict: string][] = [
  [5000, 4850, 'ok'],
  [5000, 4000, 'regressed'],
  [5000, 6000, 'better'],
];

for (const [baseRate, headRate, verdict] of throughputCases) {
  test(`throughput ${baseRate} -> ${headRate} msg/s is ${verdict} at a 5% tolerance`, () => {
    const comparison = compareResults(run({ achievedRate: baseRate }), run({ achievedRate: headRate }), FIVE_PERCENT);
    assert.equal(row(comparison, 'throughput').verdict, verdict);
  });
}

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
  assert.deepEqual([failed.base?.value, failed.head?.value, failed.delta, failed.verdict], [10, 20, 1, 'regressed']);
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
