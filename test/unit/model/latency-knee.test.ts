import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLatencyKnee, type RampPoint } from '../../../src/model/latency-knee.js';
import { assertInvalid, logNormalNoise } from './helpers.js';

/** A ramp in steps of 5,000 msg/s whose p99 is `p99At(rate)` times seeded noise of about 10%. */
function ramp(steps: number, p99At: (rate: number) => number, seed: number): RampPoint[] {
  const noise = logNormalNoise(seed, 0.1);
  return Array.from({ length: steps }, (_, i) => {
    const offeredRateMsgsPerSec = 5000 * (i + 1);
    return { offeredRateMsgsPerSec, p99Us: p99At(offeredRateMsgsPerSec) * noise() };
  });
}

/** Queueing-like: flat 2 ms, then growing fast beyond 60,000 msg/s. */
const hockeyStick = (rate: number): number => (rate <= 60_000 ? 2000 : 2000 * (1 + (rate - 60_000) / 5000) ** 2);

test('a hockey-stick ramp has its knee where p99 first passes twice the floor for good', () => {
  const result = findLatencyKnee(ramp(20, hockeyStick, 1));
  assert.ok(result.knee !== null, 'expected a knee');
  // 65,000 msg/s gives 4× the floor, well past 2× even with 10% noise.
  assert.equal(result.knee.offeredRateMsgsPerSec, 65_000);
  assert.ok(result.floorP99Us > 1700 && result.floorP99Us < 2300, `floor ${result.floorP99Us}`);
  assert.equal(result.thresholdUs, 2 * result.floorP99Us);
  assert.match(
    result.evidence,
    new RegExp(
      String.raw`^p99 leaves 2\.0× the floor \(\d\.\d ms\) at 65,000 msg\/s \(p99 \d+\.\d ms\) ` +
        String.raw`and stays above for the rest of the ramp$`,
    ),
  );
});

test('a flat ramp has no knee, and the reason says it never left the floor', () => {
  const result = findLatencyKnee(ramp(12, () => 2000, 2));
  assert.equal(result.knee, null);
  assert.ok(
    result.knee === null &&
      /p99 stayed within 2\.0× the floor \(.* ms\) up to 60,000 msg\/s: the ramp never left the floor/.test(
        result.reason,
      ),
  );
});

test('isolated spikes are not a knee', () => {
  const points = ramp(12, () => 2000, 3).map((p, i) => (i === 4 || i === 8 ? { ...p, p99Us: 50_000 } : p));
  const result = findLatencyKnee(points);
  assert.equal(result.knee, null);
  assert.ok(
    result.knee === null &&
      /rose above .* at 2 isolated point\(s\) .* but never stayed there for 3 points/.test(result.reason),
  );
});

test('three consecutive points above the threshold make a knee even if the ramp recovers', () => {
  const p99s = [1000, 1100, 900, 1000, 1050, 2500, 2600, 3000, 1000, 1100];
  const points = p99s.map((p99Us, i) => ({ offeredRateMsgsPerSec: 1000 * (i + 1), p99Us }));
  const result = findLatencyKnee(points);
  assert.equal(result.knee?.offeredRateMsgsPerSec, 6000);
  assert.ok(result.knee !== null && result.evidence.endsWith('stays above for 3 consecutive points'));
});

test('a knee at the last point counts, because it stays above for the rest of the ramp', () => {
  const points = [1000, 1000, 1000, 1000, 5000].map((p99Us, i) => ({ offeredRateMsgsPerSec: 100 * (i + 1), p99Us }));
  assert.equal(findLatencyKnee(points).knee?.index, 4);
});

test('the factor and the run length are parameters', () => {
  const p99s = [1000, 1000, 1000, 1000, 1000, 1600, 1700, 1000, 1000, 1000];
  const points = p99s.map((p99Us, i) => ({ offeredRateMsgsPerSec: 1000 * (i + 1), p99Us }));
  assert.equal(findLatencyKnee(points).knee, null);
  assert.equal(findLatencyKnee(points, { factor: 1.5, minConsecutive: 2 }).knee?.offeredRateMsgsPerSec, 6000);
});

test('an unsorted series is read in rate order and the knee index points into the caller array', () => {
  const sorted = ramp(20, hockeyStick, 4);
  // Odd positions first, then even ones, each reversed: nothing is where it was.
  const shuffled = [
    ...sorted.filter((_, i) => i % 2 === 1).reverse(),
    ...sorted.filter((_, i) => i % 2 === 0).reverse(),
  ];
  const result = findLatencyKnee(shuffled);
  assert.ok(result.knee !== null);
  assert.equal(shuffled[result.knee.index]?.offeredRateMsgsPerSec, result.knee.offeredRateMsgsPerSec);
  assert.equal(result.knee.offeredRateMsgsPerSec, 65_000);
});

test('the floor is the median of the lowest 20% of rates, so one slow early interval does not lift it', () => {
  const p99s = [1000, 90_000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000];
  const points = p99s.map((p99Us, i) => ({ offeredRateMsgsPerSec: 1000 * (i + 1), p99Us }));
  assert.equal(findLatencyKnee(points).floorP99Us, 1000);
});

const invalid: {
  name: string;
  points: RampPoint[];
  options?: { factor?: number; minConsecutive?: number };
  message: RegExp;
}[] = [
  {
    name: 'two points',
    points: [
      { offeredRateMsgsPerSec: 1, p99Us: 1 },
      { offeredRateMsgsPerSec: 2, p99Us: 2 },
    ],
    message: /too few points: finding a knee needs at least 3 ramp intervals \(got 2\)/,
  },
  {
    name: 'a NaN p99',
    points: [1, 2, 3].map((r) => ({ offeredRateMsgsPerSec: r, p99Us: r === 2 ? Number.NaN : 10 })),
    message: /point 1: p99 is NaN µs/,
  },
  {
    name: 'a negative rate',
    points: [-1, 2, 3].map((r) => ({ offeredRateMsgsPerSec: r, p99Us: 10 })),
    message: /point 0: offered rate is -1/,
  },
  {
    name: 'a zero floor',
    points: [1, 2, 3].map((r) => ({ offeredRateMsgsPerSec: r, p99Us: r === 1 ? 0 : 10 })),
    message: /p99 floor of the lowest rates is 0 µs/,
  },
  {
    name: 'a factor of 1',
    points: [1, 2, 3].map((r) => ({ offeredRateMsgsPerSec: r, p99Us: 10 })),
    options: { factor: 1 },
    message: /knee factor is 1; it must be a finite number above 1/,
  },
  {
    name: 'a fractional run length',
    points: [1, 2, 3].map((r) => ({ offeredRateMsgsPerSec: r, p99Us: 10 })),
    options: { minConsecutive: 1.5 },
    message: /minConsecutive is 1\.5/,
  },
];

for (const { name, points, options, message } of invalid) {
  test(`the knee finder rejects ${name}`, () => assertInvalid(() => findLatencyKnee(points, options), message));
}
