import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatComparison, percent } from '../../../src/compare/format-comparison.js';
import type { Comparison, ComparisonRow } from '../../../src/compare/types.js';

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
    ...overrides,
  };
}

const comparison: Comparison = {
  scenario: 'steady',
  base: { startedAt: '2026-11-21T23:30:45.000Z', kloadVersion: '0.1.0', status: 'complete' },
  head: { startedAt: '2026-11-22T08:00:00.000Z', kloadVersion: '0.2.0', status: 'interrupted' },
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
    }),
    row({}),
    row({ metric: 'e2e.p99', base: null, delta: null, verdict: 'n/a' }),
    row({
      phase: 'a|b',
      metric: 'lost',
      unit: 'count',
      base: { value: 0, low: 0, high: 0 },
      head: { value: 2, low: 2, high: 2 },
      delta: null,
    }),
  ],
  regressions: 2,
  notes: ['the head run was interrupted (partial data)'],
};

test('the console table lists metric, base, head, delta and verdict, then the tally and notes', () => {
  assert.equal(
    formatComparison(comparison, 'table'),
    [
      'Scenario "steady": base 2026-11-21T23:30:45.000Z vs head 2026-11-22T08:00:00.000Z, tolerance 5%',
      'phase   metric       unit    base   head   delta  verdict',
      '------  -----------  -----  -----  -----  ------  ---------',
      'steady  throughput   msg/s  5,000  4,990   -0.2%  ok',
      'steady  publish.p99  ms      10.2   13.3  +30.0%  regressed',
      'steady  e2e.p99      ms         -   13.3       -  n/a',
      'a|b     lost                    0      2  from 0  regressed',
      '2 regressed, 1 ok, 1 n/a.',
      'Note: the head run was interrupted (partial data).',
    ].join('\n'),
  );
});

test('the Markdown output is a table with a header row, ready for a pull request comment', () => {
  const lines = formatComparison(comparison, 'markdown').split('\n');
  assert.equal(lines[0], '### kload compare: `steady`');
  assert.ok(lines.includes('| phase | metric | unit | base | head | delta | verdict |'));
  assert.ok(lines.includes('| :--- | :--- | :--- | ---: | ---: | ---: | :--- |'));
  assert.ok(lines.includes('| steady | publish.p99 | ms | 10.2 | 13.3 | +30.0% | **regressed** |'));
  // A "|" in a phase name would split the cell.
  assert.ok(lines.includes('| a\\|b | lost |  | 0 | 2 | from 0 | **regressed** |'));
  assert.ok(lines.includes('> Note: the head run was interrupted (partial data).'));
});

test('the JSON output is the comparison itself', () => {
  assert.deepEqual(JSON.parse(formatComparison(comparison, 'json')), comparison);
});

test('tolerances print as percentages without float noise', () => {
  assert.deepEqual([percent(0.05), percent(0.125), percent(0.07), percent(0)], ['5%', '12.5%', '7%', '0%']);
});
