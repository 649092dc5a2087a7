import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeStamp, encodeStamp, type Stamp } from '../../../src/workers/stamp.js';

const stamp: Stamp = {
  runId: 1_723_456_789,
  phaseIndex: 2,
  producerId: 5,
  seq: 123_456,
  intendedMonoUs: 98_765_432_100,
  intendedWallUs: 1_723_456_789_000_000,
  clockDomainId: 3_000_000_001,
};

test('a stamp survives encode then decode unchanged', () => {
  assert.deepEqual(decodeStamp(encodeStamp(stamp)), stamp);
});

test('an encoded stamp is version 2 followed by the fields separated by |', () => {
  assert.equal(encodeStamp(stamp), '2|1723456789|2|5|123456|98765432100|1723456789000000|3000000001');
});

test('encoding rounds fractional intended times to whole microseconds', () => {
  const decoded = decodeStamp(encodeStamp({ ...stamp, intendedMonoUs: 10.6, intendedWallUs: 20.4 }));
  assert.equal(decoded?.intendedMonoUs, 11);
  assert.equal(decoded?.intendedWallUs, 20);
});

for (const { why, text } of [
  { why: 'a wrong version', text: '1|1|0|0|0|0|0|7' },
  { why: 'no version', text: '|1|0|0|0|0|0|7' },
  { why: 'too few fields', text: '2|1|0|0|0|0|0' },
  { why: 'too many fields', text: '2|1|0|0|0|0|0|7|extra' },
  { why: 'a non-numeric run id', text: '2|run|0|0|0|0|0|7' },
  { why: 'a non-numeric sequence number', text: '2|1|0|0|seven|0|0|7' },
  { why: 'a non-numeric intended time', text: '2|1|0|0|0|NaN|0|7' },
  { why: 'an infinite intended time', text: '2|1|0|0|0|0|Infinity|7' },
  { why: 'an empty string', text: '' },
  { why: 'text from another tool', text: '{"traceId":"abc"}' },
]) {
  test(`decode rejects a stamp with ${why}`, () => {
    assert.equal(decodeStamp(text), null);
  });
}

test('decode rejects a stamp with an empty numeric field', () => {
  assert.equal(decodeStamp('2||0|0|0|0|0|7'), null);
});
