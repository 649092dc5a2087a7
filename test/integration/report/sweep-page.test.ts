import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SweepResult } from '../../../src/sweep/sweep-result-types.js';
import { chromiumMissing, openPage } from '../../helpers/browser.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { latencyGridRows, sweepOf } from '../../unit/plan/sweep-fixture.js';
import type { Row } from '../../unit/sweep/fabricated-points.js';

const missing = chromiumMissing();
// CI installs chromium (scripts/install.sh), so there a missing browser is a failure, not a skip.
const skip = missing !== null && !process.env.CI ? missing : false;

function savedSweep(sweep: SweepResult): string {
  const path = join(tempDir('sweep-page'), 'sweep-latency-sweep-20261122T000000Z.json');
  writeFileSync(path, JSON.stringify(sweep));
  return path;
}

test('kload report <sweep> --html writes the default file next to the sweep; --hlog is still refused', async () => {
  const path = savedSweep(sweepOf(latencyGridRows()));
  const r = await runCli(['report', path, '--html']);
  assert.equal(r.code, 0, r.stderr);
  const page = path.replace(/\.json$/, '.html');
  assert.match(r.stdout, /^HTML sweep report: .*sweep-latency-sweep-20261122T000000Z\.html \(\d+ KiB\)$/m);
  assert.match(readFileSync(page, 'utf8'), /^<!doctype html>/);

  const hlog = await runCli(['report', path, '--hlog']);
  assert.equal(hlog.code, 2);
  assert.match(hlog.stderr, /is a sweep result; --hlog applies to a single run's result/);
});

test('the sweep page opens offline in Chromium with every chart drawn, one row per point and the verdicts', {
  skip,
  timeout: 90_000,
}, async (t) => {
  assert.equal(missing, null, missing ?? '');
  const sweep = sweepOf(latencyGridRows());
  const dir = tempDir('sweep-page');
  const htmlPath = join(dir, 'page.html');
  const r = await runCli(['report', savedSweep(sweep), '--html', htmlPath]);
  assert.equal(r.code, 0, r.stderr);
  const url = pathToFileURL(htmlPath).href;
  const opened = await openPage(url);
  t.after(() => opened.close());
  const { page } = opened;

  const plots = await page.locator('.plot').count();
  // 3 against N, R, K; one USL per (R, K) group; latency; per partition.
  assert.equal(plots, 3 + 4 + 1 + 1);
  await page.waitForFunction((n) => document.querySelectorAll('.plot canvas').length === n, plots, {
    timeout: 15_000,
  });
  const charts = await page.evaluate(() =>
    (window as unknown as { kloadCharts: { root: HTMLElement; data: (number | null)[][] }[] }).kloadCharts.map((c) => ({
      id: c.root.parentElement?.id ?? '',
      rows: c.data[0]?.length ?? 0,
      valuesPerSeries: c.data.slice(1).map((column) => column.filter((v) => v !== null).length),
    })),
  );
  assert.equal(charts.length, plots);
  for (const chart of charts) {
    assert.ok(chart.rows > 0, `${chart.id} has rows`);
    chart.valuesPerSeries.forEach((n, i) => assert.ok(n > 0, `${chart.id}: series ${i + 1} has values`));
  }

  assert.equal(await page.locator('#points tbody tr').count(), sweep.points.length);
  const text = await page.locator('body').innerText();
  const m = sweep.models;
  for (const model of [m.throughput, m.throughputBytes, m.latency, m.efficiency]) {
    const words = model.checked ? model.lines[0]! : model.reason;
    assert.ok(text.includes(words), `the page says "${words}"`);
  }
  assert.equal(m.usl.fits.length, 4, 'the fixture has a USL fit per (R, K)');
  assert.match(await page.locator('#usl').innerText(), /σ = [\d.]+, κ = [\d.]+, λ = [\d,]+ msg\/s/);
  assert.match(await page.locator('#latency').innerText(), /(Knee|No knee): p99 /);
  assert.equal(await page.locator('#littles-law tbody tr').count(), sweep.points.length);

  const screenshot = join(dir, 'sweep-page.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  t.diagnostic(`page: ${htmlPath}; screenshot: ${screenshot}`);
  assert.deepEqual(opened.errors, []);
  assert.deepEqual(opened.failedRequests, []);
  assert.deepEqual(opened.requests, [url], 'the page itself is the only request');
});

test('a sweep that does not vary N says why there is no USL instead of leaving the section blank', {
  skip,
  timeout: 60_000,
}, async (t) => {
  const rows = latencyGridRows().filter((row) => row.producers === 2);
  const dir = tempDir('sweep-page');
  const htmlPath = join(dir, 'no-usl.html');
  const r = await runCli(['report', savedSweep(sweepOf(rows)), '--html', htmlPath]);
  assert.equal(r.code, 0, r.stderr);
  const opened = await openPage(pathToFileURL(htmlPath).href);
  t.after(() => opened.close());
  const { page } = opened;
  assert.match(await page.locator('#usl').innerText(), /Not fitted: producers takes 1 value\(s\) \(2\)/);
  assert.match(await page.locator('#scaling').innerText(), /The grid holds producers N at 2: nothing to fit along it/);
  assert.deepEqual(opened.errors, []);
});

test('a sweep over broker counts draws throughput against B in the browser, and B and RF per point', {
  skip,
  timeout: 60_000,
}, async (t) => {
  const rows: Row[] = [1, 3].flatMap((brokers) =>
    [1, 2, 4].map((producers, j) => ({
      producers,
      messageBytes: 1000,
      partitions: 2,
      brokers,
      throughput: Math.round(8000 * producers ** 0.8 * brokers ** 0.7 * (1 + 0.02 * Math.sin(brokers + 3 * j))),
    })),
  );
  const sweep = sweepOf(rows, { perPointBrokerCounts: [1, 3], brokerCount: 3 });
  const htmlPath = join(tempDir('sweep-page'), 'brokers.html');
  const r = await runCli(['report', savedSweep(sweep), '--html', htmlPath]);
  assert.equal(r.code, 0, r.stderr);
  const opened = await openPage(pathToFileURL(htmlPath).href);
  t.after(() => opened.close());
  const { page } = opened;
  await page.waitForFunction(() => document.querySelector('#throughput-brokers canvas') !== null, null, {
    timeout: 15_000,
  });
  assert.match(await page.locator('#scaling h2').innerText(), /Throughput against N, R, K and B/);
  const header = await page.locator('#points thead').innerText();
  assert.match(header, /K\s+B\s+RF/);
  assert.match(await page.locator('#points tbody tr').nth(3).innerText(), /^3\s+1\s+1\s+1,000\s+2\s+3\s+3\s/);
  assert.match(await page.locator('.page-header').innerText(), /a fresh embedded cluster per point|embedded-temporary/);
  assert.deepEqual(opened.errors, []);
});
