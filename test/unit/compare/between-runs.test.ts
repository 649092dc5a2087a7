import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleStats, welchInterval } from '../../../src/compare/between-runs.js';
import { judgeChange, type ChangeInput } from '../../../src/compare/judge-change.js';
import { studentTCdf, studentTQuantile } from '../../../src/model/student-t.js';
import type { Verdict, VerdictRule } from '../../../src/compare/types.js';
import { mulberry32 } from '../../helpers/random.js';

// Published two-sided critical values (any statistics table).
const quantiles: [p: number, df: number, t: number][] = [
  [0.975, 1, 12.7062],
  [0.975, 2, 4.3027],
  [0.975, 4, 2.7764],
  [0.975, 10, 2.2281],
  [0.975, 30, 2.0423],
  [0.995, 5, 4.0321],
  [0.9995, 3, 12.924],
  [0.975, 1e7, 1.96],
];

for (const [p, df, t] of quantiles) {
  test(`Student t quantile ${p} at ${df} degrees of freedom is ${t}`, () => {
    assert.ok(Math.abs(studentTQuantile(p, df) - t) < 5e-4, `${studentTQuantile(p, df)}`);
    assert.ok(Math.abs(studentTQuantile(1 - p, df) + t) < 5e-4, 'symmetric');
    assert.ok(Math.abs(studentTCdf(t, df) - p) < 1e-4, 'the CDF inverts it');
  });
}

test('a sample of values has its mean and n − 1 variance; one value has no spread', () => {
  assert.deepEqual(sampleStats([2, 4, 4, 4, 5, 5, 7, 9]), { n: 8, mean: 5, variance: 32 / 7 });
  assert.deepEqual(sampleStats([3]), { n: 1, mean: 3, variance: 0 });
});

test('Welch interval of two samples matches the textbook computation', () => {
  // base mean 10, var 1 (n 4); head mean 12, var 4 (n 4): se = sqrt(1/4 + 4/4), df = 4.41...
  const interval = welchInterval([9, 10, 11, 10 + 0], [10, 12, 14, 12], 0.95);
  const b = sampleStats([9, 10, 11, 10]);
  const h = sampleStats([10, 12, 14, 12]);
  const se = Math.sqrt(b.variance / 4 + h.variance / 4);
  const df = (b.variance / 4 + h.variance / 4) ** 2 / ((b.variance / 4) ** 2 / 3 + (h.variance / 4) ** 2 / 3);
  assert.equal(interval.difference, 2);
  assert.ok(Math.abs(interval.degreesOfFreedom - df) < 1e-12);
  assert.ok(Math.abs(interval.high - (2 + studentTQuantile(0.975, df) * se)) < 1e-9);
  assert.ok(interval.low < 0, 'four noisy runs a side cannot tell a 2-unit change');
});

test('repeats without any spread give the exact difference', () => {
  assert.deepEqual(welchInterval([5, 5, 5], [7, 7], 0.95), {
    difference: 2,
    low: 2,
    high: 2,
    degreesOfFreedom: Infinity,
  });
});

test('one run on a side has no spread to judge by: Welch refuses it', () => {
  assert.throws(() => welchInterval([1], [1, 2], 0.95), RangeError);
});

test('A/A samples from one distribution: the 95% interval misses 0 about 5% of the time (seeded)', () => {
  const random = mulberry32(16);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const draw = (n: number) => Array.from({ length: n }, () => 100 + 10 * normal());
  let misses = 0;
  const trials = 4000;
  for (let i = 0; i < trials; i++) {
    const { low, high } = welchInterval(draw(5), draw(5), 0.95);
    if (low > 0 || high < 0) misses++;
  }
  const rate = misses / trials;
  assert.ok(rate > 0.03 && rate < 0.065, `A/A miss rate ${rate}`);
});

const base: Omit<ChangeInput, 'base' | 'head'> = {
  direction: 'lower-is-better',
  zeroTolerance: false,
  maxRegression: 0.05,
  confidence: 0.95,
  scale: 'log',
};

const judgements: [name: string, input: Partial<ChangeInput>, verdict: Verdict, rule: VerdictRule][] = [
  ['a side without values', { base: [], head: [1] }, 'n/a', 'missing'],
  ['unchanged repeats', { base: [100, 101, 99], head: [100, 99, 101] }, 'ok', 'tolerance'],
  ['30% worse, tight repeats', { base: [100, 101, 99], head: [130, 131, 129] }, 'regressed', 'between-runs'],
  ['30% better, tight repeats', { base: [130, 131, 129], head: [100, 101, 99] }, 'better', 'between-runs'],
  ['30% worse, repeats spread 2x', { base: [60, 150, 90], head: [130, 70, 200] }, 'noise', 'between-runs'],
  [
    'throughput 20% lower, tight',
    { direction: 'higher-is-better', base: [1000, 1010, 990], head: [800, 810, 790] },
    'regressed',
    'between-runs',
  ],
  ['single runs, no floor', { base: [100], head: [200] }, 'noise unknown', 'no-noise-estimate'],
  ['single run against repeats, no floor', { base: [100, 100], head: [200] }, 'noise unknown', 'no-noise-estimate'],
  ['single runs within the floor', { base: [100], head: [130], noiseFloor: 0.4 }, 'noise', 'noise-floor'],
  ['single runs beyond the floor', { base: [100], head: [150], noiseFloor: 0.4 }, 'regressed', 'noise-floor'],
  ['single runs, unbounded floor', { base: [100], head: [900], noiseFloor: null }, 'noise', 'noise-floor'],
  [
    'a lost message from none',
    { zeroTolerance: true, scale: 'linear', base: [0], head: [1], maxRegression: 100 },
    'regressed',
    'zero-tolerance',
  ],
  ['counts from 5 to 0, repeats', { scale: 'linear', base: [5, 5], head: [0, 0] }, 'better', 'between-runs'],
];

for (const [name, input, verdict, rule] of judgements) {
  test(`judging ${name}: ${verdict} by rule ${rule}`, () => {
    const judged = judgeChange({ ...base, base: [], head: [], ...input });
    assert.deepEqual([judged.verdict, judged.rule], [verdict, rule]);
  });
}

test('on the log scale the change is the ratio of geometric means and its interval brackets it', () => {
  const judged = judgeChange({ ...base, base: [100, 100, 100, 100], head: [150, 200, 150, 200] });
  const expected = Math.sqrt(150 * 200) / 100 - 1;
  assert.ok(Math.abs((judged.delta ?? 0) - expected) < 1e-12);
  assert.ok(judged.interval !== null && judged.interval.low < expected && expected < judged.interval.high);
});
