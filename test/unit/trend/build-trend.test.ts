import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { phaseResult, runResult } from '../../helpers/result-fixture.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';
import { buildTrend, type TrendOptions } from '../../../src/trend/build-trend.js';
import type { ResultFile } from '../../../src/trend/order-runs.js';
import type { Trend, TrendSeries } from '../../../src/trend/trend-types.js';
import { history, startedAtOf, trendResult } from './trend-fixture.js';

const OPTIONS: TrendOptions = { order: 'time', labels: { kind: 'git' }, maxRegression: 0.05 };

function series(trend: Trend, metric: TrendSeries['metric']): TrendSeries {
  const found = trend.series.find((s) => s.metric === metric);
  assert.ok(found !== undefined, `no series ${metric}`);
  return found;
}

test('ten runs of noise: three series of the recorded phase, no change point, nothing regressed', () => {
  const trend = buildTrend(history(10), OPTIONS);
  assert.deepEqual(
    trend.series.map((s) => `${s.phase} ${s.metric}`),
    ['steady throughput', 'steady publish.p99', 'steady e2e.p99'],
  );
  assert.equal(trend.regressions, 0);
  for (const s of trend.series) {
    assert.equal(s.changePoint, null, `${s.metric}`);
    assert.equal(s.newest, 'ok');
    assert.deepEqual(
      s.points.map((p) => p.band === null),
      [true, true, true, true, true, false, false, false, false, false],
      'a band from the 6th run on',
    );
  }
});

test('a slower newest run regresses latency, is its change point, and leaves throughput ok', () => {
  const trend = buildTrend(
    history(11, (i, s) => (i === 11 ? { ...s, latencyScale: 2, label: 'slowed' } : s)),
    OPTIONS,
  );
  const publish = series(trend, 'publish.p99');
  assert.equal(publish.newest, 'regressed');
  assert.equal(publish.changePoint?.run, 11);
  assert.equal(publish.changePoint?.confirmed, false);
  assert.equal(series(trend, 'e2e.p99').newest, 'regressed');
  assert.equal(series(trend, 'throughput').newest, 'ok');
  assert.equal(trend.regressions, 2);
  assert.equal(trend.runs[10]?.label, 'slowed');
});

test('runs are put in time order whatever order the files come in; files order keeps them', () => {
  const files = history(5).reverse();
  const byTime = buildTrend(files, OPTIONS);
  assert.deepEqual(
    byTime.runs.map((r) => r.label),
    ['c1', 'c2', 'c3', 'c4', 'c5'],
  );
  assert.deepEqual(
    byTime.runs.map((r) => r.index),
    [1, 2, 3, 4, 5],
  );
  const asGiven = buildTrend(files, { ...OPTIONS, order: 'files' });
  assert.deepEqual(
    asGiven.runs.map((r) => r.label),
    ['c5', 'c4', 'c3', 'c2', 'c1'],
  );
});

test('label order is natural: build-9 before build-10', () => {
  const files = [10, 9, 2].map((n, k) => ({
    file: `r${n}.json`,
    result: trendResult(k, { throughput: 5000, latencyScale: 1, label: `build-${n}` }),
  }));
  const trend = buildTrend(files, { ...OPTIONS, order: 'label' });
  assert.deepEqual(
    trend.runs.map((r) => r.label),
    ['build-2', 'build-9', 'build-10'],
  );
});

test('labels from the start time or from a field; a key holding a dot is matched whole', () => {
  const files = history(3);
  assert.equal(buildTrend(files, { ...OPTIONS, labels: { kind: 'time' } }).runs[0]?.label, '2026-12-01 01:00:00');
  files[0]!.result.scenario.producers.properties['linger.ms'] = '5';
  files[1]!.result.scenario.producers.properties['linger.ms'] = '50';
  files[2]!.result.scenario.producers.properties['linger.ms'] = '500';
  const trend = buildTrend(files, {
    ...OPTIONS,
    labels: { kind: 'field', path: 'scenario.producers.properties.linger.ms' },
  });
  assert.deepEqual(
    trend.runs.map((r) => r.label),
    ['5', '50', '500'],
  );
  assert.equal(trend.labelFrom, 'field:scenario.producers.properties.linger.ms');
});

const refusals: { name: string; files: () => ResultFile[]; options?: Partial<TrendOptions>; message: RegExp }[] = [
  { name: 'one result', files: () => history(1), message: /a trend needs at least 2 results \(got 1\)/ },
  {
    name: 'another scenario',
    files: () => {
      const files = history(3);
      files[2]!.result.scenario = { ...files[2]!.result.scenario, name: 'other' };
      return files;
    },
    message:
      /steady-3\.json \(head\) against results\/steady-1\.json \(base\): base ran scenario "steady", head ran "other"/,
  },
  {
    name: 'other phases',
    files: () => [
      ...history(2),
      { file: 'x.json', result: runResult([phaseResult({ name: 'fast' })], { startedAt: startedAtOf(3) }) },
    ],
    message: /x\.json \(head\) against results\/steady-1\.json \(base\): base has 2 phases, head has 1/,
  },
  {
    name: 'another result format',
    files: () => {
      const files = history(2);
      (files[1]!.result as { schemaVersion: number }).schemaVersion = 1;
      return files;
    },
    message: /result schema versions differ/,
  },
  {
    name: 'a run without the label --label-from git asks for',
    files: () => {
      const files = history(3);
      delete files[1]!.result.label;
      return files;
    },
    message: /results\/steady-2\.json has no label \(--label-from git\)/,
  },
  {
    name: 'a field that holds an object',
    files: () => history(3),
    options: { labels: { kind: 'field', path: 'environment' } },
    message: /results\/steady-1\.json: --label-from field:environment names a field that holds object/,
  },
  {
    name: 'a field that does not exist',
    files: () => history(3),
    options: { labels: { kind: 'field', path: 'kload.commit' } },
    message: /--label-from field:kload\.commit names no such field/,
  },
];

for (const c of refusals) {
  test(`refused with exit 2: ${c.name}`, () => {
    assert.throws(
      () => buildTrend(c.files(), { ...OPTIONS, ...c.options }),
      (error: unknown) =>
        error instanceof KloadError &&
        error.code === 'INVALID_ARGUMENT' &&
        error.exitCode === 2 &&
        c.message.test(error.message),
    );
  });
}

test('repeats are extra samples: a run is their median, and their scatter widens the band', () => {
  const scattered = (scale: number) => ({
    throughput: 5000,
    latencyScale: scale,
    repeats: [0.7, 1, 1.3].map((f) => ({ throughput: 5000, latencyScale: scale * f })),
  });
  const files = [1, 2, 3, 4, 5, 6].map((i) => ({
    file: `r${i}.json`,
    result: trendResult(i, { ...scattered(i === 6 ? 1.2 : 1), label: `r${i}` }),
  }));
  const trend = buildTrend(files, OPTIONS);
  const publish = series(trend, 'publish.p99');
  assert.equal(trend.runs[0]?.samples, 3);
  assert.equal(publish.points[0]?.samples.length, 3);
  assert.equal(publish.points[0]?.value, publish.points[0]?.samples[1], 'the median repeat');
  // 20% slower, but inside the ±30% scatter of the repeats before it.
  assert.equal(publish.newest, 'ok');

  const single = [1, 2, 3, 4, 5, 6].map((i) => ({
    file: `s${i}.json`,
    result: trendResult(i, { throughput: 5000, latencyScale: i === 6 ? 1.2 : 1, label: `s${i}` }),
  }));
  assert.equal(series(buildTrend(single, OPTIONS), 'publish.p99').newest, 'regressed');
});

test('a scenario without consumers has no e2e series; a partial run and a generator-bound phase are noted', () => {
  const files = history(4).map(({ file, result }) => {
    const phases = result.phases.map((p) => ({
      ...p,
      endToEndLatencyUs: { ...p.endToEndLatencyUs, count: 0 },
      consumerWorkers: [],
      integrity: null,
    }));
    return {
      file,
      result: { ...result, phases, scenario: scenarioWith({ consumers: null, phases: result.scenario.phases }) },
    };
  });
  files[3]!.result.status = 'interrupted';
  files[2]!.result.phases[1]!.generatorBound = true;
  const trend = buildTrend(files, OPTIONS);
  assert.deepEqual(
    trend.series.map((s) => s.metric),
    ['throughput', 'publish.p99'],
  );
  assert.deepEqual(trend.notes, [
    'run 4 (c4) was interrupted: partial data',
    'phase "steady" was generator-bound in run 3: those numbers measure kload, not Kafka',
  ]);
});
