import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChartSpec } from '../../../../src/report/html/chart-specs.js';
import { faultBandsByPhase } from '../../../../src/report/html/fault-bands.js';
import { renderRunReport, runReportSections } from '../../../../src/report/html/render-report.js';
import { faultRecords, runWithFaults } from '../../../helpers/fault-fixture.js';
import { realisticRunResult } from '../../../helpers/result-fixture.js';

const assets = { chartJs: 'window.uPlot = function () {};', chartCss: '.u-legend {}', chartLibrary: 'uPlot test' };

function embeddedCharts(page: string): ChartSpec[] {
  const match = /<script type="application\/json" id="kload-charts">(.*?)<\/script>/s.exec(page);
  assert.ok(match, 'chart data block');
  return JSON.parse(match[1]!) as ChartSpec[];
}

test('a fault is placed on the x of each phase it overlaps, clipped to the phase', () => {
  const bands = faultBandsByPhase(realisticRunResult().phases, faultRecords());
  assert.deepEqual(bands, [
    [],
    [
      { fromX: 4, toX: 6.5, label: 'fault 1: kill node 2' },
      { fromX: 8, toX: 10, label: 'fault 2: pause node 3' },
    ],
    [{ fromX: 0, toX: 1.5, label: 'fault 2: pause node 3' }],
  ]);
});

test('a fault that never ended runs to the end of every later phase; a skipped one is not drawn', () => {
  const [kill] = faultRecords();
  const bands = faultBandsByPhase(realisticRunResult().phases, [{ ...kill!, endedAtSec: null }]);
  assert.deepEqual(
    bands.map((b) => b.map(({ fromX, toX }) => [fromX, toX])),
    [[], [[4, 10]], [[0, 5]]],
  );
});

test('every time chart of a phase with faults carries their bands; the percentile chart does not', () => {
  const charts = embeddedCharts(renderRunReport(runWithFaults(), assets));
  const byId = new Map(charts.map((c) => [c.id, c]));
  for (const kind of ['throughput', 'latency', 'lag']) {
    assert.equal(byId.get(`phase-0-${kind}`)!.bands, undefined, 'warmup had no fault');
    assert.equal(byId.get(`phase-1-${kind}`)!.bands!.length, 2, `steady ${kind}`);
    assert.equal(byId.get(`phase-2-${kind}`)!.bands!.length, 1, `flat-out ${kind}`);
  }
  for (const c of charts.filter((c) => c.kind === 'nines')) assert.equal(c.bands, undefined);
});

test('the faults section lists each fault with its outcome and impact, escaped, after integrity', () => {
  const result = runWithFaults();
  assert.deepEqual(
    runReportSections(result).map((s) => s.id),
    ['summary', 'thresholds', 'integrity', 'faults', 'phase-0', 'phase-1', 'phase-2', 'environment'],
  );
  const page = renderRunReport(result, assets);
  const section = /<section class="report-section" id="faults">(.*?)<\/section>/s.exec(page)![1]!;
  const rows = [...section.matchAll(/<tr class="[^"]*">(.*?)<\/tr>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ' '));
  assert.equal(rows.length, 3);
  assert.match(rows[0]!, /1\s+kill\s+leader-of quickstart\/0\s+2\s+steady\+4\.0s\s+7\.0\s+9\.5\s+done/);
  assert.match(rows[0]!, /2\.3 s \(partition 0\)\s+4\.0 s\s+baseline p99 4\.2 ms\s+0\s+3\s+restarted after 2\.5 s/);
  assert.match(rows[1]!, /none\s+not recovered\s+no baseline before the fault\s+–\s+–/);
  assert.match(rows[2]!, /skipped\s+not measured\s+the run stopped first/);
  assert.match(section, /exec: &lt;b&gt;ssh&lt;\/b&gt; broker-2/, 'the command is text, not markup');
});

test('a run without faults has no faults section', () => {
  assert.ok(!runReportSections(realisticRunResult()).some((s) => s.id === 'faults'));
});
