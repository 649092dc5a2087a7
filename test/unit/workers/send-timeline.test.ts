import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SendTimeline, seqAtInterval } from '../../../src/workers/send-timeline.js';

test('the first sequence number of each interval, by intended time', () => {
  const t = new SendTimeline(1_000_000);
  // 4 msg/s from 0.1 s: seqs 0-3 in second 0, 4-7 in second 1, ...
  for (let seq = 0; seq < 12; seq++) t.note(seq, 100_000 + seq * 250_000);
  assert.deepEqual(t.toArray(), [0, 4, 8]);
});

test('intervals a client sent nothing in start where its next message does', () => {
  const t = new SendTimeline(1_000_000);
  t.note(0, 500_000);
  t.note(1, 3_200_000);
  t.note(2, 3_900_000);
  assert.deepEqual(t.toArray(), [0, 1, 1, 1]);
  assert.equal(seqAtInterval(t.toArray(), 2, 3), 1, 'second 2: from seq 1 on');
  assert.equal(seqAtInterval(t.toArray(), 4, 3), 3, 'past the last interval: the total sent');
  assert.equal(seqAtInterval(t.toArray(), 0, 3), 0);
});
