import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { evaluateThresholds, holds } from '../../../src/thresholds/evaluate.js';
import type { ThresholdOperator } from '../../../src/thresholds/types.js';
import { latencies, phaseResult, runResult } from '../../helpers/result-fixture.js';

/** `count` samples 1..count µs apart from `fromUs`: exact in HDR below 2048 µs. */
function range(fromUs: number, toUs: number): number[] {
  return Array.from({ length: toUs - fromUs + 1 }, (_, i) => fromUs + i);
}

const warmup = phaseResult({
  name: 'warmup',
  type: 'warmup',
  recorded: false,
  durationSec: 5,
  sent: 99_999,
  acked: 99_999,
  bytes: 9_999_999_999,
  failed: { ERR__MSG_TIMED_OUT: 500 },
  publishLatencyUs: latencies(900_000),
  integrity: { lost: 7, unverified: 0, duplicated: 7, outOfOrder: 7 },
});
// p99 of a is 990 µs, of b 1,990 µs; of both merged (1..2000) 1,980 µs: neither, nor their mean.
const a = phaseResult({
  name: 'a',
  durationSec: 10,
  sent: 10_000,
  acked: 9_990,
  bytes: 1_000_000,
  consumed: 9_990,
  failed: { ERR__MSG_TIMED_OUT: 6, ERR_NOT_LEADER_FOR_PARTITION: 4 },
  publishLatencyUs: latencies(...range(1, 1000)),
  integrity: { lost: 1, unverified: 0, duplicated: 2, outOfOrder: 0 },
});
const b = phaseResult({
  name: 'b',
  type: 'max',
  targetRate: null,
  durationSec: 30,
  sent: 30_000,
  acked: 30_000,
  bytes: 5_000_000,
  consumed: 30_000,
  publishLatencyUs: latencies(...range(1001, 2000)),
  integrity: { lost: 2, unverified: 0, duplicated: 0, outOfOrder: 3 },
});
const run = runResult([warmup, a, b]);

const cases: [expression: string, actual: number | null, unit: string, pass: boolean][] = [
  // Whole run: recorded phases a and b only, the warmup's huge values left out.
  ['publish.p99 < 2ms', 1.98, 'ms', true],
  ['publish.p99 == 1980us', 1980, 'us', true],
  ['publish.max <= 2000 µs', 2000, 'us', true],
  ['publish.min >= 1us', 1, 'us', true],
  ['publish.p50 < 0.001s', 0.001, 's', false],
  ['lost == 0', 3, 'count', false],
  ['duplicated <= 2', 2, 'count', true],
  ['outOfOrder != 0', 3, 'count', true],
  ['sent == 40000', 40_000, 'count', true],
  ['failed == 10', 10, 'count', true],
  ['consumed >= 10000', 39_990, 'count', true],
  ['throughput > 1000 msg/s', 39_990 / 40, 'msg/s', false],
  ['throughput >= 0.15 MB/s', 0.15, 'MB/s', true],
  ['errors.rate < 0.1%', 0.025, '%', true],
  ['errors.rate < 0.0002', 0.00025, 'ratio', false],
  // One phase: its own numbers, recorded or not.
  ['a: publish.p99 < 1ms', 0.99, 'ms', true],
  ['b: publish.p99 < 1ms', 1.99, 'ms', false],
  ['b: throughput > 999 msg/s', 1000, 'msg/s', true],
  ['a: errors.rate <= 0.1%', 0.1, '%', true],
  ['warmup: lost == 7', 7, 'count', true],
  // 900 ms is beyond HDR's exact range: the summary's value, 3 significant digits, is the truth.
  ['warmup: publish.p99 > 800ms', warmup.publishLatencyUs.p99 / 1000, 'ms', true],
  // A phase name that matches nothing fails rather than disappearing.
  ['steady: publish.p99 < 50ms', null, 'ms', false],
  ['steady: lost == 0', null, 'count', false],
];

for (const [expression, actual, unit, pass] of cases) {
  test(
    `"${expression}" measures ${actual === null ? 'nothing' : `${actual} ${unit}`} ` +
      `and ${pass ? 'passes' : 'fails'}`,
    () => {
      const [outcome] = evaluateThresholds([expression], run);
      assert.ok(outcome !== undefined);
      if (actual === null) assert.equal(outcome.actual, null);
      else
        assert.ok(
          Math.abs((outcome.actual ?? NaN) - actual) < 1e-9 * Math.max(1, actual),
          `actual ${outcome.actual}, expected ${actual}`,
        );
      assert.equal(outcome.unit, unit);
      assert.equal(outcome.pass, pass);
    },
  );
}

test('an outcome carries the expression, scope, canonical metric, operator and limit as written', () => {
  assert.deepEqual(evaluateThresholds(['a: throughput > 10 MB/s'], run), [
    {
      expression: 'a: throughput > 10 MB/s',
      phase: 'a',
      metric: 'throughput.mb',
      actual: 0.1,
      operator: '>',
      limit: 10,
      unit: 'MB/s',
      pass: false,
      evaluated: true,
      notEvaluatedReason: null,
    },
  ]);
});

test('a latency with no samples is not measured and fails, instead of passing as 0', () => {
  const noConsumers = runResult([phaseResult({ endToEndLatencyUs: latencies(), integrity: null })]);
  const outcomes = evaluateThresholds(['e2e.p99 < 1s', 'lost == 0'], noConsumers);
  assert.deepEqual(
    outcomes.map((o) => [o.actual, o.pass]),
    [
      [null, false],
      [null, false],
    ],
  );
});

test('errors.rate of a run that sent nothing is not measured and fails', () => {
  const idle = runResult([phaseResult({ sent: 0, acked: 0 })]);
  const [outcome] = evaluateThresholds(['errors.rate < 1%'], idle);
  assert.deepEqual([outcome?.actual, outcome?.pass], [null, false]);
});

test('evaluateThresholds refuses expressions that do not parse, listing them all', () => {
  assert.throws(
    () => evaluateThresholds(['lost = 0', 'p99 < 5ms'], run),
    (error: unknown) => {
      assert.ok(error instanceof KloadError);
      assert.equal(error.message.split('\n').length, 2);
      return true;
    },
  );
});

const operators: [actual: number, operator: ThresholdOperator, limit: number, expected: boolean][] = [
  [1, '<', 2, true],
  [2, '<', 2, false],
  [2, '<=', 2, true],
  [3, '<=', 2, false],
  [3, '>', 2, true],
  [2, '>', 2, false],
  [2, '>=', 2, true],
  [1, '>=', 2, false],
  [0, '==', 0, true],
  [1, '==', 0, false],
  [1, '!=', 0, true],
  [0, '!=', 0, false],
];

for (const [actual, operator, limit, expected] of operators) {
  test(`${actual} ${operator} ${limit} is ${expected}`, () => {
    assert.equal(holds(actual, operator, limit), expected);
  });
}

test('integrity thresholds are not evaluated while messages are unverified; the others still are', () => {
  const cutShort = runResult([
    phaseResult({ name: 'steady', acked: 1000, integrity: { lost: 0, unverified: 23, duplicated: 0, outOfOrder: 0 } }),
  ]);
  const outcomes = evaluateThresholds(['lost == 0', 'duplicated == 0', 'outOfOrder < 5', 'acked > 10'], cutShort);
  assert.deepEqual(
    outcomes.map((o) => [o.expression, o.actual, o.pass, o.evaluated, o.notEvaluatedReason]),
    [
      ['lost == 0', 0, false, false, '23 messages unverified (the drain did not finish)'],
      ['duplicated == 0', 0, false, false, '23 messages unverified (the drain did not finish)'],
      ['outOfOrder < 5', 0, false, false, '23 messages unverified (the drain did not finish)'],
      ['acked > 10', 1000, true, true, null],
    ],
  );
});

test('unverified messages of another phase leave a phase-scoped integrity threshold evaluated', () => {
  const run = runResult([
    phaseResult({ name: 'a', integrity: { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 } }),
    phaseResult({ name: 'b', integrity: { lost: 0, unverified: 1, duplicated: 0, outOfOrder: 0 } }),
  ]);
  const [a, b, all] = evaluateThresholds(['a: lost == 0', 'b: lost == 0', 'lost == 0'], run);
  assert.deepEqual([a!.evaluated, a!.pass], [true, true]);
  assert.deepEqual([b!.evaluated, b!.notEvaluatedReason], [false, '1 message unverified (the drain did not finish)']);
  assert.equal(all!.evaluated, false);
});
