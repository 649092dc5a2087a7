import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummaryTable } from '../../../src/report/console-summary.js';
import type { IntegrityCounts } from '../../../src/result/result-types.js';
import { summarizeRun } from '../../../src/result/summary.js';
import { phaseResult, runResult } from '../../helpers/result-fixture.js';

function runWith(integrity: IntegrityCounts | null) {
  const phases = [phaseResult({ name: 'steady', integrity })];
  return runResult(phases, { summary: summarizeRun(phases) });
}

const integrityLines = (text: string) => text.split('\n').filter((line) => line.startsWith('Integrity'));

test('the console summary prints the integrity counts of the recorded phases, without any threshold', () => {
  const text = formatSummaryTable(runWith({ lost: 2, unverified: 0, duplicated: 1_500, outOfOrder: 0 }));
  assert.deepEqual(integrityLines(text), ['Integrity (recorded phases): 2 lost, 1,500 duplicated, 0 out of order']);
});

test('unverified messages are printed with what they mean, apart from lost', () => {
  const text = formatSummaryTable(runWith({ lost: 0, unverified: 23, duplicated: 0, outOfOrder: 0 }));
  assert.deepEqual(integrityLines(text), [
    'Integrity (recorded phases): 0 lost, 0 duplicated, 0 out of order, 23 unverified ' +
      '(acknowledged, not yet read when the drain was cut short: neither lost nor verified)',
  ]);
});

test('a run without consumers checked nothing and prints no integrity line', () => {
  assert.deepEqual(integrityLines(formatSummaryTable(runWith(null))), []);
});

test('a result of kload before 0.2 (no unverified count) prints as verified', () => {
  const old = { lost: 0, duplicated: 0, outOfOrder: 0 } as unknown as IntegrityCounts;
  const text = formatSummaryTable(runWith(old));
  assert.deepEqual(integrityLines(text), ['Integrity (recorded phases): 0 lost, 0 duplicated, 0 out of order']);
});
