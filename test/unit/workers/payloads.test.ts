import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import type { MessageSize } from '../../../src/scenario/types.js';
import { drawSize, keySource, payloadSource, randomPayload } from '../../../src/workers/payloads.js';

const fixed100: MessageSize = { type: 'fixed', bytes: 100 };

function draws(size: MessageSize, n: number): number[] {
  return Array.from({ length: n }, () => drawSize(size));
}

test('a fixed size always draws that size', () => {
  assert.deepEqual(new Set(draws({ type: 'fixed', bytes: 512 }, 200)), new Set([512]));
});

test('a uniform size draws within [min, max] and reaches both ends', () => {
  const sizes = draws({ type: 'uniform', minBytes: 10, maxBytes: 13 }, 2000);
  assert.ok(
    sizes.every((s) => s >= 10 && s <= 13 && Number.isInteger(s)),
    `out of range: ${sizes.find((s) => s < 10 || s > 13)}`,
  );
  assert.deepEqual([...new Set(sizes)].sort(), [10, 11, 12, 13]);
});

test('a uniform size with min equal to max draws that size', () => {
  assert.deepEqual(new Set(draws({ type: 'uniform', minBytes: 64, maxBytes: 64 }, 100)), new Set([64]));
});

test('a weighted size draws only listed sizes, roughly in proportion to their weights', () => {
  const n = 20_000;
  const sizes = draws(
    {
      type: 'weighted',
      choices: [
        { bytes: 100, weight: 3 },
        { bytes: 1000, weight: 1 },
      ],
    },
    n,
  );
  assert.deepEqual(
    [...new Set(sizes)].sort((a, b) => a - b),
    [100, 1000],
  );
  const share = sizes.filter((s) => s === 100).length / n;
  // Expected 0.75; the standard deviation of the share is ~0.003, so 0.05 never fails by chance.
  assert.ok(Math.abs(share - 0.75) < 0.05, `share of 100-byte messages was ${share}`);
});

test('a weighted size with a single choice always draws it', () => {
  assert.deepEqual(new Set(draws({ type: 'weighted', choices: [{ bytes: 42, weight: 0.1 }] }, 100)), new Set([42]));
});

test('random payloads from a source follow the size spec', () => {
  const source = payloadSource(
    { type: 'random', compressibility: 0 },
    { type: 'uniform', minBytes: 50, maxBytes: 60 },
    null,
  );
  for (let seq = 0; seq < 3000; seq++) {
    const length = source.next(seq).length;
    assert.ok(length >= 50 && length <= 60, `message ${seq} has ${length} bytes`);
  }
  assert.equal(payloadSource({ type: 'random', compressibility: 0 }, fixed100, null).next(0).length, 100);
});

test('compressibility 0.5 fills the first half of a payload with one repeated byte', () => {
  const buf = randomPayload(1000, 0.5);
  assert.equal(buf.length, 1000);
  const first = buf[0]!;
  assert.ok(buf.subarray(0, 500).every((b) => b === first));
});

test('compressibility 0 leaves a payload random (not one repeated byte)', () => {
  const buf = randomPayload(1000, 0);
  assert.ok(new Set(buf).size > 100);
});

test('a 0.9-compressible 10 KB payload deflates far smaller than an incompressible one', () => {
  const compressible = deflateSync(randomPayload(10_000, 0.9)).length;
  const incompressible = deflateSync(randomPayload(10_000, 0)).length;
  assert.ok(incompressible >= 9_900, `incompressible deflated to ${incompressible}`);
  assert.ok(compressible < 1_200, `0.9-compressible deflated to ${compressible}`);
  assert.ok(compressible * 5 < incompressible);
});

for (const { template, seq, expected } of [
  { template: '{"data": "{{seq}}"}', seq: 7, expected: '{"data": "7"}' },
  { template: '{{seq}}-{{seq}}', seq: 12, expected: '12-12' },
  { template: 'no placeholder', seq: 3, expected: 'no placeholder' },
  { template: '{{seq}}', seq: 0, expected: '0' },
]) {
  test(`template ${JSON.stringify(template)} with seq ${seq} gives ${JSON.stringify(expected)}`, () => {
    const source = payloadSource({ type: 'template', template }, fixed100, null);
    assert.equal(source.next(seq).toString('utf8'), expected);
  });
}

test('a file payload cycles through the lines in order', () => {
  const source = payloadSource({ type: 'file', path: 'lines.txt' }, fixed100, ['a', 'bb', 'ccc']);
  assert.deepEqual(
    [0, 1, 2, 3, 4, 7].map((seq) => source.next(seq).toString()),
    ['a', 'bb', 'ccc', 'a', 'bb', 'bb'],
  );
});

test('a file payload without lines is refused up front', () => {
  assert.throws(() => payloadSource({ type: 'file', path: 'empty.txt' }, fixed100, []), /empty\.txt has no lines/);
  assert.throws(() => payloadSource({ type: 'file', path: 'none.txt' }, fixed100, null), /none\.txt has no lines/);
});

test('key strategy none gives no key', () => {
  const keys = keySource({ type: 'none' });
  assert.deepEqual(
    [0, 1, 99].map((seq) => keys.next(seq)),
    [null, null, null],
  );
});

test('key strategy sequential gives the prefix followed by the sequence number', () => {
  const keys = keySource({ type: 'sequential', prefix: 'key-' });
  assert.deepEqual(
    [0, 1, 42].map((seq) => keys.next(seq)),
    ['key-0', 'key-1', 'key-42'],
  );
  assert.equal(keySource({ type: 'sequential', prefix: '' }).next(5), '5');
});

test('key strategy random draws from exactly cardinality distinct keys', () => {
  const keys = keySource({ type: 'random', cardinality: 5 });
  const seen = new Set(Array.from({ length: 2000 }, (_, seq) => keys.next(seq)));
  assert.equal(seen.size, 5);
});

test('key strategy random with cardinality 1 always gives the same key', () => {
  const keys = keySource({ type: 'random', cardinality: 1 });
  assert.equal(new Set(Array.from({ length: 100 }, (_, seq) => keys.next(seq))).size, 1);
});
