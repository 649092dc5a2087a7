import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeRun } from '../../../src/report/summary.js';
import { latencies, phase } from './result-fixture.js';

test('the run summary folds the recorded phases and leaves warmup out', () => {
  const summary = summarizeRun([
    phase({ name: 'warmup', type: 'warmup', recorded: false, sent: 999, acked: 999, bytes: 999_000,
      failed: { ERR__MSG_TIMED_OUT: 9 }, publishLatencyUs: latencies(900_000) }),
    phase({ name: 'a', durationSec: 10, sent: 1000, acked: 1000, bytes: 1_000_000, consumed: 900,
      failed: { ERR__MSG_TIMED_OUT: 2 }, publishLatencyUs: latencies(100, 200), endToEndLatencyUs: latencies(300) }),
    phase({ name: 'b', durationSec: 30, sent: 3000, acked: 2990, bytes: 3_000_000, consumed: 2990,
      failed: { ERR__MSG_TIMED_OUT: 4, ERR_NOT_LEADER_FOR_PARTITION: 6 },
      publishLatencyUs: latencies(400, 1000), endToEndLatencyUs: latencies(500, 700) }),
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
  });
});

test('the run summary is all zeros when nothing was recorded', () => {
  const summary = summarizeRun([phase({ recorded: false })]);
  for (const [field, value] of Object.entries(summary)) assert.equal(value, 0, field);
  for (const [field, value] of Object.entries(summarizeRun([]))) assert.equal(value, 0, field);
});
