import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario } from '../../../src/scenario/load.js';
import { lines, problemsOf } from './helpers.js';

/** A valid scenario whose thresholds start at line 11; tests append threshold lines. */
const head = [
  'name: thresholds', // 1
  'topics:', // 2
  '  - name: orders', // 3
  'producers:', // 4
  '  count: 1', // 5
  '  message:', // 6
  '    size: 100', // 7
  'phases:', // 8
  '  - { name: steady, type: constant, duration: 10s, rate: 100 }', // 9
  'thresholds:', // 10
];

test('a scenario with valid thresholds loads and keeps them as written', () => {
  const scenario = parseScenario(lines(...head, '  - publish.p99 < 50ms', '  - "steady: lost == 0"'), 'test.yaml');
  assert.deepEqual(scenario.thresholds, ['publish.p99 < 50ms', 'steady: lost == 0']);
});

test('a threshold that does not parse is reported at thresholds[i] with its line and column', () => {
  assert.deepEqual(problemsOf(lines(...head, '  - publish.p99 < 50ms', '  - publish.p99 < 50 msec', '  - lost = 0')), [
    'test.yaml: thresholds[1]: "publish.p99 < 50 msec": ' +
      'unknown unit "msec" for publish.p99 (expected us, µs, ms or s) (column 18) (line 12)',
    'test.yaml: thresholds[2]: "lost = 0": unknown operator "=" (did you mean "=="?) (column 6) (line 13)',
  ]);
});

test('a bad threshold is reported together with the other problems of the file', () => {
  const text = lines(...head, '  - pubish.p99 < 5ms').replace('count: 1', 'count: 0');
  assert.deepEqual(problemsOf(text), [
    'test.yaml: producers.count: must be a positive integer (line 5)',
    'test.yaml: thresholds[0]: "pubish.p99 < 5ms": ' +
      'unknown metric "pubish.p99" (did you mean "publish.p99"?) (column 1) (line 11)',
  ]);
});

test('an empty threshold is reported once, as empty', () => {
  assert.deepEqual(problemsOf(lines(...head, '  - ""')), ['test.yaml: thresholds[0]: must not be empty (line 11)']);
});
