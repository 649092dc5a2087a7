import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLatencyHistogram, recordUs } from '../../../src/metrics/histogram.js';
import { parseMaxRegression } from '../../../src/compare/max-regression.js';
import { maxEstimate, quantileEstimate } from '../../../src/compare/quantile-interval.js';
import type { Direction, Estimate, Verdict } from '../../../src/compare/types.js';
import { relativeDelta, verdictOf } from '../../../src/compare/verdict.js';
import { KloadError } from '../../../src/errors.js';

const exact = (value: number): Estimate => ({ value, low: value, high: value });
const around = (value: number, low: number, high: number): Estimate => ({ value, low, high });

const verdicts: [
  name: string,
  direction: Direction,
  base: Estimate | null,
  head: Estimate | null,
  zeroTolerance: boolean,
  expected: Verdict,
][] = [
  ['unchanged', 'lower-is-better', exact(100), exact(100), false, 'ok'],
  ['4% worse, within 5%', 'lower-is-better', exact(100), exact(104), false, 'ok'],
  ['exactly 5% worse', 'lower-is-better', exact(100), exact(105), false, 'ok'],
  ['10% worse, exact', 'lower-is-better', exact(100), exact(110), false, 'regressed'],
  ['10% better, exact', 'lower-is-better', exact(100), exact(90), false, 'better'],
  ['10% worse, intervals overlap', 'lower-is-better', around(100, 90, 112), around(110, 105, 120), false, 'noise'],
  ['10% worse, intervals apart', 'lower-is-better', around(100, 98, 102), around(110, 108, 112), false, 'regressed'],
  ['10% better, intervals overlap', 'lower-is-better', around(100, 90, 112), around(90, 80, 95), false, 'noise'],
  ['higher is better and it dropped 10%', 'higher-is-better', exact(100), exact(90), false, 'regressed'],
  ['higher is better and it rose 10%', 'higher-is-better', exact(100), exact(110), false, 'better'],
  ['from 0 to 1, zero tolerance', 'lower-is-better', exact(0), exact(1), true, 'regressed'],
  [
    'from 0 to 1 without zero tolerance still exceeds any relative limit',
    'lower-is-better',
    exact(0),
    exact(1),
    false,
    'regressed',
  ],
  ['from 5 to 0', 'lower-is-better', exact(5), exact(0), true, 'better'],
  ['zero both times', 'lower-is-better', exact(0), exact(0), true, 'ok'],
  ['base missing', 'lower-is-better', null, exact(1), false, 'n/a'],
  ['head missing', 'lower-is-better', exact(1), null, false, 'n/a'],
];

for (const [name, direction, base, head, zeroTolerance, expected] of verdicts) {
  test(`verdict for ${name} (${direction}) is ${expected}`, () => {
    assert.equal(verdictOf({ direction, base, head, zeroTolerance }, 0.05), expected);
  });
}

test('zero tolerance holds even with an absurd --max-regression', () => {
  assert.equal(
    verdictOf({ direction: 'lower-is-better', base: exact(0), head: exact(1), zeroTolerance: true }, Infinity),
    'regressed',
  );
});

test('relative delta is 0 from zero to zero and undefined from zero to anything else', () => {
  assert.deepEqual(
    [relativeDelta(100, 130), relativeDelta(0, 0), relativeDelta(0, 3), relativeDelta(10, 5)],
    [0.3, 0, null, -0.5],
  );
});

function uniform(count: number): ReturnType<typeof createLatencyHistogram> {
  const h = createLatencyHistogram();
  for (let i = 1; i <= count; i++) recordUs(h, i);
  return h;
}

test('the p99 interval brackets the p99 and narrows as samples grow', () => {
  const small = quantileEstimate(uniform(200), 0.99);
  const large = quantileEstimate(uniform(2000), 0.99);
  assert.ok(small !== null && large !== null);
  for (const e of [small, large]) assert.ok(e.low <= e.value && e.value <= e.high, JSON.stringify(e));
  // 200 samples: ranks 198 ± 1.96·√1.98 -> 195..201, clamped to 200.
  assert.deepEqual(small, { value: 198, low: 195, high: 200 });
  // 2000 samples: ranks 1980 ± 1.96·√19.8 -> 1971..1989; relatively 4x narrower.
  assert.deepEqual(large, { value: 1980, low: 1971, high: 1989 });
});

test('the median of 2,000 samples is pinned to about ±4%', () => {
  // ranks 1000 ± 1.96·√500 -> 956..1044 (values below 2048 µs are exact in the histogram).
  assert.deepEqual(quantileEstimate(uniform(2000), 0.5), { value: 1000, low: 956, high: 1044 });
});

test('the max is read as the quantile 1 - 1/n, so its interval reaches down a few samples', () => {
  assert.deepEqual(maxEstimate(uniform(1000)), { value: 1000, low: 997, high: 1000 });
});

test('an empty histogram has no estimate', () => {
  assert.equal(quantileEstimate(createLatencyHistogram(), 0.99), null);
  assert.equal(maxEstimate(createLatencyHistogram()), null);
});

const tolerances: [text: string, fraction: number][] = [
  ['5%', 0.05],
  ['0%', 0],
  ['12.5 %', 0.125],
  [' 100% ', 1],
];
for (const [text, fraction] of tolerances) {
  test(`--max-regression "${text}" is ${fraction}`, () => assert.equal(parseMaxRegression(text), fraction));
}

for (const text of ['5', '0.05', '-5%', 'five%', '']) {
  test(`--max-regression "${text}" is refused: it must carry a percent sign`, () => {
    assert.throws(
      () => parseMaxRegression(text),
      (error: unknown) => {
        assert.ok(error instanceof KloadError);
        assert.equal(error.exitCode, 2);
        assert.equal(error.message, `--max-regression must be a percentage such as 5% (got "${text}")`);
        return true;
      },
    );
  });
}
