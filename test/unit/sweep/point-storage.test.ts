import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measuredPhaseOffsetMs, pointStorage } from '../../../src/sweep/point-storage.js';
import { topicLogBytes, topicLogBytesFrom } from '../../../src/sweep/stored-bytes.js';
import type { Phase } from '../../../src/scenario/types.js';
import { tempDir } from '../../helpers/paths.js';

const warmup: Phase = { name: 'warmup', type: 'warmup', durationMs: 1000, rateMsgsPerSec: 2000 };
const max: Phase = { name: 'max', type: 'max', durationMs: 3000, maxInFlight: 1000 };

test('the measured phase of a point begins after every phase before the last recorded one', () => {
  assert.equal(measuredPhaseOffsetMs([warmup, max]), 1000);
  assert.equal(measuredPhaseOffsetMs([max]), 0);
  assert.equal(measuredPhaseOffsetMs([warmup, { ...max, name: 'a' }, warmup, max]), 5000);
  assert.equal(measuredPhaseOffsetMs([warmup]), null);
});

test('S and its messages are counted from the first offsets on, per message and net of the payload', () => {
  const s = pointStorage({ logBytes: 1_400_000, firstOffsets: [2000, 0], endOffsets: [7000, 5000], messageBytes: 100 });
  assert.deepEqual(s, {
    logBytes: 1_400_000,
    messages: 10_000,
    bytesPerMessage: 140,
    overheadBytesPerMessage: 40,
    firstOffsets: [2000, 0],
  });
  const none = pointStorage({ logBytes: 0, firstOffsets: [5], endOffsets: [5], messageBytes: 10 });
  assert.deepEqual([none.messages, none.bytesPerMessage], [0, 0]);
});

/** A record batch as Kafka lays it out: baseOffset int64, batchLength int32, then batchLength bytes. */
function batch(baseOffset: number, bodyBytes: number): Buffer {
  const b = Buffer.alloc(12 + bodyBytes, 0xab);
  b.writeBigInt64BE(BigInt(baseOffset), 0);
  b.writeInt32BE(bodyBytes, 8);
  return b;
}

test("the bytes from an offset on are each replica's batches from there, whole later segments included", () => {
  const [leader, follower] = [tempDir('logs'), tempDir('logs')];
  for (const dir of [leader, follower]) {
    mkdirSync(join(dir, 't-0'));
    // Segment 0: offsets 0-9 (warmup, 3 batches) then 10-14; segment 15 rolled after it.
    const first = [batch(0, 88), batch(4, 88), batch(8, 38), batch(10, 188)];
    writeFileSync(join(dir, 't-0', '00000000000000000000.log'), Buffer.concat(first));
    writeFileSync(join(dir, 't-0', '00000000000000000015.log'), Buffer.concat([batch(15, 488)]));
    writeFileSync(join(dir, 't-0', '00000000000000000000.index'), Buffer.alloc(10_000));
  }
  mkdirSync(join(leader, 't-1'));
  writeFileSync(join(leader, 't-1', '00000000000000000000.log'), Buffer.concat([batch(0, 8), batch(3, 8)]));
  mkdirSync(join(leader, 'other-0'));
  writeFileSync(join(leader, 'other-0', '00000000000000000000.log'), batch(0, 999));

  const dirs = [leader, follower];
  // Partition 0 from offset 10: the 200-byte batch and the 500-byte segment, in two replicas.
  assert.equal(topicLogBytesFrom(dirs, 't', [10, 3]), 2 * (200 + 500) + 20);
  assert.equal(topicLogBytesFrom(dirs, 't', [15, 0]), 2 * 500 + 40, 'a segment before the offset is skipped whole');
  assert.equal(topicLogBytesFrom(dirs, 't', [0, 0]), topicLogBytes(dirs, 't'), 'from 0: everything');
  assert.equal(topicLogBytesFrom(dirs, 't', [99, 99]), 0, 'past the end: nothing');
});
