import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AckGap } from '../../../src/faults/ack-gaps.js';
import { faultImpact, phaseStarts, type ImpactInputs } from '../../../src/faults/fault-impact.js';
import type { FaultRecord } from '../../../src/faults/fault-types.js';
import type { PhaseResult } from '../../../src/result/result-types.js';
import { interval, phaseResult } from '../../helpers/result-fixture.js';

/** A kill of node 2 in phase `phase`, from `startedAtSec` to `endedAtSec` of the schedule. */
function fault(phase: string, startedAtSec: number | null, endedAtSec: number | null): FaultRecord {
  return {
    index: 0,
    action: 'kill',
    phase,
    target: 'leader-of orders/0',
    nodeId: 2,
    plannedAtSec: startedAtSec ?? 0,
    startedAtSec,
    endedAtSec,
    startedAt: startedAtSec === null ? null : '2026-11-21T23:30:55.000Z',
    outcome: startedAtSec === null ? 'skipped' : 'done',
    detail: '',
    impact: null,
  };
}

/** A 1 s-interval phase: one p99 (µs) per second; 0 = a second that sent but had no ack. */
function phase(name: string, p99sUs: number[]): PhaseResult {
  return phaseResult({
    name,
    durationSec: p99sUs.length,
    intervals: p99sUs.map((p99, i) =>
      interval(i + 1, p99 === 0 ? { ackedPerSec: 0, publishP99Us: 0 } : { publishP99Us: p99 }),
    ),
  });
}

function inputs(phases: PhaseResult[], gaps: AckGap[] = [], counted: number[][] = []): ImpactInputs {
  return {
    phases,
    intervalSec: 1,
    gaps,
    countInWindow: (from, to) => {
      counted.push([from, to]);
      return { lost: 0, duplicated: to - from };
    },
  };
}

const warmup = phase('warmup', [900, 900, 900]);
// steady starts 3 s into the schedule; a fault at 5.5 s is 2.5 s into it.
const steady = phase('steady', [1000, 1200, 1100, 0, 0, 90_000, 5000, 1500, 1100, 1000]);

test('phases start where the ones before them ended', () => {
  assert.deepEqual(phaseStarts([warmup, steady]), [0, 3]);
});

test('the baseline is the worst second before the fault; recovery is where the good seconds to the end begin', () => {
  const counted: number[][] = [];
  const impact = faultImpact(fault('steady', 5.5, 7.5), inputs([warmup, steady], [], counted))!;
  assert.equal(impact.baselineP99Us, 1200, 'seconds 1 and 2 of steady ended before 2.5 s; the third had not');
  // Seconds 4 and 5 had no acks, 6 and 7 are over 2 × 1,200 µs; from second 8 (7 s into steady) on, all good.
  assert.equal(impact.recoverySec, 7 - 2.5);
  assert.deepEqual(impact.window, { fromSec: 5.5, toSec: 5.5 + 4.5 });
  assert.deepEqual(counted, [[5, 10]], 'counted over the whole intervals the window touches');
  assert.equal(impact.duplicatedInWindow, 5);
  assert.equal(impact.lostInWindow, 0);
});

test('unavailability is the longest gap of any partition overlapping the window, with its partition', () => {
  const gaps: AckGap[] = [
    { partition: 0, fromUs: 1e6, toUs: 4e6, open: false }, // longest, but over before the fault
    { partition: 1, fromUs: 5.4e6, toUs: 8.3e6, open: false },
    { partition: 2, fromUs: 6e6, toUs: 7e6, open: false },
    { partition: 0, fromUs: 20e6, toUs: 30e6, open: false }, // after the window
  ];
  const impact = faultImpact(fault('steady', 5.5, 7.5), inputs([warmup, steady], gaps))!;
  assert.equal(impact.unavailabilityMs, 2900);
  assert.equal(impact.unavailablePartition, 1);
});

test('without a gap over the floor the fault made nothing unavailable', () => {
  const impact = faultImpact(fault('steady', 5.5, 7.5), inputs([warmup, steady]))!;
  assert.equal(impact.unavailabilityMs, 0);
  assert.equal(impact.unavailablePartition, null);
});

test('a fault that did not disturb latency recovered at once', () => {
  const calm = phase('steady', [1000, 1100, 1000, 1050, 1000]);
  const impact = faultImpact(fault('steady', 4.2, 5), inputs([warmup, calm]))!;
  assert.equal(impact.recoverySec, 0);
  assert.deepEqual(impact.window, { fromSec: 4.2, toSec: 5 }, 'the window runs to the fault end');
});

test('a phase that ends still slow never recovered: recovery null, the window runs to the phase end', () => {
  const slow = phase('steady', [1000, 1000, 0, 9000, 9000]);
  const impact = faultImpact(fault('steady', 5, 6), inputs([warmup, slow]))!;
  assert.equal(impact.recoverySec, null);
  assert.deepEqual(impact.window, { fromSec: 5, toSec: 8 });
});

test('a fault at its phase start has no baseline of its own and is measured against the phase before', () => {
  const hit = phase('steady', [0, 5000, 1700, 1000]);
  const impact = faultImpact(fault('steady', 3, 4), inputs([warmup, hit]))!;
  assert.equal(impact.baselineP99Us, null);
  assert.equal(impact.recoverySec, 2, 'within 2 × 900 µs (the warmup) from the third second on');
});

test('a fault at the start of the first phase has no yardstick at all', () => {
  const impact = faultImpact(fault('steady', 0, 1), inputs([steady]))!;
  assert.equal(impact.baselineP99Us, null);
  assert.equal(impact.recoverySec, null);
});

test('a fault that never ended keeps its window open to the end of the schedule', () => {
  const after = phase('after', [1000, 1000]);
  const impact = faultImpact(fault('steady', 5.5, null), inputs([warmup, steady, after]))!;
  assert.deepEqual(impact.window, { fromSec: 5.5, toSec: 15 });
});

test('a skipped fault, or one in a phase the run never reached, has no impact', () => {
  assert.equal(faultImpact(fault('steady', null, null), inputs([warmup, steady])), null);
  assert.equal(faultImpact(fault('cooldown', 5, 6), inputs([warmup, steady])), null);
  const cut = { ...steady, durationSec: 0, intervals: [] };
  assert.equal(faultImpact(fault('steady', 3, 4), inputs([warmup, cut])), null);
});

test('without consumers lost and duplicated are not known', () => {
  const impact = faultImpact(fault('steady', 5.5, 7.5), { ...inputs([warmup, steady]), countInWindow: () => null })!;
  assert.equal(impact.lostInWindow, null);
  assert.equal(impact.duplicatedInWindow, null);
});

test('acks of the drain filed after the last phase do not decide whether it recovered', () => {
  const drained = phase('steady', [1000, 1000, 1000, 1000]);
  drained.intervals.push(interval(5, { publishP99Us: 500_000, ackedPerSec: 3, targetPerSec: 1000 }));
  const impact = faultImpact(fault('steady', 4.5, 5), inputs([warmup, drained]))!;
  assert.equal(impact.recoverySec, 0);
});
