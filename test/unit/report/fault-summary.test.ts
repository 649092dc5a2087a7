import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSummaryTable } from '../../../src/report/console-summary.js';
import { formatFaultLine, formatFaultLines } from '../../../src/report/fault-summary.js';
import { faultRecords, runWithFaults } from '../../helpers/fault-fixture.js';
import { realisticRunResult } from '../../helpers/result-fixture.js';

test('one line per fault: what, where, when, and what it did', () => {
  assert.deepEqual(formatFaultLines(runWithFaults()), [
    'fault 1 kill node 2 (leader-of quickstart/0) at steady+4.0s: unavailable 2.3 s (partition 0), ' +
      'recovered after 4 s, lost 0, duplicated 3',
    'fault 2 pause node 3 at steady+8.0s: no partition went 100 ms without an ack, ' +
      'not recovered by the end of its phase, lost and duplicated not checked (no consumers)',
    'fault 3 exec: <b>ssh</b> broker-2 sudo systemctl restart kafka at flat-out+4.5s: skipped (the run stopped first)',
  ]);
});

test('a failed action says why and still shows what was measured; lost unknown after a cut drain', () => {
  const [kill] = faultRecords();
  const failed = {
    ...kill!,
    outcome: 'failed' as const,
    detail: 'node 2 did not answer within 60 s',
    impact: { ...kill!.impact!, lostInWindow: null, baselineP99Us: null },
  };
  assert.equal(
    formatFaultLine(failed),
    'fault 1 kill node 2 (leader-of quickstart/0) at steady+4.0s: failed (node 2 did not answer within 60 s); ' +
      'unavailable 2.3 s (partition 0), recovered after 4 s (against the previous phase), ' +
      'lost unverified, duplicated 3',
  );
  assert.match(formatFaultLine({ ...kill!, impact: null }), /at steady\+4\.0s: impact not measured$/);
});

test('the run summary ends with the fault lines; a run without faults prints none', () => {
  assert.match(formatSummaryTable(runWithFaults()), /\nfault 1 kill node 2 [^\n]+\nfault 2 pause/);
  assert.doesNotMatch(formatSummaryTable(realisticRunResult()), /^fault /m);
});
