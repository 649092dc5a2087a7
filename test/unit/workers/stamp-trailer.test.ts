import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLOCK_DOMAIN_ID, fnv1a32 } from '../../../src/workers/clock.js';
import { payloadSource } from '../../../src/workers/payloads.js';
import {
  readStampTrailer,
  STAMP_TRAILER_BYTES,
  trailerView,
  writeStampTrailer,
} from '../../../src/workers/stamp-trailer.js';

const stamp = {
  runId: 2_147_483_000,
  phaseIndex: 3,
  producerId: 70_000,
  seq: 9_007_199_254_740,
  intendedMonoUs: 98_765_432_100.25,
  intendedWallUs: 1_763_780_000_123_456,
  clockDomainId: 4_000_000_123,
};

function stamped(value: Buffer): Buffer {
  const view = trailerView(value);
  assert.ok(view);
  writeStampTrailer(
    view,
    stamp.runId,
    stamp.phaseIndex,
    stamp.producerId,
    stamp.seq,
    stamp.intendedMonoUs,
    stamp.intendedWallUs,
    stamp.clockDomainId,
  );
  return value;
}

test('a trailer written into a value reads back unchanged, fractions and large numbers included', () => {
  assert.deepEqual(readStampTrailer(stamped(Buffer.alloc(100, 7))), stamp);
});

test('the trailer covers only the last bytes of the value and keeps its length', () => {
  const value = stamped(Buffer.alloc(100, 7));
  assert.equal(value.length, 100);
  assert.ok(value.subarray(0, 100 - STAMP_TRAILER_BYTES).every((b) => b === 7));
});

test('a value exactly the trailer long holds it; a shorter one has no view', () => {
  assert.deepEqual(readStampTrailer(stamped(Buffer.alloc(STAMP_TRAILER_BYTES))), stamp);
  assert.equal(trailerView(Buffer.alloc(STAMP_TRAILER_BYTES - 1)), null);
});

test('a trailer inside a buffer that shares its memory with others lands in that buffer only', () => {
  const slab = Buffer.alloc(300, 1);
  const value = slab.subarray(100, 200);
  stamped(value);
  assert.ok(slab.subarray(0, 100).every((b) => b === 1));
  assert.ok(slab.subarray(200).every((b) => b === 1));
  assert.deepEqual(readStampTrailer(slab.subarray(100, 200)), stamp);
});

test('values without a trailer read as null, not as a stamp', () => {
  assert.equal(readStampTrailer(null), null);
  assert.equal(readStampTrailer(undefined), null);
  assert.equal(readStampTrailer(Buffer.alloc(10)), null);
  assert.equal(readStampTrailer(Buffer.from('x'.repeat(100))), null);
  const almost = stamped(Buffer.alloc(100));
  almost.writeUInt8(almost.readUInt8(99) ^ 0xff, 99);
  assert.equal(readStampTrailer(almost), null);
});

test('random payloads offer a stamp view; template and file payloads never do', () => {
  const random = payloadSource({ type: 'random', compressibility: 0 }, { type: 'fixed', bytes: 100 }, null);
  assert.ok(random.stampView(5));
  const short = payloadSource(
    { type: 'random', compressibility: 0 },
    { type: 'fixed', bytes: STAMP_TRAILER_BYTES - 1 },
    null,
  );
  assert.equal(short.stampView(5), null);
  const template = payloadSource({ type: 'template', template: 'x'.repeat(100) }, { type: 'fixed', bytes: 100 }, null);
  assert.equal(template.stampView(0), null);
  const file = payloadSource({ type: 'file', path: 'lines.txt' }, { type: 'fixed', bytes: 100 }, ['y'.repeat(100)]);
  assert.equal(file.stampView(0), null);
});

test('the stamp view of a random payload writes into the very buffer that is sent', () => {
  const random = payloadSource({ type: 'random', compressibility: 0 }, { type: 'fixed', bytes: 100 }, null);
  const view = random.stampView(42)!;
  writeStampTrailer(view, 1, 0, 2, 42, 10, 20, CLOCK_DOMAIN_ID);
  assert.equal(readStampTrailer(random.next(42))?.seq, 42);
});

test('the clock domain id is a stable u32 of the domain text', () => {
  assert.equal(fnv1a32(''), 0x811c9dc5);
  assert.equal(fnv1a32('a'), 0xe40c292c);
  assert.ok(Number.isInteger(CLOCK_DOMAIN_ID) && CLOCK_DOMAIN_ID >= 0 && CLOCK_DOMAIN_ID < 2 ** 32);
});
