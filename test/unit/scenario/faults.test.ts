import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadScenario, parseScenario } from '../../../src/scenario/load.js';
import { DEFAULT_EXEC_TIMEOUT_MS } from '../../../src/scenario/schema-faults.js';
import { lines, problemsOf, repoRoot } from './helpers.js';

/** A valid scenario without faults; tests append a `faults:` block (its first line is line 10). */
const base = [
  'name: broken', // 1
  'topics: [{ name: orders, partitions: 3, replicationFactor: 3 }]', // 2
  'producers: { properties: { acks: all } }', // 3
  'consumers:', // 4
  '  groups: [readers]', // 5
  'phases:', // 6
  '  - { type: warmup, duration: 2s }', // 7
  '  - { name: steady, type: constant, duration: 30s, rate: 100 }', // 8
  'faults:', // 9
];

function withFaults(...faultLines: string[]): string {
  return lines(...base, ...faultLines);
}

test('every action and target form resolves into a FaultSpec, times in milliseconds', () => {
  const scenario = parseScenario(
    withFaults(
      '  - { phase: steady, at: 10s, action: kill, target: leader-of orders/2, duration: 10s }',
      '  - { phase: steady, at: 0, action: pause, target: 2, duration: 1.5s }',
      '  - { phase: warmup, at: 500ms, action: restart, target: node 3 }',
      '  - { phase: steady, at: 20, action: kill, target: controller }',
      '  - { phase: steady, at: 5s, action: pause, target: follower-of orders/0, duration: 2s }',
      '  - { phase: steady, at: 6s, action: restart, target: coordinator-of readers }',
      '  - { phase: steady, at: 1s, action: exec, command: "ssh b2 sudo systemctl restart kafka", timeout: 30s }',
      '  - { phase: steady, at: 2s, action: exec, command: "true" }',
    ),
    'f.yaml',
  );
  assert.deepEqual(scenario.faults, [
    {
      phase: 'steady',
      atMs: 10_000,
      action: 'kill',
      target: { kind: 'leader-of', topic: 'orders', partition: 2 },
      durationMs: 10_000,
    },
    { phase: 'steady', atMs: 0, action: 'pause', target: { kind: 'node', nodeId: 2 }, durationMs: 1500 },
    { phase: 'warmup', atMs: 500, action: 'restart', target: { kind: 'node', nodeId: 3 } },
    { phase: 'steady', atMs: 20_000, action: 'kill', target: { kind: 'controller' }, durationMs: null },
    {
      phase: 'steady',
      atMs: 5000,
      action: 'pause',
      target: { kind: 'follower-of', topic: 'orders', partition: 0 },
      durationMs: 2000,
    },
    { phase: 'steady', atMs: 6000, action: 'restart', target: { kind: 'coordinator-of', group: 'readers' } },
    { phase: 'steady', atMs: 1000, action: 'exec', command: 'ssh b2 sudo systemctl restart kafka', timeoutMs: 30_000 },
    { phase: 'steady', atMs: 2000, action: 'exec', command: 'true', timeoutMs: DEFAULT_EXEC_TIMEOUT_MS },
  ]);
});

test('a scenario without faults, or with an empty faults key, has an empty list', () => {
  assert.deepEqual(parseScenario(lines(...base.slice(0, -1)), 'f.yaml').faults, []);
  assert.deepEqual(parseScenario(lines(...base), 'f.yaml').faults, []);
});

test('an unknown phase, an `at` past its phase and an unknown action are each reported with their path', () => {
  assert.deepEqual(
    problemsOf(
      withFaults(
        '  - { phase: stedy, at: 1s, action: restart, target: 1 }',
        '  - { phase: steady, at: 30s, action: restart, target: 1 }',
        '  - { phase: steady, at: 1s, action: explode, target: 1 }',
        '  - { phase: steady, at: soon, action: restart, target: 1 }',
      ),
    ),
    [
      'test.yaml: faults[0].phase: no phase named "stedy" (phases: warmup, steady) (line 10)',
      `test.yaml: faults[1].at: must be within phase "steady", which lasts 30s (line 11)`,
      'test.yaml: faults[2].action: must be one of pause, kill, restart, exec (line 12)',
      'test.yaml: faults[3].at: must be a time into the phase such as "0s", "500ms" or "10s" ' +
        '(or a number of seconds) (line 13)',
    ],
  );
});

test('an unknown target role is named, with a suggestion and the accepted forms', () => {
  const [problem] = problemsOf(withFaults('  - { phase: steady, at: 1s, action: kill, target: leader-off orders/0 }'));
  assert.match(
    problem ?? '',
    /^test\.yaml: faults\[0\]\.target: unknown target "leader-off orders\/0" \(did you mean "leader-of"\?\)/,
  );
  assert.match(problem ?? '', /"coordinator-of <group>" \(line 10\)$/);
});

test('targets must name a declared topic, a partition it has, and a group of the consumers', () => {
  assert.deepEqual(
    problemsOf(
      withFaults(
        '  - { phase: steady, at: 1s, action: kill, target: leader-of payments/0 }',
        '  - { phase: steady, at: 1s, action: kill, target: follower-of orders/3 }',
        '  - { phase: steady, at: 1s, action: kill, target: coordinator-of writers }',
        '  - { phase: steady, at: 1s, action: kill, target: leader-of orders }',
      ),
    ),
    [
      'test.yaml: faults[0].target: unknown topic "payments" (declared topics: orders) (line 10)',
      'test.yaml: faults[1].target: partition 3 is out of range: topic "orders" has partitions 0-2 (line 11)',
      'test.yaml: faults[2].target: unknown group "writers" (consumers.groups: readers) (line 12)',
      'test.yaml: faults[3].target: "leader-of orders" needs a topic and a partition: ' +
        '"leader-of <topic>/<partition>" (line 13)',
    ],
  );
});

test('coordinator-of needs consumers, and takes the default group name when groups are not listed', () => {
  const noConsumers = lines(
    'name: lonely',
    'topics: [{ name: t }]',
    'producers: {}',
    'phases: [{ name: steady, type: constant, duration: 10s, rate: 10 }]',
    'faults: [{ phase: steady, at: 1s, action: restart, target: coordinator-of g }]',
  );
  assert.match(problemsOf(noConsumers)[0] ?? '', /faults\[0\]\.target: "coordinator-of g" needs a consumers block/);
  const defaultGroup = noConsumers
    .replace('phases:', 'consumers: {}\nphases:')
    .replace('coordinator-of g', 'coordinator-of lonely-group');
  assert.equal(parseScenario(defaultGroup, 'f.yaml').faults.length, 1);
});

test('each action takes its own fields: a missing one is required, a foreign one refused', () => {
  assert.deepEqual(
    problemsOf(
      withFaults(
        '  - { phase: steady, at: 1s, action: pause, target: 1 }',
        '  - { phase: steady, at: 1s, action: exec }',
        '  - { phase: steady, at: 1s, action: pause, target: 1, duration: 1s, command: "ls" }',
        '  - { phase: steady, at: 1s, action: exec, command: "ls", target: 2 }',
        '  - { phase: steady, at: 1s, action: restart, target: 1, duration: 5s }',
        '  - { phase: steady, at: 1s, action: kill, target: 1, timeout: 5s }',
        '  - { phase: steady, at: 1s, action: kill }',
      ),
    ),
    [
      'test.yaml: faults[0].duration: is required for action: pause ' +
        '(how long the node stays stopped before it gets SIGCONT) (line 10)',
      'test.yaml: faults[1].command: is required for action: exec (the shell command to run) (line 11)',
      'test.yaml: faults[2].command: only applies to action: exec (line 12)',
      'test.yaml: faults[3].target: only applies to action: pause, kill, restart (line 13)',
      'test.yaml: faults[4].duration: only applies to action: pause, kill (line 14)',
      'test.yaml: faults[5].timeout: only applies to action: exec (line 15)',
      'test.yaml: faults[6].target: is required for action: kill (which node it acts on) (line 16)',
    ],
  );
});

test('faults are refused in a sweep', () => {
  const problems = problemsOf(
    lines(
      'name: sweeper',
      'topics: [{ name: orders, partitions: 3 }]',
      'producers: { message: { size: 100 } }',
      'phases: [{ name: steady, type: max, duration: 3s }]',
      'sweep: { producers: [1, 2] }',
      'faults: [{ phase: steady, at: 1s, action: exec, command: "true" }]',
    ),
  );
  assert.deepEqual(problems, [
    'test.yaml: faults: cannot be combined with sweep (every point of a sweep would need its own faults); ' +
      'remove one (line 6)',
  ]);
});

test('fault problems are listed together with problems elsewhere in the file', () => {
  const problems = problemsOf(
    withFaults('  - { phase: steady, at: 1s, action: kill, target: leader-of orders/7 }').replace(
      'rate: 100',
      'rate: -1',
    ),
  );
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0] ?? '', /phases\[1\]\.rate: must be > 0/);
  assert.match(problems[1] ?? '', /faults\[0\]\.target: partition 7 is out of range/);
});

test('the shipped broker-failure scenario kills the leader of partition 0 10 s into steady, for 10 s', () => {
  const scenario = loadScenario(join(repoRoot, 'scenarios', 'broker-failure.yaml'));
  assert.equal(scenario.topics[0]?.replicationFactor, 3, 'a replicated topic: kload starts 3 nodes for it');
  assert.equal(scenario.producers.properties['acks'], 'all');
  assert.equal(scenario.producers.properties['enable.idempotence'], 'true');
  assert.deepEqual(scenario.faults, [
    {
      phase: 'steady',
      atMs: 10_000,
      action: 'kill',
      target: { kind: 'leader-of', topic: 'broker-failure', partition: 0 },
      durationMs: 10_000,
    },
  ]);
  const steady = scenario.phases.find((p) => p.name === 'steady');
  assert.ok(steady !== undefined && steady.durationMs >= 30_000, 'the node is back well before steady ends');
  assert.deepEqual(scenario.thresholds, ['lost == 0', 'duplicated == 0']);
});
