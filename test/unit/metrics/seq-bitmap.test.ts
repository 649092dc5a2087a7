import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countOnlyIn, countOverlaps, SeqBitmap } from '../../../src/metrics/seq-bitmap.js';

function bitmapOf(...seqs: number[]): SeqBitmap {
  const b = new SeqBitmap();
  for (const s of seqs) b.set(s);
  return b;
}

test('a bitmap has exactly the sequence numbers that were set', () => {
  const b = bitmapOf(0, 7, 8, 1000);
  assert.deepEqual(
    [0, 1, 6, 7, 8, 9, 999, 1000, 1001].map((s) => b.has(s)),
    [true, false, false, true, true, false, false, true, false],
  );
});

test('setting a sequence number twice reports the second time as a duplicate', () => {
  const b = new SeqBitmap();
  assert.equal(b.set(42), false);
  assert.equal(b.set(42), true);
  assert.equal(b.set(43), false, 'a neighbour in the same byte is not a duplicate');
});

test('a sequence number past the end grows the bitmap and keeps the bits already set', () => {
  const b = bitmapOf(3, 8191);
  assert.equal(b.bytes().length, 1024);
  assert.equal(b.set(1_000_000), false);
  assert.ok(b.bytes().length >= 1_000_000 / 8 + 1, `only ${b.bytes().length} bytes`);
  assert.ok(b.has(3) && b.has(8191) && b.has(1_000_000));
  assert.equal(b.has(999_999), false);
});

test('a number beyond the bitmap is simply not set', () => {
  assert.equal(new SeqBitmap().has(10_000_000), false);
});

test('a bitmap rebuilt from its bytes has the same sequence numbers, as across threads', () => {
  const copy = new SeqBitmap(bitmapOf(1, 2, 3000).bytes().slice());
  assert.deepEqual(
    [0, 1, 2, 3, 3000].map((s) => copy.has(s)),
    [false, true, true, false, true],
  );
  assert.equal(copy.set(2), true);
});

for (const { label, a, others, from, to, expected } of [
  { label: 'bits in none of the others', a: [0, 1, 2, 5], others: [[1], [2, 7]], from: 0, to: 8, expected: 2 },
  { label: 'only within the range', a: [0, 1, 2, 5], others: [[1], [2, 7]], from: 1, to: 5, expected: 0 },
  { label: 'with the range end excluded', a: [0, 1, 2, 5], others: [], from: 0, to: 5, expected: 3 },
  { label: 'all of them when there are no others', a: [0, 9, 17], others: [], from: 0, to: 100, expected: 3 },
  { label: 'none when the others cover everything', a: [4, 5, 6], others: [[4, 6], [5]], from: 0, to: 10, expected: 0 },
]) {
  test(`countOnlyIn counts ${label}`, () => {
    assert.equal(
      countOnlyIn(
        bitmapOf(...a),
        others.map((o) => bitmapOf(...o)),
        from,
        to,
      ),
      expected,
    );
  });
}

for (const { label, maps, from, to, expected } of [
  { label: 'nothing for a single bitmap', maps: [[0, 1, 2]], from: 0, to: 3, expected: 0 },
  {
    label: 'nothing for disjoint bitmaps',
    maps: [
      [0, 2],
      [1, 3],
    ],
    from: 0,
    to: 4,
    expected: 0,
  },
  { label: 'one per extra reading of a number', maps: [[0, 1, 2], [1, 2], [2]], from: 0, to: 3, expected: 3 },
  { label: 'only within the range', maps: [[0, 1, 2], [1, 2], [2]], from: 0, to: 2, expected: 1 },
  { label: 'nothing for no bitmaps', maps: [], from: 0, to: 10, expected: 0 },
]) {
  test(`countOverlaps counts ${label}`, () => {
    assert.equal(
      countOverlaps(
        maps.map((m) => bitmapOf(...m)),
        from,
        to,
      ),
      expected,
    );
  });
}
