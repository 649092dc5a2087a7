import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeRun } from '../../../src/result/summary.js';
import { latencies, phaseResult } from '../../helpers/result-fixture.js';

test('the run summary folds the recorded phases and leaves warmup out', () => {
  const summary = summarizeRun([
    phaseResult({
      name: 'warmup',
      type: 'warmup',
      recorded: false,
      sent: 999,
      acked: 999,
      bytes: 999_000,
      failed: { ERR__MSG_TIMED_OUT: 9 },
      publishLatencyUs: latencies(900_000),
    }),
    phaseResult({
      name: 'a',
      durationSec: 10,
      sent: 1000,
      acked: 1000,
      bytes: 1_000_000,
      consumed: 900,
      failed: { ERR__MSG_TIMED_OUT: 2 },
      publishLatencyUs: latencies(100, 200),
      endToEndLatencyUs: latencies(300),
    }),
    phaseResult({
      name: 'b',
      durationSec: 30,
      sent: 3000,
      acked: 2990,
      bytes: 3_000_000,
      consumed: 2990,
      failed: { ERR__MSG_TIMED_OUT: 4, ERR_NOT_LEADER_FOR_PARTITION: 6 },
      publishLatencyUs: latencies(400, 1000),
      endToEndLatencyUs: latencies(500, 700),
    }),
  ]);
  assert.deepEqual(summary, {
    durationSec: 40,
    sent: 4000,
    acked: 3990,
    failed: 12,
    consumed: 3890,
    throughputMsgsPerSec: 3990 / 40,
    throughputMBPerSec: 0.1,
    publishP50Us: 200,
    publishP99Us: 1000,
    endToEndP99Us: 700,
    integrity: { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 },
    generatorBound: false,
  });
});

test('the run summary is all zeros when nothing was recorded', () => {
  for (const summary of [summarizeRun([phaseResult({ recorded: false })]), summarizeRun([])]) {
    const { integrity, generatorBound, ...counts } = summary;
    for (const [field, value] of Object.entries(counts)) assert.equal(value, 0, field);
    assert.deepEqual(integrity, { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 });
    assert.equal(generatorBound, false);
  }
});

test('the run summary adds the integrity counts of the recorded phases only', () => {
  const summary = summarizeRun([
    phaseResult({
      name: 'warmup',
      recorded: false,
      integrity: { lost: 100, unverified: 0, duplicated: 100, outOfOrder: 100 },
    }),
    phaseResult({ name: 'a', integrity: { lost: 1, unverified: 0, duplicated: 2, outOfOrder: 0 } }),
    phaseResult({ name: 'b', integrity: { lost: 3, unverified: 5, duplicated: 0, outOfOrder: 4 } }),
  ]);
  assert.deepEqual(summary.integrity, { lost: 4, unverified: 5, duplicated: 2, outOfOrder: 4 });
});

test('the run summary has no integrity when a recorded phase ran without consumers', () => {
  assert.equal(summarizeRun([phaseResult({ name: 'a' }), phaseResult({ name: 'b', integrity: null })]).integrity, null);
});

test('the run summary is generator-bound when any recorded phase was, never for a warmup', () => {
  assert.equal(
    summarizeRun([phaseResult({ name: 'a' }), phaseResult({ name: 'b', generatorBound: true })]).generatorBound,
    true,
  );
  assert.equal(
    summarizeRun([phaseResult({ name: 'w', recorded: false, generatorBound: true }), phaseResult({ name: 'a' })])
      .generatorBound,
    false,
  );
});
