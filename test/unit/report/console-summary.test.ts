import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProgressLine, formatSummaryTable } from '../../../src/report/console-summary.js';
import { latencies, phaseResult, runResult } from '../../helpers/result-fixture.js';

function sampleRun() {
  return runResult([
    phaseResult({
      name: 'warm',
      type: 'warmup',
      recorded: false,
      targetRate: null,
      achievedRate: 900,
      sent: 9000,
      acked: 9000,
    }),
    phaseResult({
      name: 'steady',
      achievedRate: 4999.6,
      sent: 50_001,
      acked: 49_996,
      failed: { ERR__MSG_TIMED_OUT: 5 },
      consumed: 49_990,
      publishLatencyUs: latencies(1200, 3210, 45_600),
      endToEndLatencyUs: latencies(250),
    }),
    phaseResult({ name: 'flat-out', type: 'max', targetRate: null, endToEndLatencyUs: latencies() }),
  ]);
}

test('the summary table has a row per phase with formatted numbers', () => {
  const table = formatSummaryTable(sampleRun());
  const rows = table.split('\n');
  const steady = rows.find((row) => row.startsWith('steady '));
  assert.ok(steady, table);
  const cells = steady.trim().split(/\s{2,}/);
  assert.deepEqual(cells, [
    'steady',
    'constant',
    '5,000',
    '5,000',
    '0.50',
    '50,001',
    '49,996',
    '5',
    '49,990',
    '3.2',
    '45.6',
    '45.6',
    '45.6',
    '0.25',
    '0.25',
  ]);
  assert.match(table, /^warm \(not recorded\)\s+warmup\s+-\s+900 /m);
  assert.match(table, /^flat-out\s+max\s+-\s/m);
});

test('the summary table aligns every row to the header width', () => {
  const lines = formatSummaryTable(sampleRun()).split('\n');
  const header = lines[0] ?? '';
  assert.match(header, /^phase\s+type\s+target msg\/s/);
  for (const row of lines.slice(1, 5)) assert.equal(row.length, header.length, row);
});

test('phases without latencies show a dash instead of zero', () => {
  const row = formatSummaryTable(sampleRun())
    .split('\n')
    .find((line) => line.startsWith('flat-out'));
  assert.match(row ?? '', /\s-\s+-$/);
});

test('the summary table lists failures by error code and ends with the run summary', () => {
  const table = formatSummaryTable(sampleRun());
  assert.match(table, /Failed deliveries in steady: ERR__MSG_TIMED_OUT 5/);
  assert.match(table, /Summary \(recorded phases, 20 s\): .*99,996 acked of 100,001 sent, 5 failed/);
  assert.doesNotMatch(table, /partial results/);
});

test('an interrupted run says so under the table', () => {
  const result = { ...sampleRun(), status: 'interrupted' as const, statusReason: 'Ctrl-C' };
  assert.match(formatSummaryTable(result), /Run interrupted: Ctrl-C \(partial results\)\.$/);
});

test('the progress line is one compact line with rates and publish p99', () => {
  const line = formatProgressLine({
    phase: 'steady',
    elapsedSec: 4,
    durationSec: 10,
    sentPerSec: 5001,
    ackedPerSec: 5000,
    consumedPerSec: 4998,
    publishP99Us: 3210,
    ackedMBPerSec: 0.5,
  });
  assert.equal(line, '[steady 4/10s] 5,001 msg/s sent, 5,000 acked (0.50 MB/s), 4,998 consumed, publish p99 3.2 ms');
});

test('over agents, the progress line says how many are still answering', () => {
  const line = formatProgressLine({
    phase: 'steady',
    elapsedSec: 4,
    durationSec: 10,
    sentPerSec: 3000,
    ackedPerSec: 3000,
    consumedPerSec: 3000,
    publishP99Us: 1000,
    ackedMBPerSec: 0.3,
    agents: { answering: 2, of: 3 },
  });
  assert.match(line, /publish p99 1\.0 ms, 2\/3 agents$/);
});

test('past the schedule, a line of producers still waiting for acks names no phase', () => {
  const line = formatProgressLine({
    phase: 'steady',
    elapsedSec: 10,
    durationSec: 10,
    sentPerSec: 0,
    ackedPerSec: 450,
    consumedPerSec: 460,
    publishP99Us: 0,
    ackedMBPerSec: 0,
    afterScheduleSec: 2,
  });
  assert.equal(line, '[after schedule +2s] producers waiting for acks: 450 acked/s, 460 consumed/s');
});
