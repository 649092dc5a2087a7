import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, problemsOf } from './helpers.js';

/** A valid scenario; each test breaks one line of it. Line n is the nth entry. */
const valid = [
  'name: broken', // 1
  'topics:', // 2
  '  - name: orders', // 3
  '    partitions: 3', // 4
  'producers:', // 5
  '  topic: orders', // 6
  '  count: 2', // 7
  '  threads: 2', // 8
  '  message:', // 9
  '    size: 100', // 10
  'consumers:', // 11
  '  topic: orders', // 12
  'phases:', // 13
  '  - { name: warmup, type: warmup, duration: 5s }', // 14
  '  - name: steady', // 15
  '    type: constant', // 16
  '    duration: 10s', // 17
  '    rate: 5000', // 18
];

/** `valid` with line `n` (1-based) replaced. */
function withLine(n: number, text: string): string {
  const copy = [...valid];
  copy[n - 1] = text;
  return lines(...copy);
}

test('the base scenario of these tests is valid', () => {
  assert.throws(() => problemsOf(lines(...valid)), /expected the scenario to be rejected/);
});

test('a value of the wrong type names its path, the expected type and the line', () => {
  assert.deepEqual(problemsOf(withLine(4, '    partitions: many')), [
    'test.yaml: topics[0].partitions: must be a positive integer (line 4)',
  ]);
  assert.deepEqual(problemsOf(withLine(1, 'name: [a, b]')), [
    'test.yaml: name: must be a string (got a list) (line 1)',
  ]);
});

test('a negative rate is reported as must be > 0 on its own line', () => {
  assert.deepEqual(problemsOf(withLine(18, '    rate: -5')), ['test.yaml: phases[1].rate: must be > 0 (line 18)']);
});

test('a message size that is not a positive integer says so', () => {
  assert.deepEqual(problemsOf(withLine(10, '    size: 0')), [
    'test.yaml: producers.message.size: must be a positive integer (line 10)',
  ]);
  assert.deepEqual(problemsOf(withLine(10, '    size: 99.5')), [
    'test.yaml: producers.message.size: must be a positive integer (line 10)',
  ]);
});

test('an unknown key suggests the known key it was probably meant to be', () => {
  assert.deepEqual(problemsOf(withLine(4, '    partiton: 3')), [
    'test.yaml: topics[0].partiton: unknown key "partiton" (did you mean "partitions"?) (line 4)',
  ]);
});

test('an unknown key with no close match lists the keys allowed there', () => {
  assert.deepEqual(problemsOf(withLine(14, '  - { name: warmup, type: max, duration: 5s, rate: 10 }')), [
    'test.yaml: phases[0].rate: unknown key "rate" (expected one of name, type, duration, maxInFlight) (line 14)',
  ]);
});

test('more threads than producers is reported on the threads line', () => {
  assert.deepEqual(problemsOf(withLine(8, '  threads: 3')), [
    'test.yaml: producers.threads: must be <= count (2): every thread needs at least one producer (line 8)',
  ]);
});

test('more consumer threads than consumers is reported on the threads line', () => {
  assert.deepEqual(problemsOf(withLine(12, '  threads: 2')), [
    'test.yaml: consumers.threads: must be <= members x groups (1 x 1 = 1): ' +
      'every thread needs at least one consumer (line 12)',
  ]);
});

test('a reference to an undeclared topic suggests the declared one', () => {
  assert.deepEqual(problemsOf(withLine(6, '  topic: ordres')), [
    'test.yaml: producers.topic: unknown topic "ordres" (did you mean "orders"?) (line 6)',
  ]);
  assert.deepEqual(problemsOf(withLine(12, '  topic: payments')), [
    'test.yaml: consumers.topic: unknown topic "payments" (declared topics: orders) (line 12)',
  ]);
});

test('duplicate phase names are reported on the second use', () => {
  assert.deepEqual(problemsOf(withLine(15, '  - name: warmup')), [
    'test.yaml: phases[1].name: duplicate phase name "warmup" ' +
      '(phase names must be unique; the name defaults to the type) (line 15)',
  ]);
});

test('two unnamed phases of the same type collide on their default name', () => {
  const text = lines(
    ...valid,
    '  - { type: constant, duration: 1s, rate: 1 }',
    '  - { type: constant, duration: 1s, rate: 2 }',
  );
  assert.deepEqual(problemsOf(text), [
    'test.yaml: phases[3].type: duplicate phase name "constant" ' +
      '(phase names must be unique; the name defaults to the type) (line 20)',
  ]);
});

test('a malformed or zero duration explains the accepted forms', () => {
  assert.deepEqual(problemsOf(withLine(17, '    duration: 10 seconds')), [
    'test.yaml: phases[1].duration: must be a duration such as "500ms", "10s", "1.5m" or "1h" ' +
      '(or a number of seconds) (line 17)',
  ]);
  assert.deepEqual(problemsOf(withLine(17, '    duration: 0s')), [
    'test.yaml: phases[1].duration: must be > 0 (line 17)',
  ]);
});

test('an unknown phase type lists the phase types', () => {
  assert.deepEqual(problemsOf(withLine(16, '    type: sawtooth')), [
    'test.yaml: phases[1].type: must be one of warmup, constant, ramp, steps, max (line 16)',
  ]);
});

test('a missing required key points at the mapping it belongs in', () => {
  assert.deepEqual(problemsOf(withLine(18, '    name2: x')), [
    'test.yaml: phases[1].rate: is required (line 15)',
    'test.yaml: phases[1].name2: unknown key "name2" (did you mean "name"?) (line 18)',
  ]);
  assert.deepEqual(problemsOf(lines(...valid.slice(0, 12))), ['test.yaml: phases: is required (line 1)']);
});

test('a value that fits no accepted form lists the forms', () => {
  assert.deepEqual(problemsOf(withLine(10, '    size: "100"')), [
    'test.yaml: producers.message.size: ' +
      'must be a number of bytes, a {min, max} range, or a list of {size, weight} (line 10)',
  ]);
});

test('inside a form that was clearly meant, the problems are those of that form', () => {
  assert.deepEqual(problemsOf(withLine(10, '    size: { min: 1000, maxx: 100 }')), [
    'test.yaml: producers.message.size.max: is required (line 10)',
    'test.yaml: producers.message.size.maxx: unknown key "maxx" (did you mean "max"?) (line 10)',
  ]);
  assert.deepEqual(problemsOf(withLine(10, '    size: { min: 1000, max: 100 }')), [
    'test.yaml: producers.message.size.max: must be >= min (1000) (line 10)',
  ]);
});

test('YAML syntax errors are all listed with their lines', () => {
  const text = lines('name: broken', 'topics: [', '  - name: a', 'producers: {', 'phases: x');
  assert.deepEqual(problemsOf(text), [
    'test.yaml: Block collections are not allowed within flow collections (line 3)',
    'test.yaml: Flow sequence in block collection must be sufficiently indented and end with a ] (line 4)',
    'test.yaml: Flow map in block collection must be sufficiently indented and end with a } (line 5)',
  ]);
  assert.deepEqual(problemsOf(lines('name: a', '\tphases: []')), [
    'test.yaml: Tabs are not allowed as indentation (line 2)',
  ]);
  assert.deepEqual(problemsOf(lines('name: a', 'name: b')), ['test.yaml: Map keys must be unique (line 2)']);
});

test('an invalid JSON scenario reports lines too', () => {
  const json =
    '{\n  "name": "x",\n  "topics": [{ "name": "t", "partitions": -1 }],\n  "producers": {},\n  "phases": []\n}\n';
  assert.deepEqual(problemsOf(json, 'bad.json'), [
    'bad.json: topics[0].partitions: must be a positive integer (line 3)',
    'bad.json: phases: must not be empty (line 5)',
  ]);
});

test('every problem in a file is reported at once, in file order', () => {
  const text = lines(
    'name: many problems', // 1
    'topics:', // 2
    '  - name: orders', // 3
    '    partiton: 3', // 4
    'producers:', // 5
    '  topic: payments', // 6
    '  count: 1', // 7
    '  threads: 4', // 8
    '  keys: randm', // 9
    'phases:', // 10
    '  - { type: constant, duration: 10x, rate: 5 }', // 11
    '  - { type: constant, duration: 5s, rate: -1 }', // 12
  );
  assert.deepEqual(problemsOf(text, 'many.yaml'), [
    'many.yaml: name: may contain only letters, digits, ".", "_" and "-" (line 1)',
    'many.yaml: topics[0].partiton: unknown key "partiton" (did you mean "partitions"?) (line 4)',
    'many.yaml: producers.topic: unknown topic "payments" (declared topics: orders) (line 6)',
    'many.yaml: producers.threads: must be <= count (1): every thread needs at least one producer (line 8)',
    'many.yaml: producers.keys: ' +
      'must be "none", "sequential", or a mapping with type none, random or sequential (line 9)',
    'many.yaml: phases[0].duration: must be a duration such as "500ms", "10s", "1.5m" or "1h" ' +
      '(or a number of seconds) (line 11)',
    'many.yaml: phases[1].rate: must be > 0 (line 12)',
  ]);
});

test('a file with an unsupported extension is rejected before parsing', () => {
  assert.deepEqual(problemsOf('name: x\n', 'scenario.txt'), ['scenario.txt: must be a .yaml, .yml or .json file']);
});
