import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatThresholds } from '../../../src/thresholds/format.js';
import type { ThresholdOutcome } from '../../../src/result/result-types.js';

function outcome(overrides: Partial<ThresholdOutcome>): ThresholdOutcome {
  return {
    expression: 'lost == 0',
    phase: null,
    metric: 'lost',
    actual: 0,
    operator: '==',
    limit: 0,
    unit: 'count',
    pass: true,
    ...overrides,
  };
}

test('thresholds print a tally, then one aligned line each with the actual value beside the limit', () => {
  const text = formatThresholds([
    outcome({
      expression: 'publish.p99 < 50ms',
      metric: 'publish.p99',
      actual: 21.8734,
      operator: '<',
      limit: 50,
      unit: 'ms',
    }),
    outcome({
      expression: 'throughput > 20000 msg/s',
      metric: 'throughput.msgs',
      actual: 5000,
      operator: '>',
      limit: 20_000,
      unit: 'msg/s',
      pass: false,
    }),
    outcome({ expression: 'lost == 0', actual: 3, pass: false }),
    outcome({
      expression: 'errors.rate < 0.1%',
      metric: 'errors.rate',
      actual: 0.01,
      operator: '<',
      limit: 0.1,
      unit: '%',
    }),
    outcome({
      expression: 'schedule.p99 < 100us',
      metric: 'schedule.p99',
      actual: 30,
      operator: '<',
      limit: 100,
      unit: 'us',
    }),
  ]);
  assert.equal(
    text,
    [
      'Thresholds: 3 of 5 passed',
      '  ✓ publish.p99 < 50ms        actual 21.87 ms     limit < 50 ms',
      '  ✗ throughput > 20000 msg/s  actual 5,000 msg/s  limit > 20,000 msg/s',
      '  ✗ lost == 0                 actual 3            limit == 0',
      '  ✓ errors.rate < 0.1%        actual 0.01%        limit < 0.1%',
      '  ✓ schedule.p99 < 100us      actual 30 µs        limit < 100 µs',
    ].join('\n'),
  );
});

test('a threshold without a measurement says where it looked', () => {
  const text = formatThresholds([
    outcome({
      expression: 'peak: publish.p99 < 50ms',
      phase: 'peak',
      actual: null,
      operator: '<',
      limit: 50,
      unit: 'ms',
      pass: false,
    }),
    outcome({ expression: 'e2e.p99 < 1s', actual: null, operator: '<', limit: 1, unit: 's', pass: false }),
  ]);
  assert.equal(
    text,
    [
      'Thresholds: 0 of 2 passed',
      '  ✗ peak: publish.p99 < 50ms  not measured in phase "peak"  limit < 50 ms',
      '  ✗ e2e.p99 < 1s              not measured                  limit < 1 s',
    ].join('\n'),
  );
});

test('no thresholds print nothing, so the caller can leave the block out', () => {
  assert.equal(formatThresholds([]), '');
});

test('a threshold the run could not decide is marked ? with the reason, and counted apart in the tally', () => {
  const text = formatThresholds([
    outcome({
      actual: 0,
      pass: false,
      evaluated: false,
      notEvaluatedReason: '23 messages unverified (the drain did not finish)',
    }),
    outcome({ expression: 'acked > 10', metric: 'acked', actual: 1000, operator: '>', limit: 10 }),
  ]);
  assert.equal(
    text,
    [
      'Thresholds: 1 of 2 passed, 1 not evaluated',
      '  ? lost == 0   actual 0      limit == 0  not evaluated: 23 messages unverified (the drain did not finish)',
      '  ✓ acked > 10  actual 1,000  limit > 10',
    ].join('\n'),
  );
});
