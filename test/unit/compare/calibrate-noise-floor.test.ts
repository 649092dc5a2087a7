import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrateNoiseFloor, floorOf, largestRelativeChange } from '../../../src/compare/calibrate-noise-floor.js';
import { aggregateRepeats } from '../../../src/result/aggregate-repeats.js';
import { phaseResult, runResult } from '../../helpers/result-fixture.js';

const changes: [values: number[], largest: number | null][] = [
  [[100, 100], 0],
  [[100, 110], 0.1],
  [[100, 80, 120], 0.5],
  [[0, 0, 0], 0],
  [[0, 3], null],
];

for (const [values, largest] of changes) {
  test(`the largest relative change among ${values.join(', ')} is ${largest}`, () => {
    const found = largestRelativeChange(values);
    assert.ok(largest === null ? found === null : Math.abs((found ?? -1) - largest) < 1e-12, `${found}`);
  });
}

const run = (rate: number) => runResult([phaseResult({ achievedRate: rate })]);

test('every repeat of every result is one A/A run; the floor is the margin times the largest change', () => {
  const repeats = aggregateRepeats([run(1000), run(900)], run(1000).scenario);
  const floor = calibrateNoiseFloor([repeats, run(1100)]);
  assert.deepEqual([floor.runs, floor.pairs, floor.margin, floor.scenario], [3, 6, 3, 'steady']);
  const throughput = floor.floors.find((f) => f.metric === 'throughput');
  assert.ok(Math.abs((throughput?.largestChange ?? 0) - 200 / 900) < 1e-12);
  assert.ok(Math.abs((floorOf(floor, 'steady', 'throughput') ?? 0) - (3 * 200) / 900) < 1e-12);
  assert.equal(floorOf(floor, 'steady', 'no-such-metric'), undefined);
  assert.equal(floorOf(null, 'steady', 'throughput'), undefined);
});

test('one run is no calibration: refused with exit code 2', () => {
  assert.throws(() => calibrateNoiseFloor([run(1000)]), /--calibrate needs 2 or more A\/A runs \(got 1\)/);
});
