import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refuseRepeats, repeatScenario, repeatTopicName } from '../../../src/coordinator/repeat-scenario.js';
import { parseScenario } from '../../../src/scenario/load.js';

const scenario = parseScenario(
  `
name: twice
topics: [{ name: orders, partitions: 3 }]
producers: { count: 1, message: { size: 10 } }
consumers: { groups: [g1, g2], members: 1 }
phases: [{ type: constant, duration: 1s, rate: 10 }]
`,
  'twice.yaml',
);

test('each repeat runs on its own topic and consumer groups, named by run id and repeat', () => {
  const second = repeatScenario(scenario, 'k3x9f', 2);
  assert.deepEqual(
    [second.topics[0]!.name, second.producers.topic, second.consumers?.topic, second.consumers?.groups],
    ['orders-k3x9f-r2', 'orders-k3x9f-r2', 'orders-k3x9f-r2', ['g1-k3x9f-r2', 'g2-k3x9f-r2']],
  );
  assert.equal(second.topics[0]!.partitions, 3);
  assert.equal(scenario.topics[0]!.name, 'orders', 'the scenario itself is untouched');
});

test('a long topic name is shortened to fit Kafka’s 249 characters, keeping the suffix whole', () => {
  const name = repeatTopicName('t'.repeat(260), 'abc', 12);
  assert.equal(name.length, 249);
  assert.ok(name.endsWith('-abc-r12'));
});

const refusals: [what: string, repeats: number, split: string | null, message: RegExp][] = [
  ['zero repeats', 0, null, /--repeats must be a whole number >= 1 \(got 0\)/],
  ['a fraction', 2.5, null, /--repeats must be a whole number/],
  ['repeats with --agents', 3, '--agents', /--repeats cannot be combined with --agents/],
];

for (const [what, repeats, split, message] of refusals) {
  test(`--repeats refuses ${what}`, () => {
    assert.throws(() => refuseRepeats(scenario, repeats, split), message);
  });
}

test('one repeat is an ordinary run, allowed with anything', () => {
  assert.doesNotThrow(() => refuseRepeats(scenario, 1, '--segment'));
});
