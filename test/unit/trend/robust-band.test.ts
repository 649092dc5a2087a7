import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bandOf, median, movementOf } from '../../../src/trend/robust-band.js';

test('median of odd and even counts, unsorted input left alone', () => {
  const input = [5, 1, 3];
  assert.equal(median(input), 3);
  assert.deepEqual(input, [5, 1, 3]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

const bands: { name: string; samples: number[]; runs: number; tolerance: number; low: number; high: number }[] = [
  {
    // median 100, deviations 0,1,1,2,2 -> MAD 1 -> robust sd 1.4826 -> 3 sd = 4.4478 > 5% of 100? no: 5 wins.
    name: 'the tolerance wins over a tight spread',
    samples: [98, 99, 100, 101, 102],
    runs: 5,
    tolerance: 0.05,
    low: 95,
    high: 105,
  },
  {
    // median 100, deviations 0,10,10,20,20 -> MAD 10 -> 3 sd = 44.478.
    name: 'the spread wins over a small tolerance',
    samples: [80, 90, 100, 110, 120],
    runs: 5,
    tolerance: 0.05,
    low: 100 - 3 * 1.4826 * 10,
    high: 100 + 3 * 1.4826 * 10,
  },
  {
    // One wild run does not widen the band: deviations 0,1,1,2,900 -> MAD 1.
    name: 'one outlier among the earlier runs does not widen the band',
    samples: [99, 100, 101, 102, 1000],
    runs: 5,
    tolerance: 0.01,
    low: 101 - 3 * 1.4826,
    high: 101 + 3 * 1.4826,
  },
  {
    name: 'identical runs: the tolerance alone',
    samples: [5000, 5000, 5000, 5000, 5000],
    runs: 5,
    tolerance: 0.05,
    low: 4750,
    high: 5250,
  },
];

for (const c of bands) {
  test(`band: ${c.name}`, () => {
    const band = bandOf(c.samples, c.runs, c.tolerance);
    assert.ok(band !== null);
    assert.ok(Math.abs(band.low - c.low) < 1e-9, `low ${band.low} != ${c.low}`);
    assert.ok(Math.abs(band.high - c.high) < 1e-9, `high ${band.high} != ${c.high}`);
    assert.equal(band.runs, c.runs);
  });
}

test('fewer than 5 earlier runs make no band, however many samples their repeats give', () => {
  assert.equal(bandOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 4, 0.05), null);
  assert.notEqual(bandOf([1, 2, 3, 4, 5], 5, 0.05), null);
});

test('movement is named by direction: higher latency is worse, higher throughput better', () => {
  const band = { runs: 5, median: 100, robustSd: 1, low: 95, high: 105 };
  const cases: [number, 'lower-is-better' | 'higher-is-better', 'worse' | 'better' | null][] = [
    [106, 'lower-is-better', 'worse'],
    [94, 'lower-is-better', 'better'],
    [106, 'higher-is-better', 'better'],
    [94, 'higher-is-better', 'worse'],
    [105, 'lower-is-better', null],
    [95, 'higher-is-better', null],
  ];
  for (const [value, direction, expected] of cases) assert.equal(movementOf(value, band, direction), expected);
});
