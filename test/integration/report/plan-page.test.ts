import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { planCapacity } from '../../../src/plan/plan-capacity.js';
import { evidencePoints, planRows } from '../../../src/report/html/plan/plan-rows.js';
import type { SweepResult } from '../../../src/sweep/sweep-result-types.js';
import { chromiumMissing, openPage, type OpenedPage } from '../../helpers/browser.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { latencyGridRows, sweepOf } from '../../unit/plan/sweep-fixture.js';

const missing = chromiumMissing();
// CI installs chromium (scripts/install.sh), so there a missing browser is a failure, not a skip.
const skip = missing !== null && !process.env.CI ? missing : false;

const PLAN_ARGS = ['--target', '15000', '--p99', '50ms', '--message-bytes', '1000'];
// 3 reasons: no point within 1 ms, the target far beyond the range, and a fit R² (0.997) below 0.999.
const REFUSED_ARGS = ['--target', '100000', '--p99', '1ms', '--min-r2', '0.999'];

function savedSweep(sweep: SweepResult): string {
  const path = join(tempDir('plan-page'), 'sweep-latency-sweep-20261122T000000Z.json');
  writeFileSync(path, JSON.stringify(sweep));
  return path;
}

interface DrawnChart {
  id: string;
  labels: string[];
  valuesPerSeries: number[];
  /** From the chart data embedded in the page: the sweep points its dots stand for. */
  pointsDrawn: number[];
}

/** What uPlot holds for each chart once drawn: series labels and how many values each has. */
async function drawnCharts(opened: OpenedPage): Promise<DrawnChart[]> {
  const { page } = opened;
  const plots = await page.locator('.plot').count();
  await page.waitForFunction((n) => document.querySelectorAll('.plot canvas').length === n, plots, {
    timeout: 15_000,
  });
  const charts = await page.evaluate(() => {
    const specs = JSON.parse(document.getElementById('kload-charts')?.textContent ?? '[]') as {
      id: string;
      pointsDrawn: { pointIndex: number }[];
    }[];
    const drawn = (
      window as unknown as {
        kloadCharts: { root: HTMLElement; series: { label?: string }[]; data: (number | null)[][] }[];
      }
    ).kloadCharts;
    return drawn.map((c) => {
      const id = c.root.parentElement?.id ?? '';
      return {
        id,
        labels: c.series.slice(1).map((s) => String(s.label ?? '')),
        valuesPerSeries: c.data.slice(1).map((column) => column.filter((v) => v !== null).length),
        pointsDrawn: (specs.find((s) => s.id === id)?.pointsDrawn ?? []).map((d) => d.pointIndex),
      };
    });
  });
  assert.equal(charts.length, plots, 'every chart slot holds a drawn chart');
  return charts;
}

function assertOffline(opened: OpenedPage, url: string): void {
  assert.deepEqual(opened.errors, []);
  assert.deepEqual(opened.failedRequests, []);
  assert.deepEqual(opened.requests, [url], 'the page itself is the only request');
}

test('kload plan --html writes the page beside the sweep by default, prints its path, not the Markdown', async () => {
  const path = savedSweep(sweepOf(latencyGridRows()));
  const r = await runCli(['plan', path, ...PLAN_ARGS, '--html']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^HTML plan page: .*sweep-latency-sweep-20261122T000000Z-plan\.html \(\d+ KiB\)\n$/);
  assert.ok(existsSync(path.replace(/\.json$/, '-plan.html')));

  const json = await runCli(['plan', path, ...PLAN_ARGS, '--html', join(tempDir('plan-page'), 'p.html'), '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).kind, 'kload-plan', 'stdout holds only the JSON');
  assert.match(json.stderr, /HTML plan page: .*p\.html/);
});

test('the plan page opens offline: every number and its evidence, evidence points ringed, headroom drawn', {
  skip,
  timeout: 90_000,
}, async (t) => {
  const sweep = sweepOf(latencyGridRows());
  const outcome = planCapacity(sweep, { target: { value: 15_000, unit: 'msg/s' }, p99Us: 50_000, messageBytes: 1000 });
  assert.ok(outcome.ok);
  const dir = tempDir('plan-page');
  const htmlPath = join(dir, 'plan.html');
  const r = await runCli(['plan', savedSweep(sweep), ...PLAN_ARGS, '--html', htmlPath]);
  assert.equal(r.code, 0, r.stderr);
  const url = pathToFileURL(htmlPath).href;
  const opened = await openPage(url);
  t.after(() => opened.close());
  const { page } = opened;

  const rows = planRows(outcome.plan);
  assert.equal(await page.locator('#plan tbody tr').count(), rows.length);
  for (const row of rows) {
    const text = await page.locator(`#plan tr[data-key="${row.key}"]`).innerText();
    assert.ok(text.includes(row.shown), `${row.key}: ${row.shown}`);
    assert.ok(text.includes(row.number.evidence), `${row.key}: its evidence`);
    for (const i of row.number.points) assert.ok(text.includes(`#${i}`), `${row.key} names point #${i}`);
  }
  const evidence = evidencePoints(outcome.plan);
  assert.equal(await page.locator('#evidence tbody tr').count(), evidence.size);

  const charts = await drawnCharts(opened);
  // 3 against N, R, K; one USL per (R, K) group; latency; per partition: the sweep page's charts.
  assert.equal(charts.length, 3 + 4 + 1 + 1);
  const byId = new Map(charts.map((c) => [c.id, c]));
  const count = (id: string, label: string) => {
    const chart = byId.get(id);
    return chart?.valuesPerSeries[chart.labels.indexOf(label)];
  };
  let ringedCharts = 0;
  for (const chart of charts) {
    chart.valuesPerSeries.forEach((n, i) => assert.ok(n > 0, `${chart.id}: series "${chart.labels[i]}" has values`));
    // Each dot that stands for an evidence point is ringed, and nothing else (a USL group without one has none).
    const dots = chart.pointsDrawn.filter((i) => evidence.has(i)).length;
    assert.equal(count(chart.id, 'plan evidence') ?? 0, dots, `${chart.id} rings its ${dots} evidence dot(s)`);
    if (dots > 0) ringedCharts++;
  }
  // N, R, K, the basis's USL group, latency and per partition (p and c).
  assert.equal(ringedCharts, 3 + 1 + 1 + 1);
  assert.equal(count('per-partition', 'plan evidence'), 2 * evidence.size, 'producer p and consumer c');
  const target = 'target 15,000 msg/s';
  for (const id of ['throughput-producers', 'throughput-partitions', 'usl-0', 'latency-throughput'])
    assert.equal(count(id, target), 2, `${id} draws the target`);
  assert.equal(count('latency-throughput', 'p99 limit 50.0 ms'), 2);
  assert.ok(
    byId.get('per-partition')?.labels.some((l) => l.startsWith(`target / ${outcome.plan.partitions.value} partition`)),
  );
  assert.match(await page.locator('#headroom').innerText(), /PLANNED CAPACITY[\s\S]*spare/i);

  await page.screenshot({ path: join(dir, 'plan-page.png'), fullPage: true });
  t.diagnostic(`page: ${htmlPath}`);
  assertOffline(opened, url);
});

test('a refused plan still writes its page: every reason, and the charts with the target and the p99 limit', {
  skip,
  timeout: 90_000,
}, async (t) => {
  const sweep = sweepOf(latencyGridRows());
  const outcome = planCapacity(sweep, { target: { value: 100_000, unit: 'msg/s' }, p99Us: 1000, minRSquared: 0.999 });
  assert.ok(!outcome.ok);
  assert.equal(outcome.refusal.reasons.length, 3, 'the fixture refuses for three reasons');
  const htmlPath = join(tempDir('plan-page'), 'refusal.html');
  const r = await runCli(['plan', savedSweep(sweep), ...REFUSED_ARGS, '--html', htmlPath]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stdout, /HTML refusal page: .*refusal\.html/);
  const url = pathToFileURL(htmlPath).href;
  const opened = await openPage(url);
  t.after(() => opened.close());
  const { page } = opened;

  const listed = await page.locator('#reasons li').allInnerTexts();
  assert.deepEqual(listed, outcome.refusal.reasons);
  assert.match(await page.locator('h1').innerText(), /No capacity plan/);
  assert.equal(await page.locator('#plan').count(), 0, 'no plan table on a refusal');

  const charts = await drawnCharts(opened);
  assert.equal(charts.length, 3 + 4 + 1 + 1);
  for (const chart of charts)
    chart.valuesPerSeries.forEach((n, i) => assert.ok(n > 0, `${chart.id}: series "${chart.labels[i]}" has values`));
  const latency = charts.find((c) => c.id === 'latency-throughput');
  assert.ok(latency?.labels.includes('target 100,000 msg/s'));
  assert.ok(latency?.labels.includes('p99 limit 1.0 ms'));
  assert.ok(latency?.labels.includes('points at R = 10,000 B'));
  assertOffline(opened, url);
});
