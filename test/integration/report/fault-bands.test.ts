import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeHtmlReport } from '../../../src/report/html/write-html-report.js';
import { chromiumMissing, openPage } from '../../helpers/browser.js';
import { runWithFaults } from '../../helpers/fault-fixture.js';
import { tempDir } from '../../helpers/paths.js';

const missing = chromiumMissing();
// CI installs chromium (scripts/install.sh), so there a missing browser is a failure, not a skip.
const skip = missing !== null && !process.env.CI ? missing : false;

interface DrawnBand {
  chart: string;
  label: string;
  /** Band edges as fractions of the plotting area's width. */
  from: number;
  to: number;
}

test('faults are shaded on every time chart of the phases they overlap, and listed in a table', {
  skip,
  timeout: 120_000,
}, async (t) => {
  assert.equal(missing, null, missing ?? '');
  const dir = tempDir('fault-report');
  const htmlPath = join(dir, 'faults.html');
  await writeHtmlReport(runWithFaults(), htmlPath);
  const url = pathToFileURL(htmlPath).href;
  const opened = await openPage(url);
  t.after(() => opened.close());
  const { page } = opened;
  await page.waitForFunction(() => document.querySelectorAll('.plot canvas').length === 12, null, { timeout: 15_000 });

  const bands: DrawnBand[] = await page.$$eval('.plot', (plots) =>
    plots.flatMap((plot) => {
      const under = plot.querySelector('.u-under');
      if (!under) return [];
      const area = under.getBoundingClientRect();
      return [...under.querySelectorAll('.fault-band')].map((b) => {
        const box = b.getBoundingClientRect();
        return {
          chart: plot.id,
          label: (b as HTMLElement).innerText,
          from: (box.left - area.left) / area.width,
          to: (box.right - area.left) / area.width,
        };
      });
    }),
  );
  const on = (chart: string) => bands.filter((b) => b.chart === chart);
  for (const kind of ['throughput', 'latency', 'lag']) {
    assert.deepEqual(on(`phase-0-${kind}`), [], `warmup ${kind}: no fault`);
    // steady's x runs from its first interval's end (1 s) to 10 s: the kill at 4-6.5 s, the pause from 8 s.
    const steady = on(`phase-1-${kind}`);
    assert.deepEqual(
      steady.map((b) => b.label),
      ['fault 1: kill node 2', 'fault 2: pause node 3'],
      `steady ${kind}`,
    );
    assert.ok(Math.abs(steady[0]!.from - 3 / 9) < 0.01 && Math.abs(steady[0]!.to - 5.5 / 9) < 0.01, kind);
    assert.ok(Math.abs(steady[1]!.from - 7 / 9) < 0.01 && steady[1]!.to > 0.99, kind);
    // flat-out: the pause's last 1.5 s; its axis is widened to 0 so the band starts at the left edge.
    const flatOut = on(`phase-2-${kind}`);
    assert.deepEqual(
      flatOut.map((b) => b.label),
      ['fault 2: pause node 3'],
      `flat-out ${kind}`,
    );
    assert.ok(flatOut[0]!.from < 0.01 && Math.abs(flatOut[0]!.to - 1.5 / 5) < 0.01, kind);
  }
  assert.equal(bands.filter((b) => b.chart.endsWith('-spectrum')).length, 0, 'not on the percentile charts');

  const table = await page.locator('#faults').innerText();
  assert.match(
    table,
    /kill\s+leader-of quickstart\/0\s+2\s+steady\+4\.0s\s+7\.0\s+9\.5\s+done\s+2\.3 s \(partition 0\)/,
  );
  assert.match(table, /exec: <b>ssh<\/b> broker-2 .*skipped/s);
  assert.equal(await page.locator('#faults tbody tr').count(), 3);

  const screenshot = join(dir, 'faults.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  t.diagnostic(`screenshot: ${screenshot}`);
  assert.deepEqual(opened.errors, []);
  assert.deepEqual(opened.requests, [url], 'the page itself is the only request');
});
