import assert from 'node:assert/strict';
import { test } from 'node:test';
import { windowCounter } from '../../../src/faults/fault-window-counts.js';
import { SeqBitmap } from '../../../src/metrics/seq-bitmap.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../../../src/workers/protocol.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function bytesOf(seqs: number[]): Uint8Array {
  const b = new SeqBitmap();
  for (const s of seqs) b.set(s);
  return b.bytes();
}

/** Producer 0 sent seqs 0-39 at 10 msg/s: seqs 10k..10k+9 were meant for second k. All acked; null: no interval map. */
function producer(intervalStartSeq: number[] | null = [0, 10, 20, 30]): ProducerWorkerResult {
  return {
    role: 'producer',
    workerId: 0,
    phases: [],
    stoppedEarly: false,
    producers: [
      {
        producerId: 0,
        phaseStartSeq: [0, 40],
        acked: bytesOf(range(0, 40)),
        ...(intervalStartSeq ? { intervalStartSeq } : {}),
      },
    ],
  };
}

function consumer(workerId: number, seqs: number[], duplicatedByInterval: [number, number][] = []) {
  const result: ConsumerWorkerResult = {
    role: 'consumer',
    workerId,
    phases: [],
    foreign: 0,
    groups: [{ group: 'g', consumed: [{ producerId: 0, seqs: bytesOf(seqs) }] }],
    duplicatedByInterval,
  };
  return result;
}

test('lost = acked in the window and read by no member; the rest of the run does not count', () => {
  const count = windowCounter(['g'], [producer()], [consumer(1, [...range(0, 12), ...range(15, 40)])]);
  assert.deepEqual(count(1, 2), { lost: 3, duplicated: 0 }, 'seqs 12-14 of second 1');
  assert.deepEqual(count(2, 4), { lost: 0, duplicated: 0 });
  assert.deepEqual(count(0, 4), { lost: 3, duplicated: 0 });
});

test('duplicated = read by two threads of the group, plus re-reads one thread counted in the window', () => {
  const count = windowCounter(
    ['g'],
    [producer()],
    [consumer(1, range(0, 25), [[3, 4]]), consumer(2, range(20, 40), [[0, 7]])],
  );
  assert.deepEqual(count(2, 4), { lost: 0, duplicated: 5 + 4 }, 'seqs 20-24 by both threads, 4 re-read in second 3');
  assert.deepEqual(count(0, 1), { lost: 0, duplicated: 7 });
});

test('a window past the last interval a client sent in runs to its total', () => {
  const count = windowCounter(['g'], [producer([0, 10])], [consumer(1, range(0, 30))]);
  assert.deepEqual(count(1, 9), { lost: 10, duplicated: 0 }, 'seqs 10-39: second 1 on, 30-39 never read');
});

test('not measurable without consumers or interval maps; lost unknown when the drain was cut short', () => {
  assert.equal(windowCounter([], [producer()], [])(0, 4), null);
  assert.equal(windowCounter(['g'], [producer(null)], [consumer(1, range(0, 40))])(0, 4), null);
  const cut = windowCounter(['g'], [producer()], [consumer(1, range(0, 30))], false);
  assert.deepEqual(cut(0, 4), { lost: null, duplicated: 0 });
});
