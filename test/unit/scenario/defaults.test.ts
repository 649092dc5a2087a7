import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { lines, repoRoot } from './helpers.js';

const minimal = lines(
  'name: minimal',
  'topics:',
  '  - name: t1',
  'producers: {}',
  'phases:',
  '  - { type: constant, duration: 10s, rate: 100 }',
);

test('a minimal scenario gets every default', () => {
  const expected: Scenario = {
    name: 'minimal',
    description: '',
    topics: [{ name: 't1', partitions: 1, replicationFactor: 1, configs: {} }],
    producers: {
      topic: 't1',
      count: 1,
      threads: 1,
      message: { size: { type: 'fixed', bytes: 100 } },
      keys: { type: 'none' },
      payload: { type: 'random', compressibility: 0 },
      client: 'native',
      properties: {},
    },
    consumers: null,
    phases: [{ name: 'constant', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 100 }],
    thresholds: [],
    faults: [],
  };
  assert.deepEqual(parseScenario(minimal, 'minimal.yaml'), expected);
});

test('consumers default to the producers topic and a group named after the scenario', () => {
  const scenario = parseScenario(
    lines(
      'name: reader',
      'topics: [{ name: a }, { name: b }]',
      'producers: { topic: b }',
      'consumers: {}',
      'phases: [{ type: max, duration: 1s }]',
    ),
    'reader.yaml',
  );
  assert.deepEqual(scenario.consumers, {
    topic: 'b',
    groups: ['reader-group'],
    membersPerGroup: 1,
    threads: 1,
    client: 'native',
    properties: {},
  });
});

test('an empty consumers block means no consumers, like leaving it out', () => {
  const scenario = parseScenario(minimal.replace('producers: {}', 'producers: {}\nconsumers:'), 'x.yaml');
  assert.equal(scenario.consumers, null);
});

test('config and property values of any scalar type become strings', () => {
  const scenario = parseScenario(
    lines(
      'name: strings',
      'topics:',
      '  - name: t1',
      '    configs: { retention.ms: 600000, cleanup.policy: delete, unclean.leader.election.enable: false }',
      'producers:',
      '  properties: { acks: 1, linger.ms: 5, enable.idempotence: true }',
      'phases: [{ type: max, duration: 1s }]',
    ),
    'strings.yaml',
  );
  assert.deepEqual(scenario.topics[0]?.configs, {
    'retention.ms': '600000',
    'cleanup.policy': 'delete',
    'unclean.leader.election.enable': 'false',
  });
  assert.deepEqual(scenario.producers.properties, { acks: '1', 'linger.ms': '5', 'enable.idempotence': 'true' });
});

test('durations accept ms, s, m and h suffixes and bare seconds', () => {
  const cases: [string, number][] = [
    ['500ms', 500],
    ['10s', 10_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['0.25', 250],
    ['3', 3_000],
  ];
  for (const [written, ms] of cases) {
    const scenario = parseScenario(minimal.replace('duration: 10s', `duration: ${written}`), 'd.yaml');
    assert.equal(scenario.phases[0]?.durationMs, ms, written);
  }
});

test('phase names default to the phase type, and warmup rate and maxInFlight have defaults', () => {
  const scenario = parseScenario(
    lines(
      'name: phases',
      'topics: [{ name: t1 }]',
      'producers: {}',
      'phases:',
      '  - { type: warmup, duration: 1s }',
      '  - { type: max, duration: 1s }',
      '  - { name: slow, type: warmup, duration: 1s, rate: 10 }',
    ),
    'p.yaml',
  );
  assert.deepEqual(scenario.phases, [
    { name: 'warmup', type: 'warmup', durationMs: 1000, rateMsgsPerSec: null },
    { name: 'max', type: 'max', durationMs: 1000, maxInFlight: 10_000 },
    { name: 'slow', type: 'warmup', durationMs: 1000, rateMsgsPerSec: 10 },
  ]);
});

test('message sizes can be fixed, a uniform range or a weighted list', () => {
  const sizeOf = (size: string) =>
    parseScenario(minimal.replace('producers: {}', `producers: { message: { size: ${size} } }`), 's.yaml').producers
      .message.size;
  assert.deepEqual(sizeOf('256'), { type: 'fixed', bytes: 256 });
  assert.deepEqual(sizeOf('{ min: 100, max: 1000 }'), { type: 'uniform', minBytes: 100, maxBytes: 1000 });
  assert.deepEqual(sizeOf('[{ size: 100, weight: 9 }, { size: 1000, weight: 1 }]'), {
    type: 'weighted',
    choices: [
      { bytes: 100, weight: 9 },
      { bytes: 1000, weight: 1 },
    ],
  });
});

test('key and payload shorthands expand to their full form', () => {
  const producersOf = (producers: string) =>
    parseScenario(minimal.replace('producers: {}', `producers: ${producers}`), 'k.yaml').producers;
  assert.deepEqual(producersOf('{ keys: sequential }').keys, { type: 'sequential', prefix: 'key-' });
  assert.deepEqual(producersOf('{ keys: { type: sequential } }').keys, { type: 'sequential', prefix: 'key-' });
  assert.deepEqual(producersOf('{ keys: { type: random, cardinality: 1000 } }').keys, {
    type: 'random',
    cardinality: 1000,
  });
  assert.deepEqual(producersOf('{ payload: random }').payload, { type: 'random', compressibility: 0 });
  assert.deepEqual(producersOf('{ payload: { type: random, compressibility: 0.5 } }').payload, {
    type: 'random',
    compressibility: 0.5,
  });
  assert.deepEqual(producersOf(`{ payload: { type: template, template: '{"data": "{{seq}}"}' } }`).payload, {
    type: 'template',
    template: '{"data": "{{seq}}"}',
  });
});

test('a JSON scenario parses like the same YAML one', () => {
  const json = JSON.stringify({
    name: 'minimal',
    topics: [{ name: 't1' }],
    producers: {},
    phases: [{ type: 'constant', duration: '10s', rate: 100 }],
  });
  assert.deepEqual(parseScenario(json, 'minimal.json'), parseScenario(minimal, 'minimal.yaml'));
});

test('a payload file path resolves against the scenario file, not the working directory', () => {
  const text = minimal.replace('producers: {}', 'producers: { payload: { type: file, path: quickstart.yaml } }');
  const scenario = parseScenario(text, join(repoRoot, 'scenarios', 'with-file.yaml'));
  assert.deepEqual(scenario.producers.payload, { type: 'file', path: join(repoRoot, 'scenarios', 'quickstart.yaml') });
});
