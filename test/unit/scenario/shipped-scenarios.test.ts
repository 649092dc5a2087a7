import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { repoRoot } from './helpers.js';

const folder = join(repoRoot, 'scenarios');
const load = (name: string): Scenario => loadScenario(join(folder, name));
const totalMs = (scenario: Scenario) => scenario.phases.reduce((sum, phase) => sum + phase.durationMs, 0);

test('every shipped scenario loads and is named after its file', () => {
  const files = readdirSync(folder).filter((file) => /\.(ya?ml|json)$/.test(file));
  assert.ok(files.length >= 4, `only ${files.length} scenarios in ${folder}`);
  for (const file of files) {
    assert.equal(load(file).name, file.replace(/\.(ya?ml|json)$/, ''), file);
  }
});

test('quickstart is small: 2 producers on 2 threads, one group of 2, about 20 seconds', () => {
  const scenario = load('quickstart.yaml');
  assert.deepEqual(scenario.topics, [{ name: 'kload-quickstart', partitions: 3, replicationFactor: 1, configs: {} }]);
  assert.equal(scenario.producers.count, 2);
  assert.equal(scenario.producers.threads, 2);
  assert.deepEqual(scenario.producers.message.size, { type: 'fixed', bytes: 100 });
  assert.deepEqual(scenario.producers.payload, { type: 'random', compressibility: 0 });
  assert.equal(scenario.producers.properties['acks'], '1');
  assert.equal(scenario.producers.properties['linger.ms'], '5');
  assert.equal(scenario.consumers?.groups.length, 1);
  assert.equal(scenario.consumers?.membersPerGroup, 2);
  assert.equal(scenario.consumers?.threads, 1);
  assert.deepEqual(
    scenario.phases.map((phase) => [
      phase.type,
      phase.durationMs,
      'rateMsgsPerSec' in phase ? phase.rateMsgsPerSec : null,
    ]),
    [
      ['warmup', 3000, 1000],
      ['constant', 10_000, 5000],
      ['max', 5000, null],
    ],
  );
  assert.ok(totalMs(scenario) <= 20_000);
  assert.deepEqual(scenario.thresholds, ['steady: publish.p99 < 200ms', 'lost == 0']);
});

test('the seed example sends keyed, idempotent JSON to a 3-replica topic at 1000 msg/s after a warmup', () => {
  const scenario = load('seed-example.yaml');
  assert.deepEqual(scenario.topics, [{ name: 'my-topic', partitions: 4, replicationFactor: 3, configs: {} }]);
  assert.deepEqual(scenario.producers.payload, { type: 'template', template: '{"data": "{{seq}}"}' });
  assert.deepEqual(scenario.producers.keys, { type: 'sequential', prefix: 'key-' });
  assert.equal(scenario.producers.properties['acks'], 'all');
  assert.equal(scenario.producers.properties['enable.idempotence'], 'true');
  assert.deepEqual(scenario.consumers?.groups, ['my-group']);
  assert.deepEqual(scenario.phases, [
    { name: 'warmup', type: 'warmup', durationMs: 10_000, rateMsgsPerSec: 1000 },
    { name: 'steady', type: 'constant', durationMs: 20_000, rateMsgsPerSec: 1000 },
  ]);
  assert.deepEqual(scenario.thresholds, ['steady: publish.p99 < 100ms', 'lost == 0']);
});

test('max-throughput runs one producer flat out after a warmup, without consumers', () => {
  const scenario = load('max-throughput.yaml');
  assert.equal(scenario.topics[0]?.partitions, 6);
  assert.equal(scenario.producers.count, 1);
  assert.equal(scenario.producers.threads, 1);
  assert.equal(scenario.producers.properties['acks'], '1');
  assert.equal(scenario.consumers, null);
  assert.deepEqual(
    scenario.phases.map((phase) => [phase.type, phase.durationMs]),
    [
      ['warmup', 3000],
      ['max', 20_000],
    ],
  );
});

test('fixed-rate-latency holds 2000 msg/s of 1 KiB for 30 s with a consumer group', () => {
  const scenario = load('fixed-rate-latency.yaml');
  assert.deepEqual(scenario.producers.message.size, { type: 'fixed', bytes: 1024 });
  assert.equal(scenario.producers.properties['acks'], 'all');
  assert.notEqual(scenario.consumers, null);
  const measured = scenario.phases.filter((phase) => phase.type === 'constant');
  assert.deepEqual(measured, [{ name: 'constant', type: 'constant', durationMs: 30_000, rateMsgsPerSec: 2000 }]);
  assert.ok(scenario.thresholds.some((threshold) => threshold.startsWith('publish.p99')));
});
