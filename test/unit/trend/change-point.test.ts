import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findChangePoint, type RunValues } from '../../../src/trend/change-point.js';
import { wobble } from './trend-fixture.js';

/** Latencies (lower is better) of ~100 with ±3% noise, then whatever the case changes. */
function runs(values: readonly (number | null)[]): RunValues[] {
  return values.map((v) => ({ value: v, samples: v === null ? [] : [v] }));
}
const noise = (n: number) => Array.from({ length: n }, (_, k) => 100 * wobble(k + 1, 0.03));

const cases: {
  name: string;
  values: (number | null)[];
  expected: { run: number; movement: 'worse' | 'better'; confirmed: boolean } | null;
}[] = [
  { name: 'ten runs of noise: none', values: noise(10), expected: null },
  {
    name: 'a step up at run 6 that stays: run 6, worse',
    values: [...noise(5), 150, 152, 149, 151, 150],
    expected: { run: 6, movement: 'worse', confirmed: true },
  },
  {
    name: 'one slow run that returns: none',
    values: [...noise(5), 180, ...noise(4)],
    expected: null,
  },
  {
    name: 'two slow runs that return: none (the window needs 3 or the end)',
    values: [...noise(5), 180, 175, ...noise(3)],
    expected: null,
  },
  {
    name: 'only the newest run slow: it, unconfirmed',
    values: [...noise(10), 300],
    expected: { run: 11, movement: 'worse', confirmed: false },
  },
  {
    name: 'the last two slow: the first of them, confirmed by the second',
    values: [...noise(8), 300, 290],
    expected: { run: 9, movement: 'worse', confirmed: true },
  },
  {
    name: 'a step down (faster): better',
    values: [...noise(5), 60, 61, 59, 60],
    expected: { run: 6, movement: 'better', confirmed: true },
  },
  {
    name: 'a step inside the tolerance (+4%): none',
    values: [100, 100, 100, 100, 104, 104, 104, 104],
    expected: null,
  },
  {
    name: 'a step at run 2, before 5 earlier runs exist: none (the new level becomes the baseline)',
    values: [100, 150, 150, 150, 150, 150, 150, 150],
    expected: null,
  },
  {
    name: 'runs without a value are skipped, not counted as earlier runs',
    values: [100, null, 101, 99, 100, 102, null, 150, 151, 149],
    expected: { run: 8, movement: 'worse', confirmed: true },
  },
  {
    name: 'a step at run 5 is found at run 6, the first with 5 earlier runs (unconfirmed: the newest)',
    values: [100, 100, 100, 100, 300, 300],
    expected: { run: 6, movement: 'worse', confirmed: false },
  },
  { name: 'fewer than 6 runs: never a change point', values: [100, 100, 100, 100, 300], expected: null },
];

for (const c of cases) {
  test(`change point: ${c.name}`, () => {
    const found = findChangePoint(runs(c.values), 'lower-is-better', 0.05);
    if (c.expected === null) return assert.equal(found, null, JSON.stringify(found));
    assert.ok(found !== null, 'a change point');
    assert.deepEqual({ run: found.run, movement: found.movement, confirmed: found.confirmed }, c.expected);
  });
}

test('a throughput drop is worse, its shift relative to the median before it', () => {
  const found = findChangePoint(runs([1000, 1010, 990, 1000, 1005, 700, 690, 710]), 'higher-is-better', 0.05);
  assert.ok(found !== null);
  assert.equal(found.movement, 'worse');
  assert.equal(found.run, 6);
  assert.equal(found.before.median, 1000);
  assert.ok(Math.abs(found.shift! - -0.3) < 1e-9, String(found.shift));
});

test("repeats pool into the earlier runs' spread: a step within their scatter is no change", () => {
  // Each run's repeats scatter ±20%; a 15% step of the medians is inside 3 robust sd of that scatter.
  const scattered = (center: number): RunValues => ({ value: center, samples: [center * 0.8, center, center * 1.2] });
  const values = [100, 100, 100, 100, 100, 115, 115, 115].map(scattered);
  assert.equal(findChangePoint(values, 'lower-is-better', 0.05), null);
  const single = [100, 100, 100, 100, 100, 115, 115, 115].map((v) => ({ value: v, samples: [v] }));
  assert.equal(findChangePoint(single, 'lower-is-better', 0.05)?.run, 6);
});
