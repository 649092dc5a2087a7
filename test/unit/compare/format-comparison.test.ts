import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatComparison, percent } from '../../../src/compare/format-comparison.js';
import type { Comparison, ComparisonRow } from '../../../src/compare/types.js';
import { BETWEEN_RUNS_METHOD } from '../../../src/compare/between-runs.js';

function row(overrides: Partial<ComparisonRow>): ComparisonRow {
  return {
    phase: 'steady',
    metric: 'publish.p99',
    unit: 'us',
    direction: 'lower-is-better',
    base: { value: 10_200, low: 10_100, high: 10_300 },
    head: { value: 13_260, low: 13_100, high: 13_400 },
    delta: 0.3,
    verdict: 'regressed',
    rule: 'between-runs',
    samples: { base: 5, head: 5 },
    interval: { low: 0.21, high: 0.392 },
    noiseFloor: null,
    ...overrides,
  };
}

const comparison: Comparison = {
  scenario: 'steady',
  base: { startedAt: '2026-11-21T23:30:45.000Z', kloadVersion: '0.1.0', status: 'complete', repeats: 5 },
  head: { startedAt: '2026-11-22T08:00:00.000Z', kloadVersion: '0.2.0', status: 'interrupted', repeats: 5 },
  maxRegression: 0.05,
  rows: [
    row({
      metric: 'throughput',
      unit: 'msg/s',
      direction: 'higher-is-better',
      base: { value: 5000, low: 5000, high: 5000 },
      head: { value: 4990, low: 4990, high: 4990 },
      delta: -0.002,
      verdict: 'ok',
      rule: 'tolerance',
      interval: null,
    }),
    row({}),
    row({ metric: 'e2e.p99', base: null, delta: null, verdict: 'n/a', rule: 'missing', interval: null }),
    row({
      metric: 'publish.max',
      delta: 0.4,
      verdict: 'noise',
      interval: { low: -0.25, high: 1.05 },
    }),
    row({
      phase: 'a|b',
      metric: 'lost',
      unit: 'count',
      base: { value: 0, low: 0, high: 0 },
      head: { value: 2, low: 2, high: 2 },
      delta: null,
      rule: 'zero-tolerance',
      interval: null,
    }),
  ],
  method: {
    betweenRuns: BETWEEN_RUNS_METHOD,
    familyConfidence: 0.95,
    rowConfidence: 1 - 0.05 / 3,
    rowsJudgedBetweenRuns: 3,
    noiseFloor: null,
  },
  regressions: 2,
  notes: ['the head run was interrupted (partial data)'],
};

test('the console table lists metric, base, head, delta and verdict, then the tally and notes', () => {
  assert.equal(
    formatComparison(comparison, 'table'),
    [
      'Scenario "steady": base 2026-11-21T23:30:45.000Z vs head 2026-11-22T08:00:00.000Z, tolerance 5%',
      `Runs: base 5, head 5. Between runs: ${BETWEEN_RUNS_METHOD}, ` + '95% family-wise over 3 rows (each at 98.333%).',
      'phase   metric       unit    base   head   delta  runs            noise  verdict    rule',
      '------  -----------  -----  -----  -----  ------  ----  ---------------  ---------  --------------',
      'steady  throughput   msg/s  5,000  4,990   -0.2%   5/5                -  ok         tolerance',
      'steady  publish.p99  ms      10.2   13.3  +30.0%   5/5   +21.0%..+39.2%  regressed  between-runs',
      'steady  e2e.p99      ms         -   13.3       -   5/5                -  n/a        missing',
      'steady  publish.max  ms      10.2   13.3  +40.0%   5/5  -25.0%..+105.0%  noise      between-runs',
      'a|b     lost                    0      2  from 0   5/5                -  regressed  zero-tolerance',
      '2 regressed, 1 noise, 1 ok, 1 n/a.',
      'Note: the head run was interrupted (partial data).',
    ].join('\n'),
  );
});

test('the Markdown output is a table with a header row, ready for a pull request comment', () => {
  const lines = formatComparison(comparison, 'markdown').split('\n');
  assert.equal(lines[0], '### kload compare: `steady`');
  assert.ok(lines.includes('| phase | metric | unit | base | head | delta | runs | noise | verdict | rule |'));
  assert.ok(lines.includes('| :--- | :--- | :--- | ---: | ---: | ---: | ---: | ---: | :--- | :--- |'));
  assert.ok(
    lines.includes(
      '| steady | publish.p99 | ms | 10.2 | 13.3 | +30.0% | 5/5 | +21.0%..+39.2% | **regressed** | between-runs |',
    ),
  );
  // A "|" in a phase name would split the cell.
  assert.ok(lines.includes('| a\\|b | lost |  | 0 | 2 | from 0 | 5/5 | - | **regressed** | zero-tolerance |'));
  assert.ok(lines.includes('> Note: the head run was interrupted (partial data).'));
});

test('the JSON output is the comparison itself', () => {
  assert.deepEqual(JSON.parse(formatComparison(comparison, 'json')), comparison);
});

test('with a single run and no noise floor the table says changes beyond the tolerance are noise unknown', () => {
  const single = {
    ...comparison,
    base: { ...comparison.base, repeats: 1 },
    method: { ...comparison.method, rowsJudgedBetweenRuns: 0 },
    rows: [row({ samples: { base: 1, head: 1 }, verdict: 'noise unknown', rule: 'no-noise-estimate', interval: null })],
  };
  const text = formatComparison(single, 'table');
  assert.match(text, /^Runs: base 1, head 5\. A side is a single run and no --noise-floor was given/m);
  assert.match(text, /1\/1 +- +noise unknown +no-noise-estimate$/m);
  assert.match(text, /^1 noise unknown\.$/m);
});

test('tolerances print as percentages without float noise', () => {
  assert.deepEqual([percent(0.05), percent(0.125), percent(0.07), percent(0)], ['5%', '12.5%', '7%', '0%']);
});
