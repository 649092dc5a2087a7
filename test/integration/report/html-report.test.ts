import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeHtmlReport } from '../../../src/report/html/write-html-report.js';
import { chromiumMissing, openPage } from '../../helpers/browser.js';
import { tempDir } from '../../helpers/paths.js';
import { realisticRunResult } from '../../helpers/result-fixture.js';

const missing = chromiumMissing();
// CI installs chromium (scripts/install.sh), so there a missing browser is a failure, not a skip.
const skip = missing !== null && !process.env.CI ? missing : false;

test('the HTML report opens offline in Chromium, draws every chart and shows thresholds and integrity', {
  skip,
  timeout: 120_000,
}, async (t) => {
  assert.equal(missing, null, missing ?? '');
  const dir = tempDir('html-report');
  const htmlPath = join(dir, 'quickstart.html');
  const bytes = await writeHtmlReport(realisticRunResult(), htmlPath);
  t.diagnostic(`report: ${htmlPath} (${bytes} bytes)`);
  const url = pathToFileURL(htmlPath).href;
  const opened = await openPage(url);
  t.after(() => opened.close());
  const { page } = opened;

  const containers = await page.locator('.plot').count();
  assert.equal(containers, 12, 'four charts for each of the three phases');
  await page.waitForFunction((n) => document.querySelectorAll('.plot canvas').length === n, containers, {
    timeout: 15_000,
  });

  const drawn = await page.$$eval('.plot', (plots) =>
    plots.map((plot) => {
      const canvas = plot.querySelector('canvas');
      if (!canvas) return { id: plot.id, width: 0, height: 0, inked: 0 };
      const box = canvas.getBoundingClientRect();
      const pixels =
        canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let inked = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked++;
      return { id: plot.id, width: box.width, height: box.height, inked };
    }),
  );
  for (const chart of drawn) {
    assert.ok(chart.width > 100 && chart.height > 100, `${chart.id} has size ${chart.width}x${chart.height}`);
    assert.ok(chart.inked > 1000, `${chart.id} drew lines (${chart.inked} painted pixels)`);
  }

  assert.match(await page.locator('#thresholds').innerText(), /steady: e2e\.p99 < 5ms[\s\S]*fail/);
  assert.equal(await page.locator('#thresholds tbody tr').count(), 4);
  assert.match(await page.locator('#integrity').innerText(), /warmup\s+0\s+0\s+0\s+0\s+bound/);
  assert.equal(await page.locator('#integrity tbody tr').count(), 3);

  // The legend follows the cursor: the nines axis reads back as a percentile.
  const over = page.locator('#phase-1-spectrum .u-over');
  await over.scrollIntoViewIfNeeded();
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 4 });
  assert.match(await page.locator('#phase-1-spectrum .u-legend').innerText(), /percentile:?\s*99\.\d+%/);

  const screenshot = join(dir, 'quickstart.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  t.diagnostic(`screenshot: ${screenshot}`);

  assert.deepEqual(opened.errors, []);
  assert.deepEqual(opened.failedRequests, []);
  assert.deepEqual(opened.requests, [url], 'the page itself is the only request');
});
