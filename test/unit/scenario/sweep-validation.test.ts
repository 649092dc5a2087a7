import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario } from '../../../src/scenario/load.js';
import { DEFAULT_MAX_IN_FLIGHT } from '../../../src/scenario/schema-phases.js';
import { lines, problemsOf } from './helpers.js';

/** A valid sweep scenario; tests replace or append lines. Line n is the nth entry. */
const valid = [
  'name: sweeper', // 1
  'topics: [{ name: orders, partitions: 3 }]', // 2
  'producers:', // 3
  '  count: 2', // 4
  '  threads: 2', // 5
  '  message: { size: 100 }', // 6
  'phases: [{ type: max, duration: 1s }]', // 7
  'sweep:', // 8
  '  producers: [1, 2, 4]', // 9
  '  messageBytes: [100, 1000]', // 10
  '  partitions: [1, 4]', // 11
  '  pointDuration: 3s', // 12
];

function withLines(replacements: Record<number, string>, ...extra: string[]): string {
  return lines(...valid.map((line, i) => replacements[i + 1] ?? line), ...extra);
}

test('a sweep block resolves every dimension, threads as min(N, producers.threads), and the max-phase defaults', () => {
  const scenario = parseScenario(lines(...valid), 'test.yaml');
  assert.deepEqual(scenario.sweep, {
    producers: [1, 2, 4],
    threads: [1, 2, 2],
    messageBytes: [100, 1000],
    partitions: [1, 4],
    acks: null,
    compression: null,
    lingerMs: null,
    repeats: 1,
    load: 'max',
    warmupMs: 2000,
    warmupRateMsgsPerSec: 2000,
    pointDurationMs: 3000,
    maxInFlight: DEFAULT_MAX_IN_FLIGHT,
  });
});

test("a dimension the sweep leaves out takes the scenario's value", () => {
  const scenario = parseScenario(
    withLines({ 9: '  repeats: 2', 10: '  acks: [1, all]', 11: '  lingerMs: [0, 5]' }),
    'test.yaml',
  );
  assert.deepEqual(scenario.sweep?.producers, [2]);
  assert.deepEqual(scenario.sweep?.threads, [2]);
  assert.deepEqual(scenario.sweep?.messageBytes, [100]);
  assert.deepEqual(scenario.sweep?.partitions, [3]);
  assert.deepEqual(scenario.sweep?.acks, ['1', 'all']);
  assert.deepEqual(scenario.sweep?.lingerMs, [0, 5]);
  assert.equal(scenario.sweep?.repeats, 2);
});

test('a scenario without a sweep block has no sweep', () => {
  const scenario = parseScenario(lines(...valid.slice(0, 7)), 'test.yaml');
  assert.equal(scenario.sweep, undefined);
});

test('every problem in a sweep block is reported at once, with its path and line', () => {
  const text = withLines(
    { 9: '  producers: [1, 2, 2]', 10: '  messageBytes: [0, 100]', 11: '  partitions: many' },
    '  acks: [1, 2]',
    '  compression: [lz5]',
    '  lingerMs: [-1]',
    '  repeats: 0',
    '  load: fastest',
    '  pointDurations: 5s',
  );
  assert.deepEqual(problemsOf(text), [
    'test.yaml: sweep.producers[2]: duplicate producers value "2" (use repeats to run a point more than once) (line 9)',
    'test.yaml: sweep.messageBytes[0]: must be a positive integer (line 10)',
    'test.yaml: sweep.partitions: must be a list (got "many") (line 11)',
    'test.yaml: sweep.acks[1]: must be 0, 1, -1 or "all" (line 13)',
    'test.yaml: sweep.compression[0]: must be one of none, gzip, snappy, lz4, zstd (line 14)',
    'test.yaml: sweep.lingerMs[0]: must be >= 0 (line 15)',
    'test.yaml: sweep.repeats: must be a positive integer (line 16)',
    'test.yaml: sweep.load: must be one of max, scenario (line 17)',
    'test.yaml: sweep.pointDurations: unknown key "pointDurations" (did you mean "pointDuration"?) (line 18)',
  ]);
});

test('a threads list must pair with the producers values, one each, none above its N', () => {
  assert.deepEqual(problemsOf(withLines({}, '  threads: [1, 2]')), [
    'test.yaml: sweep.threads: must list one thread count per sweep.producers value (3), got 2 (line 13)',
  ]);
  assert.deepEqual(problemsOf(withLines({}, '  threads: [1, 3, 4]')), [
    'test.yaml: sweep.threads[1]: must be <= sweep.producers[1] (2): ' +
      'every thread needs at least one producer (line 13)',
  ]);
});

test("warmup, pointDuration and maxInFlight are refused with load: scenario, which runs the scenario's phases", () => {
  assert.deepEqual(problemsOf(withLines({}, '  load: scenario', '  maxInFlight: 100')), [
    'test.yaml: sweep.pointDuration: only applies to load: max ' +
      "(with load: scenario every point runs the scenario's phases) (line 12)",
    'test.yaml: sweep.maxInFlight: only applies to load: max ' +
      "(with load: scenario every point runs the scenario's phases) (line 14)",
  ]);
});

test('a sweep needs a random payload and a known record size', () => {
  const problems = problemsOf(
    lines(
      'name: sweeper',
      'topics: [{ name: orders }]',
      'producers:',
      '  message: { size: { min: 10, max: 20 } }',
      '  payload: { type: template, template: "x{{seq}}" }',
      'phases: [{ type: max, duration: 1s }]',
      'sweep:',
      '  partitions: [1, 2]',
    ),
  );
  assert.deepEqual(problems, [
    'test.yaml: producers.payload: must be random in a sweep: a template payload sets its own size, ' +
      'so the record size R is not the swept one (line 5)',
    'test.yaml: sweep: needs messageBytes when producers.message.size is not a fixed number of bytes ' +
      '(R must be one number per point) (line 7)',
  ]);
});

test("consumers in a sweep must read the producers' topic, which every point copies", () => {
  const problems = problemsOf(
    lines(
      'name: sweeper',
      'topics: [{ name: orders }, { name: audit }]',
      'producers: { topic: orders }',
      'consumers: { topic: audit }',
      'phases: [{ type: max, duration: 1s }]',
      'sweep: { partitions: [1, 2] }',
    ),
  );
  assert.deepEqual(problems, [
    'test.yaml: consumers.topic: must be the producers\' topic "orders" in a sweep: ' +
      'every point copies that topic and its consumers read the copy (line 4)',
  ]);
});

test('sweep problems are reported together with problems elsewhere in the file', () => {
  const problems = problemsOf(withLines({ 4: '  count: 0', 11: '  partitions: [1, 1]' }));
  assert.deepEqual(problems, [
    'test.yaml: producers.count: must be a positive integer (line 4)',
    'test.yaml: sweep.partitions[1]: duplicate partitions value "1" ' +
      '(use repeats to run a point more than once) (line 11)',
  ]);
});

test('sweep.brokers resolves as listed; a sweep without it has no brokers dimension', () => {
  assert.deepEqual(parseScenario(withLines({}, '  brokers: [1, 3]'), 'test.yaml').sweep?.brokers, [1, 3]);
  assert.equal(parseScenario(lines(...valid), 'test.yaml').sweep?.brokers, undefined);
});

test('every sweep.brokers value is a whole number of brokers from 1 to 5, each once', () => {
  assert.deepEqual(problemsOf(withLines({}, '  brokers: [1, 7, 0, 2.5, three]')), [
    'test.yaml: sweep.brokers[1]: must be 1..5 (line 13)',
    'test.yaml: sweep.brokers[2]: must be 1..5 (line 13)',
    'test.yaml: sweep.brokers[3]: must be 1..5 (line 13)',
    'test.yaml: sweep.brokers[4]: must be 1..5 (line 13)',
  ]);
  assert.deepEqual(problemsOf(withLines({}, '  brokers: [1, 3, 1]')), [
    'test.yaml: sweep.brokers[2]: duplicate brokers value "1" (use repeats to run a point more than once) (line 13)',
  ]);
  assert.deepEqual(problemsOf(withLines({}, '  brokers: []')), [
    'test.yaml: sweep.brokers: must not be empty (line 13)',
  ]);
});
