import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { history, savedResults, slowedHistory } from '../../unit/trend/trend-fixture.js';

test('kload trend over ten runs of noise flags nothing and exits 0, also with --fail-on-regression', async () => {
  const files = savedResults(history(10).map((f) => f.result));
  const r = await runCli(['trend', ...files, '--label-from', 'git', '--fail-on-regression']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Trend of "steady": 10 runs ordered by time, labelled by git, tolerance 5%$/m);
  assert.match(r.stdout, /^10\s+c10\s/m);
  assert.match(r.stdout, /^0 metrics of the newest run regressed, 0 of 3 with a change point\.$/m);
  assert.doesNotMatch(r.stdout, /[▲▼◆]\s*$/m);
});

test('a slowed newest run: exit 99 with --fail-on-regression, 0 without; shuffled files keep time order', async () => {
  const files = savedResults(slowedHistory()).reverse();
  const gate = await runCli(['trend', ...files, '--label-from', 'git', '--fail-on-regression']);
  assert.equal(gate.code, 99, gate.stderr);
  assert.match(gate.stdout, /^11\s+slowed\s/m);
  assert.match(gate.stdout, /^steady\s+publish\.p99 ms\s.*regressed\s+run 11 \(slowed\): worse/m);
  assert.match(
    gate.stderr,
    /^error: the newest run regressed in 2 metrics beyond 5% and beyond the spread of the runs before it$/m,
  );
  const report = await runCli(['trend', ...files, '--label-from', 'git']);
  assert.equal(report.code, 0, report.stderr);
  // Twice as slow is within a 150% tolerance: nothing regressed.
  const tolerant = await runCli(['trend', ...files, '--max-regression', '150%', '--fail-on-regression']);
  assert.equal(tolerant.code, 0, tolerant.stderr);
});

test('--format json is the trend for scripts; --format markdown a comment', async () => {
  const files = savedResults(slowedHistory());
  const json = await runCli(['trend', ...files, '--format', 'json', '--label-from', 'field:label']);
  assert.equal(json.code, 0, json.stderr);
  const trend = JSON.parse(json.stdout) as { runs: { label: string }[]; regressions: number; labelFrom: string };
  assert.equal(trend.runs.length, 11);
  assert.equal(trend.runs[10]?.label, 'slowed');
  assert.equal(trend.labelFrom, 'field:label');
  assert.equal(trend.regressions, 2);
  const markdown = await runCli(['trend', ...files, '--format', 'markdown']);
  assert.match(markdown.stdout, /^### kload trend: /);
});

test('results of another scenario, a single result or a bad flag are refused with exit 2 and the reason', async () => {
  const results = history(3).map((f) => f.result);
  results[2] = { ...results[2]!, scenario: { ...results[2]!.scenario, name: 'other' } };
  const files = savedResults(results);
  const mixed = await runCli(['trend', ...files]);
  assert.equal(mixed.code, 2);
  assert.match(mixed.stderr, /^error: the results cannot form one trend:$/m);
  assert.match(
    mixed.stderr,
    /steady-run03\.json \(head\) against .*steady-run01\.json \(base\): base ran scenario "steady", head ran "other"/,
  );
  assert.match(mixed.stderr, /^hint: A trend follows one scenario/m);

  const one = await runCli(['trend', files[0]!]);
  assert.equal(one.code, 2);
  assert.match(one.stderr, /a trend needs at least 2 results \(got 1\)/);

  const label = await runCli(['trend', files[0]!, files[1]!, '--label-from', 'commit']);
  assert.equal(label.code, 2);
  assert.match(label.stderr, /--label-from must be time \| git \| field:<dotted\.path> \(got "commit"\)/);

  const missing = await runCli(['trend', files[0]!, join(tempDir('trend'), 'nope.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /result file not found: .*nope\.json/);
});

test('kload trend --help teaches with examples and the method', async () => {
  const r = await runCli(['trend', '--help']);
  assert.equal(r.code, 0, r.stderr);
  for (const words of [
    '--label-from',
    '--fail-on-regression',
    '--html',
    'git rev-parse --short',
    'kload trend results/quickstart-*.json',
    '1.4826 × MAD',
    'change point',
  ]) {
    assert.ok(r.stdout.replace(/\s+/g, ' ').includes(words), `help mentions ${words}`);
  }
});

test('kload run refuses a multi-line --label, and one on a segment, before it touches a cluster', async () => {
  const r = await runCli(['run', 'scenarios/quickstart.yaml', '--label', 'a\nb', '--brokers', '127.0.0.1:1']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--label must be one line of 1 to 100 characters/);
  const segment = await runCli(['run', 'scenarios/quickstart.yaml', '--label', 'abc', '--segment', '1/2']);
  assert.equal(segment.code, 2);
  assert.match(segment.stderr, /--label names a whole run: not with --segment/);
  assert.match(segment.stderr, /^hint: Pass --label to `kload merge`/m);
});
