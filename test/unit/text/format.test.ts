import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, formatMB, formatMsFromUs, formatSeconds } from '../../../src/text/format.js';

test('counts are rounded and get thousands separators', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(1234567.8), '1,234,568');
  assert.equal(formatCount(Number.NaN), '-');
});

test('milliseconds from microseconds keep the precision that matters at each size', () => {
  assert.equal(formatMsFromUs(0), '0.00');
  assert.equal(formatMsFromUs(250), '0.25');
  assert.equal(formatMsFromUs(3210), '3.2');
  assert.equal(formatMsFromUs(45_600), '45.6');
  assert.equal(formatMsFromUs(1_234_000), '1,234');
});

test('megabytes get two decimals and seconds drop needless decimals', () => {
  assert.equal(formatMB(0.5), '0.50');
  assert.equal(formatMB(1234.567), '1,234.57');
  assert.equal(formatSeconds(60), '60 s');
  assert.equal(formatSeconds(12.25), '12.3 s');
});
