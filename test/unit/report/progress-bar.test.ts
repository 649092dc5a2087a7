import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProgressSnapshot } from '../../../src/coordinator/reporter.js';
import { formatProgressBar } from '../../../src/report/progress-bar.js';

const snapshot: ProgressSnapshot = {
  phase: 'steady',
  elapsedSec: 4,
  durationSec: 10,
  sentPerSec: 5001,
  ackedPerSec: 5000,
  consumedPerSec: 4998,
  publishP99Us: 3210,
  ackedMBPerSec: 0.5,
  run: { elapsedSec: 14, durationSec: 30 },
};

test('the bar shows the phase, the run done so far with its ETA, and the last second', () => {
  const line = formatProgressBar(snapshot, 200);
  assert.match(line, /^steady 4\/10s \[#+\.+\] 14\/30s ETA 16s \| 5,001 msg\/s sent, 5,000 acked, 4,998 consumed/);
  assert.match(line, /\| p99 3\.2 ms$/);
  const bar = /\[(#*)(\.*)\]/.exec(line)!;
  const filled = bar[1]!.length / (bar[1]!.length + bar[2]!.length);
  assert.ok(Math.abs(filled - 14 / 30) < 0.05, `filled ${filled}`);
});

test('the bar never makes the line wrap on a narrow terminal', () => {
  for (const columns of [40, 80, 120]) {
    const line = formatProgressBar(snapshot, columns);
    assert.ok(line.length < columns, `${line.length} chars for ${columns} columns`);
  }
});

test('past the schedule the line says what it waits for, without a bar', () => {
  const line = formatProgressBar({ ...snapshot, afterScheduleSec: 3 }, 200);
  assert.match(line, /^after schedule \+3s, waiting for acks \| /);
  assert.doesNotMatch(line, /\[#/);
});
