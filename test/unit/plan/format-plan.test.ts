import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPlanMarkdown, formatRefusalMarkdown } from '../../../src/plan/format-plan.js';
import { planCapacity } from '../../../src/plan/plan-capacity.js';
import { lawRows, sweepOf } from './sweep-fixture.js';

test('a plan in Markdown: the headline, a table of what is needed, and the evidence for each number', () => {
  const outcome = planCapacity(sweepOf(lawRows()), { target: { value: 10_000, unit: 'msg/s' }, p99Us: 50_000 });
  assert.ok(outcome.ok);
  const md = formatPlanMarkdown(outcome.plan);
  assert.match(md, /^# Capacity plan: 10,000 msg\/s \(10\.00 MB\/s\) at p99 ≤ 50\.0 ms\n/);
  assert.match(
    md,
    new RegExp(
      'From sweep `steady` of ' +
        String.raw`2026-11-22T00:00:00\.000Z \(8 points, complete; 1 broker, embedded-temporary, Kafka 4\.3\.1\)\.`,
    ),
  );
  assert.match(md, /\| Partitions \| 1 \| #6 \|/);
  assert.match(md, /\| Producers \| 2 \| #6 \|/);
  assert.match(md, /\| Consumers \| 1 per group \| #6 \|/);
  assert.match(md, /\| Expected p99 \| ≤ 30\.0 ms \| #6 \|/);
  assert.match(md, /\| Headroom \| 91% \(capacity 19,058 msg\/s\) \| #6 \|/);
  for (const name of [
    'Partitions',
    'Producers',
    'Consumers',
    'Brokers',
    'Expected p99',
    'Headroom',
    'Throughput fit',
  ]) {
    assert.match(md, new RegExp(`- \\*\\*${name}\\*\\*: `), name);
  }
  assert.doesNotMatch(md, /## Warnings/);
});

test('a refusal in Markdown lists every reason', () => {
  const outcome = planCapacity(sweepOf(lawRows()), { target: { value: 1_000_000, unit: 'msg/s' }, p99Us: 1000 });
  assert.ok(!outcome.ok);
  const md = formatRefusalMarkdown(outcome.refusal);
  assert.match(md, /^# No capacity plan: 1,000,000 msg\/s \(1,000\.00 MB\/s\) at p99 ≤ 1\.0 ms/);
  assert.equal(md.split('\n').filter((l) => l.startsWith('- ')).length, 2);
});
