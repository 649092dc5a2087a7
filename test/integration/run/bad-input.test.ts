import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/cli.js';
import { writeScenario } from '../../helpers/scenario-files.js';

const brokenScenario = `name: broken
topics:
  - name: t
    partitons: 3
producers:
  count: two
  threads: 1
phases:
  - { type: constant, duration: 10s, rate: -5 }
  - { type: warmup, duration: soon }
`;

test('a scenario with several problems exits 2 and names every one with its path and line', async () => {
  const r = await runCli(['run', writeScenario(brokenScenario, 'broken.yaml'), '--brokers', '127.0.0.1:1']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /topics\[0\]\.partitons: unknown key "partitons" \(did you mean "partitions"\?\) \(line 4\)/);
  assert.match(r.stderr, /producers\.count: .*\(line 6\)/);
  assert.match(r.stderr, /phases\[0\]\.rate: must be > 0 \(line 9\)/);
  assert.match(r.stderr, /phases\[1\]\.duration: .*\(line 10\)/);
});

test('a YAML syntax error exits 2 with its line', async () => {
  const r = await runCli(['validate', writeScenario('name: x\ntopics: [\n  - a: 1\n', 'syntax.yaml')]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /syntax\.yaml/);
  assert.match(r.stdout, /line \d+/);
});

test('a missing scenario file exits 2 and names the file', async () => {
  const r = await runCli(['run', 'scenarios/does-not-exist.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /does-not-exist\.yaml/);
});

test('validate accepts every shipped scenario', async () => {
  const r = await runCli([
    'validate',
    'scenarios/quickstart.yaml',
    'scenarios/seed-example.yaml',
    'scenarios/max-throughput.yaml',
    'scenarios/fixed-rate-latency.yaml',
  ]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout.match(/^ok /gm)?.length, 4);
});

test('an unreachable --brokers exits 3 within 15 s with a hint', async () => {
  const r = await runCli(['run', 'scenarios/quickstart.yaml', '--brokers', '127.0.0.1:1'], { timeoutMs: 30_000 });
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /No Kafka broker answered at 127\.0\.0\.1:1/);
  assert.match(r.stderr, /hint: /);
  assert.ok(r.durationMs < 15_000, `took ${r.durationMs} ms`);
});

test('--help teaches with examples', async () => {
  const r = await runCli(['run', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Examples:/);
  assert.match(r.stdout, /--brokers/);
});
