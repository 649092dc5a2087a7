import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeqBitmap } from '../../../src/metrics/seq-bitmap.js';
import { GroupTracker, type SeqObservation } from '../../../src/workers/group-tracker.js';

/** Observes (producer, seq, partition) reads in order and returns the verdicts. */
function verdicts(reads: [producerId: number, seq: number, partition: number][]): SeqObservation[] {
  const tracker = new GroupTracker('g');
  return reads.map(([producerId, seq, partition]) => tracker.observe(producerId, seq, partition));
}

for (const { label, reads, expected } of [
  {
    label: 'increasing sequence numbers are new',
    reads: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 5, 0],
    ],
    expected: ['new', 'new', 'new'],
  },
  {
    label: 'a sequence number read again is a duplicate',
    reads: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ],
    expected: ['new', 'new', 'duplicate'],
  },
  {
    label: 'a lower sequence number after a higher one of the same producer and partition is out of order',
    reads: [
      [0, 5, 0],
      [0, 3, 0],
    ],
    expected: ['new', 'out-of-order'],
  },
  {
    label: 'an older message read again is a duplicate, not out of order',
    reads: [
      [0, 1, 0],
      [0, 5, 0],
      [0, 1, 0],
    ],
    expected: ['new', 'new', 'duplicate'],
  },
  {
    label: 'a lower sequence number on another partition is new',
    reads: [
      [0, 5, 0],
      [0, 3, 1],
    ],
    expected: ['new', 'new'],
  },
  {
    label: 'a lower sequence number of another producer is new',
    reads: [
      [0, 5, 0],
      [1, 3, 0],
    ],
    expected: ['new', 'new'],
  },
  {
    label: 'the highest sequence number seen stays the mark after a late message',
    reads: [
      [0, 5, 0],
      [0, 3, 0],
      [0, 4, 0],
      [0, 6, 0],
    ],
    expected: ['new', 'out-of-order', 'out-of-order', 'new'],
  },
  {
    label: 'the same sequence number of two producers is not a duplicate',
    reads: [
      [0, 7, 0],
      [1, 7, 0],
    ],
    expected: ['new', 'new'],
  },
] satisfies { label: string; reads: [number, number, number][]; expected: SeqObservation[] }[]) {
  test(`group tracker: ${label}`, () => {
    assert.deepEqual(verdicts(reads), expected);
  });
}

test('the position of a partition is the offset after the last message read', () => {
  const tracker = new GroupTracker('g');
  tracker.advance(0, 0);
  tracker.advance(3, 41);
  assert.deepEqual(tracker.positions, { 0: 1, 3: 42 });
  tracker.advance(0, 9);
  assert.deepEqual(tracker.positions, { 0: 10, 3: 42 });
});

test('a position never goes back, even when an older offset is read again', () => {
  const tracker = new GroupTracker('g');
  tracker.advance(2, 100);
  tracker.advance(2, 50);
  tracker.advance(2, 100);
  assert.deepEqual(tracker.positions, { 2: 101 });
});

test('the ledger names the group and holds a bitmap of what was read per producer', () => {
  const tracker = new GroupTracker('orders');
  for (const [producerId, seq] of [
    [0, 1],
    [0, 2],
    [3, 0],
    [0, 2],
  ] as const)
    tracker.observe(producerId, seq, 0);
  const ledger = tracker.toLedger();
  assert.equal(ledger.group, 'orders');
  const byProducer = new Map(ledger.consumed.map((c) => [c.producerId, new SeqBitmap(c.seqs)]));
  assert.deepEqual([...byProducer.keys()].sort(), [0, 3]);
  assert.deepEqual(
    [0, 1, 2, 3].map((s) => byProducer.get(0)!.has(s)),
    [false, true, true, false],
  );
  assert.deepEqual(
    [0, 1].map((s) => byProducer.get(3)!.has(s)),
    [true, false],
  );
});
