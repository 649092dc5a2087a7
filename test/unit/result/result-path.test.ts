import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultFileName } from '../../../src/result/result-path.js';

test('result file name is the scenario then a compact UTC timestamp', () => {
  const date = new Date(Date.UTC(2026, 10, 21, 23, 30, 45, 678));
  assert.equal(resultFileName('steady-5k', date), 'steady-5k-20261121T233045Z.json');
});

test('result file name pads single-digit months, days and hours', () => {
  const date = new Date(Date.UTC(2027, 0, 2, 3, 4, 5));
  assert.equal(resultFileName('a', date), 'a-20270102T030405Z.json');
});

test('result file name cannot escape the results directory', () => {
  const date = new Date(Date.UTC(2026, 0, 1));
  assert.equal(resultFileName('../etc/x y', date), 'etc-x-y-20260101T000000Z.json');
  assert.equal(resultFileName('', date), 'run-20260101T000000Z.json');
});
