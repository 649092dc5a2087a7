import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACK_GAP_FLOOR_US, AckGapRecorder } from '../../../src/workers/ack-gap-recorder.js';

test('only gaps over the floor are recorded, per partition, between consecutive acks', () => {
  const r = new AckGapRecorder();
  for (let t = 0; t <= 1e6; t += 10_000) r.ack(0, t);
  r.ack(1, 0);
  r.ack(1, 3e6);
  r.ack(0, 4e6);
  const [p0, p1] = r.finish(4e6);
  assert.deepEqual(p0, {
    partition: 0,
    firstAckUs: 0,
    lastAckUs: 4e6,
    gapsUs: [[1e6, 4e6]],
    openAtEnd: false,
    dropped: 0,
  });
  assert.deepEqual(
    p1!.gapsUs,
    [
      [0, 3e6],
      [3e6, 4e6],
    ],
    'and silent for the last second, over the floor: open at the end',
  );
  assert.equal(p1!.openAtEnd, true);
  assert.ok(ACK_GAP_FLOOR_US >= 50_000 && ACK_GAP_FLOOR_US <= 200_000, 'the floor is ~100 ms');
});

test('a partition silent when the schedule ends has an open gap up to the end', () => {
  const r = new AckGapRecorder();
  r.ack(2, 1000);
  r.ack(2, 2000);
  const [p2] = r.finish(5e6);
  assert.equal(p2!.partition, 2);
  assert.deepEqual(p2!.gapsUs, [[2000, 5e6]]);
  assert.equal(p2!.openAtEnd, true);
});

test('acks that step back (another client settled later) neither open a gap nor move the clock back', () => {
  const r = new AckGapRecorder();
  r.ack(0, 0);
  r.ack(0, 50_000);
  r.ack(0, 40_000);
  r.ack(0, 140_000);
  assert.deepEqual(r.finish(140_000)[0]!.gapsUs, [], '90 ms after the latest ack, under the floor');
});

test('a full list keeps the longest gaps and counts what it dropped', () => {
  const r = new AckGapRecorder(100_000, 3);
  let t = 0;
  for (const gapUs of [200_000, 500_000, 300_000, 900_000, 150_000]) {
    r.ack(0, t);
    t += gapUs;
  }
  r.ack(0, t);
  const [p0] = r.finish(t);
  assert.deepEqual(
    p0!.gapsUs.map(([a, b]) => b - a),
    [500_000, 300_000, 900_000],
    'in time order',
  );
  assert.equal(p0!.dropped, 2);
});

test('partitions far beyond the first ones are tracked too; a report without partition is ignored', () => {
  const r = new AckGapRecorder();
  r.ack(1000, 0);
  r.ack(1000, 1e6);
  r.ack(-1, 5);
  const out = r.finish(1e6);
  assert.deepEqual(
    out.map((p) => [p.partition, p.gapsUs]),
    [[1000, [[0, 1e6]]]],
  );
});
