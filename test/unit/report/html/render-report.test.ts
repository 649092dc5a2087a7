import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReportAssets } from '../../../../src/report/html/assets.js';
import type { ChartSpec } from '../../../../src/report/html/chart-specs.js';
import { renderRunReport, runReportSections } from '../../../../src/report/html/render-report.js';
import { latencies, phaseResult, realisticRunResult, runResult } from '../../../helpers/result-fixture.js';

const assets = { chartJs: 'window.uPlot = function () {};', chartCss: '.u-legend {}', chartLibrary: 'uPlot test' };

function embeddedCharts(page: string): ChartSpec[] {
  const match = /<script type="application\/json" id="kload-charts">(.*?)<\/script>/s.exec(page);
  assert.ok(match, 'chart data block');
  return JSON.parse(match[1]!) as ChartSpec[];
}

test('the run report has a summary, thresholds, integrity, one section per phase and the environment', () => {
  const ids = runReportSections(realisticRunResult()).map((s) => s.id);
  assert.deepEqual(ids, ['summary', 'thresholds', 'integrity', 'phase-0', 'phase-1', 'phase-2', 'environment']);
});

test('every embedded chart has a container in the page, and every container has its chart', () => {
  const page = renderRunReport(realisticRunResult(), assets);
  const charts = embeddedCharts(page);
  assert.equal(charts.length, 12);
  const containers = [...page.matchAll(/<div class="plot" id="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(containers.sort(), charts.map((c) => c.id).sort());
});

test('the page loads nothing from outside: no src or href to another file, and a CSP that forbids it', () => {
  const page = renderRunReport(realisticRunResult(), loadReportAssets());
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.doesNotMatch(page, /<script[^>]+src=/);
  assert.doesNotMatch(page, /<link /);
  assert.doesNotMatch(page, /href="(?!#)/);
  assert.match(page, /uPlot 1\.\d+\.\d+/);
});

test('warmup is greyed, a failed threshold is marked and generator-bound reasons are listed', () => {
  const page = renderRunReport(realisticRunResult(), assets);
  assert.match(page, /<section class="report-section muted" id="phase-0">/);
  assert.match(page, /<section class="report-section" id="phase-1">/);
  assert.match(page, /<tr class="failed-row">\s*<td class="text"><code>steady: e2e\.p99 &lt; 5ms<\/code>/);
  assert.match(page, /schedule delay p99 6\.1 ms &gt; 5\.0 ms/);
});

test('a run without consumers or thresholds says so instead of drawing empty charts', () => {
  const noConsumers = phaseResult({
    consumerWorkers: [],
    integrity: null,
    endToEndClock: null,
    consumed: 0,
    endToEndLatencyUs: latencies(),
  });
  const page = renderRunReport(runResult([noConsumers]), assets);
  assert.match(page, /This scenario defines no thresholds\./);
  assert.match(page, /not checked \(no consumers\)/);
  assert.match(page, /No consumers in this scenario\./);
  assert.match(page, /No interval data was recorded in this phase\./);
  assert.deepEqual(
    embeddedCharts(page).map((c) => c.id),
    ['phase-0-spectrum'],
  );
});

test('text from the result is escaped, so a hostile name cannot inject markup', () => {
  const result = runResult([phaseResult({ name: '<img src=x onerror=alert(1)>' })]);
  result.scenario.description = '</script><script>alert(2)</script>';
  const page = renderRunReport(result, assets);
  assert.doesNotMatch(page, /<img src=x/);
  assert.doesNotMatch(page, /<script>alert\(2\)/);
  assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/);
});
