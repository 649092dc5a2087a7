import assert from 'node:assert/strict';
import { test } from 'node:test';
import { longestGapIn, mergeAckGaps } from '../../../src/faults/ack-gaps.js';
import type { PartitionAckGaps, ProducerWorkerResult } from '../../../src/workers/protocol.js';

function thread(workerId: number, ackGaps: PartitionAckGaps[] | undefined): ProducerWorkerResult {
  return { role: 'producer', workerId, phases: [], producers: [], stoppedEarly: false, ackGaps };
}

function partition(p: number, gapsUs: [number, number][], openAtEnd = false, firstAckUs = 0): PartitionAckGaps {
  return { partition: p, firstAckUs, lastAckUs: gapsUs.at(-1)?.[1] ?? firstAckUs, gapsUs, openAtEnd, dropped: 0 };
}

test('one thread: its gaps are the partition gaps', () => {
  const gaps = mergeAckGaps([thread(0, [partition(0, [[1e6, 4e6]])])]);
  assert.deepEqual(gaps, [{ partition: 0, fromUs: 1e6, toUs: 4e6, open: false }]);
});

test('a partition is unavailable only while no thread gets an ack from it', () => {
  const gaps = mergeAckGaps([
    thread(0, [
      partition(0, [
        [1e6, 4e6],
        [10e6, 10.5e6],
      ]),
    ]),
    // Thread 1 was acked through 10-10.5 s: no gap there; its stall overlaps thread 0's from 1.2 to 3.9 s.
    thread(1, [partition(0, [[1.2e6, 3.9e6]])]),
  ]);
  assert.deepEqual(gaps, [{ partition: 0, fromUs: 1.2e6, toUs: 3.9e6, open: false }]);
});

test('a thread silent on a partition until later counts as silent before its first ack', () => {
  const gaps = mergeAckGaps([thread(0, [partition(0, [[1e6, 4e6]])]), thread(1, [partition(0, [], false, 2e6)])]);
  assert.deepEqual(gaps, [{ partition: 0, fromUs: 1e6, toUs: 2e6, open: false }]);
});

test('threads that never wrote to a partition are left out, and partitions are kept apart', () => {
  const gaps = mergeAckGaps([
    thread(0, [partition(0, [[1e6, 4e6]]), partition(1, [[5e6, 9e6]], true)]),
    thread(1, [partition(1, [[5.5e6, 9e6]], true)]),
    thread(2, undefined),
  ]);
  assert.deepEqual(gaps, [
    { partition: 0, fromUs: 1e6, toUs: 4e6, open: false },
    { partition: 1, fromUs: 5.5e6, toUs: 9e6, open: true },
  ]);
});

test('the longest gap overlapping a window, touching its ends or not', () => {
  const gaps = mergeAckGaps([
    thread(0, [
      partition(0, [
        [1e6, 2e6],
        [3e6, 8e6],
      ]),
      partition(1, [[4e6, 6e6]]),
    ]),
  ]);
  assert.equal(longestGapIn(gaps, 5e6, 5.5e6)?.partition, 0);
  assert.equal(longestGapIn(gaps, 2e6, 3e6), null, 'gaps that only touch the window are outside it');
  assert.deepEqual(longestGapIn(gaps, 0, 2.5e6), { partition: 0, fromUs: 1e6, toUs: 2e6, open: false });
});
