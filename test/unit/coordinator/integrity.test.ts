import assert from 'node:assert/strict';
import { test } from 'node:test';
import { integrityByPhase } from '../../../src/coordinator/integrity.js';
import { createLatencyHistogram, encodeHistogram } from '../../../src/metrics/histogram.js';
import { SeqBitmap } from '../../../src/metrics/seq-bitmap.js';
import type {
  ConsumerPhaseCounters,
  ConsumerWorkerResult,
  ProducerWorkerResult,
} from '../../../src/workers/protocol.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const without = (seqs: number[], ...gone: number[]) => seqs.filter((s) => !gone.includes(s));

function bytesOf(seqs: number[]): Uint8Array {
  const b = new SeqBitmap();
  for (const s of seqs) b.set(s);
  return b.bytes();
}

/**
 * Two producers on one thread, two phases each: producer 0 sent seqs 0-4 then 5-9, producer 1
 * sent 0-2 then 3-7. Everything was acknowledged unless `acked` says otherwise.
 */
function producerThread(acked: Record<number, number[]> = {}): ProducerWorkerResult {
  const phaseStartSeq: Record<number, number[]> = { 0: [0, 5, 10], 1: [0, 3, 8] };
  return {
    role: 'producer',
    workerId: 0,
    phases: [],
    stoppedEarly: false,
    producers: [0, 1].map((producerId) => ({
      producerId,
      phaseStartSeq: phaseStartSeq[producerId]!,
      acked: bytesOf(acked[producerId] ?? range(0, phaseStartSeq[producerId]!.at(-1)!)),
    })),
  };
}

const everything = { 0: range(0, 10), 1: range(0, 8) };

function counters(duplicated = 0, outOfOrder = 0): ConsumerPhaseCounters {
  const empty = encodeHistogram(createLatencyHistogram());
  return {
    consumed: 0,
    consumedBytes: 0,
    endToEndHistogram: empty,
    monotonicClock: 0,
    wallClock: 0,
    duplicated,
    outOfOrder,
  };
}

/** One consumer thread; `groups` maps group -> producer id -> seqs its members in this thread read. */
function consumerThread(
  workerId: number,
  groups: Record<string, Record<number, number[]>>,
  phases = [counters(), counters()],
): ConsumerWorkerResult {
  return {
    role: 'consumer',
    workerId,
    foreign: 0,
    phases,
    groups: Object.entries(groups).map(([group, byProducer]) => ({
      group,
      consumed: Object.entries(byProducer).map(([producerId, seqs]) => ({
        producerId: Number(producerId),
        seqs: bytesOf(seqs),
      })),
    })),
  };
}

const zeros = { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 };

test('every acknowledged message consumed once by its group gives zeros in every phase', () => {
  const consumers = [
    consumerThread(1, { g: { 0: range(0, 6), 1: range(0, 4) } }),
    consumerThread(2, { g: { 0: range(6, 10), 1: range(4, 8) } }),
  ];
  assert.deepEqual(integrityByPhase(2, ['g'], [producerThread()], consumers, true), [zeros, zeros]);
});

test('an acknowledged message nobody read is lost in the phase that sent it', () => {
  // Producer 0's seq 7 is its third message of phase 1; producer 1's seq 2 its last of phase 0.
  const consumers = [consumerThread(1, { g: { 0: without(range(0, 10), 7), 1: range(0, 8) } })];
  assert.deepEqual(integrityByPhase(2, ['g'], [producerThread()], consumers, true), [zeros, { ...zeros, lost: 1 }]);
  const early = [consumerThread(1, { g: { 0: range(0, 10), 1: without(range(0, 8), 2) } })];
  assert.deepEqual(integrityByPhase(2, ['g'], [producerThread()], early, true), [{ ...zeros, lost: 1 }, zeros]);
});

test('a message that was never acknowledged is not lost when nobody reads it', () => {
  const producers = [producerThread({ 0: without(range(0, 10), 4, 9) })];
  const consumers = [consumerThread(1, { g: { 0: without(range(0, 10), 4, 9), 1: range(0, 8) } })];
  assert.deepEqual(integrityByPhase(2, ['g'], producers, consumers, true), [zeros, zeros]);
});

test('a producer no member of the group read from has every acknowledged message lost', () => {
  const consumers = [consumerThread(1, { g: { 0: range(0, 10) } })];
  assert.deepEqual(integrityByPhase(2, ['g'], [producerThread()], consumers, true), [
    { ...zeros, lost: 3 },
    { ...zeros, lost: 5 },
  ]);
});

test('the same message read by two threads of one group is duplicated once', () => {
  // After a rebalance thread 2 re-reads producer 1's seq 5 (phase 1), which thread 1 had read.
  const consumers = [
    consumerThread(1, { g: { 0: range(0, 10), 1: range(0, 6) } }),
    consumerThread(2, { g: { 1: range(5, 8) } }),
  ];
  assert.deepEqual(integrityByPhase(2, ['g'], [producerThread()], consumers, true), [
    zeros,
    { ...zeros, duplicated: 1 },
  ]);
});

test('two groups that each read everything give zeros: every group reads every message once', () => {
  const consumers = [
    consumerThread(1, { a: everything, b: { 0: range(0, 5), 1: range(0, 8) } }),
    consumerThread(2, { b: { 0: range(5, 10) } }),
  ];
  assert.deepEqual(integrityByPhase(2, ['a', 'b'], [producerThread()], consumers, true), [zeros, zeros]);
});

test('losses are summed over groups', () => {
  const consumers = [
    consumerThread(1, {
      a: { 0: without(range(0, 10), 1), 1: range(0, 8) },
      b: { 0: without(range(0, 10), 1, 8), 1: range(0, 8) },
    }),
  ];
  assert.deepEqual(integrityByPhase(2, ['a', 'b'], [producerThread()], consumers, true), [
    { ...zeros, lost: 2 },
    { ...zeros, lost: 1 },
  ]);
});

test("the threads' own duplicated and out-of-order counts are added per phase", () => {
  const consumers = [
    consumerThread(1, { g: everything }, [counters(2, 3), counters(0, 1)]),
    consumerThread(2, { g: { 1: [6] } }, [counters(1, 0), counters(4, 0)]),
  ];
  assert.deepEqual(integrityByPhase(2, ['g'], [producerThread()], consumers, true), [
    { lost: 0, unverified: 0, duplicated: 3, outOfOrder: 3 },
    // 4 counted by thread 2 plus producer 1's seq 6, read by both threads.
    { lost: 0, unverified: 0, duplicated: 5, outOfOrder: 1 },
  ]);
});

test('a run without producer ledgers or groups has only the threads’ own counts', () => {
  const consumers = [consumerThread(1, {}, [counters(1, 2), counters()])];
  assert.deepEqual(integrityByPhase(2, [], [], consumers, true), [
    { lost: 0, unverified: 0, duplicated: 1, outOfOrder: 2 },
    zeros,
  ]);
});

test('when the drain did not finish, acknowledged messages nobody read are unverified, not lost', () => {
  // The same reads as "an acknowledged message nobody read is lost": seq 7 of producer 0 unread.
  const consumers = [
    consumerThread(1, { g: { 0: without(range(0, 10), 7), 1: range(0, 8) } }, [counters(1, 0), counters()]),
  ];
  assert.deepEqual(integrityByPhase(2, ['g'], [producerThread()], consumers, false), [
    { ...zeros, duplicated: 1 },
    { ...zeros, unverified: 1 },
  ]);
});
