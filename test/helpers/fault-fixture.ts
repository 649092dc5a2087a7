/**
 * Made-up fault records for the report tests, over realisticRunResult()'s phases (warmup 0-3 s,
 * steady 3-13 s, flat-out 13-18 s of the schedule): a kill inside steady, a pause that outlasts
 * steady into flat-out, and an exec that was skipped.
 */
import type { FaultRecord } from '../../src/faults/fault-types.js';
import type { RunResult } from '../../src/result/result-types.js';
import { realisticRunResult } from './result-fixture.js';

export function faultRecords(): FaultRecord[] {
  return [
    {
      index: 0,
      action: 'kill',
      phase: 'steady',
      target: 'leader-of quickstart/0',
      nodeId: 2,
      plannedAtSec: 4,
      startedAtSec: 7,
      endedAtSec: 9.5,
      startedAt: '2026-11-21T23:30:52.000Z',
      outcome: 'done',
      detail: 'restarted after 2.5 s',
      impact: {
        unavailabilityMs: 2345.6,
        unavailablePartition: 0,
        baselineP99Us: 4200,
        recoverySec: 4,
        lostInWindow: 0,
        duplicatedInWindow: 3,
        window: { fromSec: 7, toSec: 11 },
      },
    },
    {
      index: 1,
      action: 'pause',
      phase: 'steady',
      target: 'node 3',
      nodeId: 3,
      plannedAtSec: 8,
      startedAtSec: 11,
      endedAtSec: 14.5,
      startedAt: '2026-11-21T23:30:56.000Z',
      outcome: 'done',
      detail: 'resumed',
      impact: {
        unavailabilityMs: 0,
        unavailablePartition: null,
        baselineP99Us: null,
        recoverySec: null,
        lostInWindow: null,
        duplicatedInWindow: null,
        window: { fromSec: 11, toSec: 14.5 },
      },
    },
    {
      index: 2,
      action: 'exec',
      phase: 'flat-out',
      target: 'exec: <b>ssh</b> broker-2 sudo systemctl restart kafka',
      nodeId: null,
      plannedAtSec: 4.5,
      startedAtSec: null,
      endedAtSec: null,
      startedAt: null,
      outcome: 'skipped',
      detail: 'the run stopped first',
      impact: null,
    },
  ];
}

export function runWithFaults(): RunResult {
  return { ...realisticRunResult(), faults: faultRecords() };
}
