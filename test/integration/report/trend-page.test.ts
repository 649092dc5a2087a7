import { test } from 'node:test';
import type uPlot from 'uplot';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumMissing, openPage } from '../../helpers/browser.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { savedResults, slowedHistory } from '../../unit/trend/trend-fixture.js';

const missing = chromiumMissing();
// CI installs chromium (scripts/install.sh), so there a missing browser is a failure, not a skip.
const skip = missing !== null && !process.env.CI ? missing : false;

test('the trend page opens offline in Chromium: a chart per metric with every run, the band and the change point', {
  skip,
  timeout: 90_000,
}, async (t) => {
  assert.equal(missing, null, missing ?? '');
  const htmlPath = join(tempDir('trend-page'), 'trend.html');
  const r = await runCli(['trend', ...savedResults(slowedHistory()), '--label-from', 'git', '--html', htmlPath]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^HTML trend page: .*trend\.html \(\d+ KiB\)$/m);
  const url = pathToFileURL(htmlPath).href;
  const opened = await openPage(url);
  t.after(() => opened.close());
  const { page } = opened;

  assert.equal(await page.locator('.plot').count(), 3, 'throughput, publish p99 and e2e p99 of phase steady');
  await page.waitForFunction(() => document.querySelectorAll('.plot canvas').length === 3, undefined, {
    timeout: 15_000,
  });
  const charts = await page.evaluate(() =>
    (window as unknown as { kloadCharts: uPlot[] }).kloadCharts.map((c) => {
      // Hover the newest run: the legend names it by its label, as the x axis (drawn on canvas) does.
      c.setCursor({ left: c.valToPos(11, 'x'), top: 10 });
      return {
        id: c.root.parentElement?.id ?? '',
        counts: c.data.map((column) => Array.from(column as ArrayLike<number | null>).filter((v) => v != null).length),
        hovered: c.root.querySelector<HTMLElement>('.u-legend .u-series .u-value')?.innerText ?? '',
      };
    }),
  );
  assert.deepEqual(
    charts.map((c) => c.id),
    ['trend-steady-throughput', 'trend-steady-publish-p99', 'trend-steady-e2e-p99'],
  );
  for (const chart of charts) {
    // x, runs, band high, band low, median, change point.
    const changePoints = chart.id.endsWith('throughput') ? 0 : 1;
    assert.deepEqual(chart.counts, [11, 11, 6, 6, 6, changePoints], chart.id);
    assert.equal(chart.hovered, '11: slowed', `${chart.id} names the runs by label`);
  }
  assert.equal(await page.locator('#runs tbody tr').count(), 11);
  assert.match(
    await page.locator('#verdicts').innerText(),
    /publish\.p99[\s\S]*regressed[\s\S]*run 11 \(slowed\): worse/,
  );
  assert.match(await page.locator('header').innerText(), /newest run regressed in 2/);

  const screenshot = join(tempDir('trend-page'), 'trend-page.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  t.diagnostic(`page: ${htmlPath}; screenshot: ${screenshot}`);
  assert.deepEqual(opened.errors, []);
  assert.deepEqual(opened.failedRequests, []);
  assert.deepEqual(opened.requests, [url], 'the page itself is the only request');
});
