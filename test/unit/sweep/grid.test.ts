import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSweep, pointScenario, pointTopicName, sweepPointCount, sweepRunId } from '../../../src/sweep/grid.js';
import type { SweepSpec } from '../../../src/scenario/types.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

function spec(overrides: Partial<SweepSpec> = {}): SweepSpec {
  return {
    producers: [1, 2],
    threads: [1, 2],
    messageBytes: [100, 1000],
    partitions: [1, 4],
    acks: null,
    compression: null,
    lingerMs: null,
    repeats: 1,
    load: 'max',
    warmupMs: 2000,
    warmupRateMsgsPerSec: 2000,
    pointDurationMs: 5000,
    maxInFlight: 1000,
    ...overrides,
  };
}

const base = scenarioWith({
  name: 'grid',
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 1, configs: { 'retention.ms': '60000' } }],
  producers: { properties: { acks: '1', 'linger.ms': '5' } },
  consumers: {},
  phases: [{ name: 'steady', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 1000 }],
  sweep: spec(),
});

const naming = { topic: 'orders', runId: 'abc' };

test('the grid runs producers, then messageBytes, then partitions, the last varying fastest', () => {
  const points = expandSweep(spec(), naming);
  assert.deepEqual(
    points.map((p) => [p.producers, p.messageBytes, p.partitions]),
    [
      [1, 100, 1],
      [1, 100, 4],
      [1, 1000, 1],
      [1, 1000, 4],
      [2, 100, 1],
      [2, 100, 4],
      [2, 1000, 1],
      [2, 1000, 4],
    ],
  );
  assert.deepEqual(
    points.map((p) => p.index),
    [0, 1, 2, 3, 4, 5, 6, 7],
  );
});

test('repeats run the whole grid again, repeat-major, with indices continuing', () => {
  const points = expandSweep(
    spec({ producers: [1], threads: [1], messageBytes: [100], partitions: [1, 2], repeats: 3 }),
    naming,
  );
  assert.deepEqual(
    points.map((p) => [p.index, p.repeat, p.partitions]),
    [
      [0, 0, 1],
      [1, 0, 2],
      [2, 1, 1],
      [3, 1, 2],
      [4, 2, 1],
      [5, 2, 2],
    ],
  );
  assert.equal(sweepPointCount(spec({ repeats: 3 })), 24);
});

test('every point gets its own topic: base name, run id and a padded point number', () => {
  const points = expandSweep(spec({ repeats: 2 }), naming);
  assert.equal(points[0]!.topic, 'orders-abc-01');
  assert.equal(points[15]!.topic, 'orders-abc-16');
  assert.equal(new Set(points.map((p) => p.topic)).size, 16);
  assert.equal(pointTopicName('t', 'r', 4, 9), 't-r-5');
});

test("a long topic name is shortened so the suffix fits in Kafka's 249 characters", () => {
  const name = pointTopicName('x'.repeat(249), 'abc', 0, 100);
  assert.equal(name.length, 249);
  assert.ok(name.endsWith('-abc-001'));
});

test('threads pair with the producers values they were resolved for', () => {
  const points = expandSweep(
    spec({ producers: [1, 4, 8], threads: [1, 2, 2], messageBytes: [100], partitions: [1] }),
    naming,
  );
  assert.deepEqual(
    points.map((p) => [p.producers, p.threads]),
    [
      [1, 1],
      [4, 2],
      [8, 2],
    ],
  );
});

test('acks, compression and linger.ms multiply the grid when swept and stay null when not', () => {
  const swept = expandSweep(
    spec({
      producers: [1],
      threads: [1],
      messageBytes: [100],
      partitions: [1],
      acks: ['1', 'all'],
      compression: ['none', 'lz4'],
      lingerMs: [0, 5],
    }),
    naming,
  );
  assert.equal(swept.length, 8);
  assert.deepEqual([swept[0]!.acks, swept[0]!.compression, swept[0]!.lingerMs], ['1', 'none', 0]);
  assert.deepEqual([swept[7]!.acks, swept[7]!.compression, swept[7]!.lingerMs], ['all', 'lz4', 5]);
  const plain = expandSweep(spec(), naming);
  assert.ok(plain.every((p) => p.acks === null && p.compression === null && p.lingerMs === null));
});

test(
  'a point runs one topic with its own partitions, ' + 'its producers, fixed-size messages and a warmup + max phase',
  () => {
    const sweep = spec({ acks: ['all'], lingerMs: [0] });
    const point = expandSweep(sweep, naming)[5]!;
    const scenario = pointScenario(base, sweep, point);
    assert.deepEqual(scenario.topics, [
      { name: point.topic, partitions: 4, replicationFactor: 1, configs: { 'retention.ms': '60000' } },
    ]);
    assert.equal(scenario.producers.topic, point.topic);
    assert.equal(scenario.producers.count, 2);
    assert.equal(scenario.producers.threads, 2);
    assert.deepEqual(scenario.producers.message.size, { type: 'fixed', bytes: 100 });
    assert.deepEqual(scenario.producers.properties, { acks: 'all', 'linger.ms': '0' });
    assert.equal(scenario.consumers?.topic, point.topic);
    assert.deepEqual(scenario.consumers?.groups, ['g-abc-6']);
    assert.deepEqual(scenario.phases, [
      { name: 'warmup', type: 'warmup', durationMs: 2000, rateMsgsPerSec: 2000 },
      { name: 'max', type: 'max', durationMs: 5000, maxInFlight: 1000 },
    ]);
    assert.equal('sweep' in scenario, false, 'a point is an ordinary run');
  },
);

test("with load: scenario a point runs the scenario's own phases", () => {
  const sweep = spec({
    load: 'scenario',
    warmupMs: null,
    warmupRateMsgsPerSec: null,
    pointDurationMs: null,
    maxInFlight: null,
  });
  const scenario = pointScenario(base, sweep, expandSweep(sweep, naming)[0]!);
  assert.deepEqual(scenario.phases, base.phases);
});

test('the run id is short, stable for one start time and differs a second later', () => {
  const at = new Date('2026-11-22T00:00:00Z');
  assert.equal(sweepRunId(at), sweepRunId(new Date(at)));
  assert.notEqual(sweepRunId(at), sweepRunId(new Date(at.getTime() + 1000)));
  assert.match(sweepRunId(at), /^[0-9a-z]{1,8}$/);
});

test('brokers run outermost within a repeat, and every point carries its B and replication factor', () => {
  const sweep = spec({ producers: [1, 2], threads: [1, 2], messageBytes: [100], partitions: [2], brokers: [1, 3] });
  const points = expandSweep(sweep, naming, 3);
  assert.equal(sweepPointCount(sweep), 4);
  assert.deepEqual(
    points.map((p) => [p.brokers, p.replicationFactor, p.producers]),
    [
      [1, 1, 1],
      [1, 1, 2],
      [3, 3, 1],
      [3, 3, 2],
    ],
  );
  assert.ok(
    expandSweep(spec(), naming, 3).every((p) => !('brokers' in p) && !('replicationFactor' in p)),
    'a sweep on one cluster keeps the point parameters it always had',
  );
});

test("a point's topic keeps the scenario's replication factor up to its brokers, and never more", () => {
  const rf3 = scenarioWith({
    name: 'rf',
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3, configs: {} }],
    sweep: spec(),
  });
  const sweep = spec({ producers: [1], threads: [1], messageBytes: [100], partitions: [2], brokers: [1, 2, 5] });
  const topics = expandSweep(sweep, naming, 3).map((p) => pointScenario(rf3, sweep, p).topics[0]!);
  assert.deepEqual(
    topics.map((t) => [t.partitions, t.replicationFactor]),
    [
      [2, 1],
      [2, 2],
      [2, 3],
    ],
  );
  assert.deepEqual(topics[2]!.configs, {}, 'a topic with its full replication keeps its configs');
});

test('a topic capped below the in-sync replicas it would need gets min.insync.replicas it can meet', () => {
  const sweep = spec({ producers: [1], threads: [1], messageBytes: [100], partitions: [1], brokers: [1, 3] });
  // RF 1 on three brokers: the cluster's default min.insync.replicas 2 would refuse every acks=all write.
  const [one, three] = expandSweep(sweep, naming, 1).map((p) => pointScenario(base, sweep, p).topics[0]!);
  assert.deepEqual(one!.configs, { 'retention.ms': '60000' });
  assert.deepEqual(three!.configs, { 'retention.ms': '60000', 'min.insync.replicas': '1' });
  const strict = scenarioWith({
    name: 'isr',
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, configs: { 'min.insync.replicas': '3' } }],
    sweep,
  });
  const [capped, full] = expandSweep(sweep, naming, 3).map((p) => pointScenario(strict, sweep, p).topics[0]!);
  assert.equal(capped!.configs['min.insync.replicas'], '1');
  assert.equal(full!.configs['min.insync.replicas'], '3', "the user's own setting stands where it can be met");
});
