import { test } from 'node:test';
import assert from 'node:assert/strict';
import { integritySection } from '../../../../src/report/html/sections/integrity.js';
import { summarySection } from '../../../../src/report/html/sections/summary.js';
import { thresholdsSection } from '../../../../src/report/html/sections/thresholds.js';
import { summarizeRun } from '../../../../src/result/summary.js';
import { evaluateThresholds } from '../../../../src/thresholds/evaluate.js';
import { phaseResult, runResult } from '../../../helpers/result-fixture.js';

function cutShortRun() {
  const phases = [
    phaseResult({ name: 'steady', integrity: { lost: 0, unverified: 23, duplicated: 0, outOfOrder: 0 } }),
  ];
  const run = runResult(phases, { summary: summarizeRun(phases), status: 'interrupted' });
  run.thresholds = evaluateThresholds(['lost == 0', 'acked > 1'], run);
  return run;
}

test('the HTML report marks an integrity threshold of a cut-short run not evaluated, with why, not failed', () => {
  const section = thresholdsSection(cutShortRun());
  assert.equal(section.subtitle, '1 not evaluated');
  const body = String(section.body);
  assert.match(
    body,
    /badge warn">not evaluated<\/span> <span class="dim">23 messages unverified \(the drain did not finish\)/,
  );
  assert.doesNotMatch(body, /failed-row/);
  assert.match(body, /badge good">pass/);
});

test('the HTML integrity table and summary tile show the unverified count and never say ok', () => {
  const run = cutShortRun();
  assert.match(String(integritySection(run).body), /<th>unverified<\/th>/);
  assert.match(String(integritySection(run).body), /<td class="bad-cell">23<\/td>/);
  const summary = String(summarySection(run).body);
  assert.match(summary, /unverified/);
  assert.match(summary, /23 unverified/);
});
