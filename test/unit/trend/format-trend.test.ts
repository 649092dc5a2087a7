import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { buildTrend } from '../../../src/trend/build-trend.js';
import { formatTrend } from '../../../src/trend/format-trend.js';
import { parseLabelSource } from '../../../src/trend/run-labels.js';
import { history } from './trend-fixture.js';

const slowed = () =>
  buildTrend(
    history(11, (i, s) => (i === 11 ? { ...s, latencyScale: 2, label: 'slowed' } : s)),
    { order: 'time', labels: { kind: 'git' }, maxRegression: 0.05 },
  );

test('the table shows every run per phase, marks the slowed run, and says how it judged', () => {
  const text = formatTrend(slowed(), 'table');
  assert.match(text, /^Trend of "steady": 11 runs ordered by time, labelled by git, tolerance 5%$/m);
  assert.match(text, /^Phase steady$/m);
  assert.match(text, /^ #\s+label\s+throughput msg\/s\s+publish\.p99 ms\s+e2e\.p99 ms$/m);
  // The slowed run's latencies are above their bands and its change point; its throughput is not.
  assert.match(text, /^11\s+slowed\s+[\d,]+\s+[\d.]+ ▲◆\s+[\d.]+ ▲◆$/m);
  assert.match(text, /^ 5\s+c5\s+[\d,]+\s+[\d.]+\s+[\d.]+$/m);
  assert.match(
    text,
    /^steady\s+publish\.p99 ms\s+[\d.]+ \[[\d.]+ – [\d.]+\] of 10\s+[\d.]+\s+regressed\s+run 11 \(slowed\): worse/m,
  );
  assert.match(text, /newest run: unconfirmed/);
  assert.match(text, /^steady\s+throughput msg\/s\s+.*\s+ok\s+none$/m);
  assert.match(text, /^2 metrics of the newest run regressed, 2 of 3 with a change point\.$/m);
  assert.match(text, /^Method: A run is beyond noise when .* 3 robust standard deviations/m);
});

test('markdown has the same rows as tables; json is the trend itself', () => {
  const trend = slowed();
  const markdown = formatTrend(trend, 'markdown');
  assert.match(markdown, /^### kload trend: Trend of "steady"/);
  assert.match(markdown, /^\| 11 \| slowed \| [\d,]+ \| [\d.]+ ▲◆ \| [\d.]+ ▲◆ \|$/m);
  assert.match(markdown, /^\| ---: \| :--- \| ---: \| ---: \| ---: \|$/m);
  assert.deepEqual(JSON.parse(formatTrend(trend, 'json')), JSON.parse(JSON.stringify(trend)));
});

test('--label-from accepts time, git and field:<path>, and refuses anything else naming the forms', () => {
  assert.deepEqual(parseLabelSource('git'), { kind: 'git' });
  assert.deepEqual(parseLabelSource('time'), { kind: 'time' });
  assert.deepEqual(parseLabelSource('field:kload.version'), { kind: 'field', path: 'kload.version' });
  for (const bad of ['commit', 'field:', 'field:a..b', 'field']) {
    assert.throws(
      () => parseLabelSource(bad),
      (e: unknown) =>
        e instanceof KloadError && e.exitCode === 2 && /time \| git \| field:<dotted\.path>/.test(e.message),
      bad,
    );
  }
});
