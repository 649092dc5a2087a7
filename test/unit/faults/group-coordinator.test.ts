import assert from 'node:assert/strict';
import { test } from 'node:test';
import { javaStringHashCode, kafkaAbs, offsetsPartitionFor } from '../../../src/faults/group-coordinator.js';

// Each value printed by Java 17 (`System.out.println(s.hashCode())`), not computed by the code under test.
const javaHashes: [string, number][] = [
  ['', 0],
  ['a', 97],
  ['abc', 96354],
  ['readers', 1080410128],
  ['broker-failure-group', 883762568],
  ['polygenelubricants', -2147483648],
  ['héllo wörld ✓', 1283059084],
  ['😀', 1772899],
];

test("javaStringHashCode matches Java's String.hashCode, over UTF-16 code units", () => {
  for (const [text, hash] of javaHashes) assert.equal(javaStringHashCode(text), hash, JSON.stringify(text));
});

test("kafkaAbs maps Integer.MIN_VALUE to 0, like Kafka's Utils.abs", () => {
  assert.equal(kafkaAbs(-2147483648), 0);
  assert.equal(kafkaAbs(-5), 5);
  assert.equal(kafkaAbs(7), 7);
});

test('a group lands on abs(hashCode) % partitions of __consumer_offsets', () => {
  assert.equal(offsetsPartitionFor('readers', 10), 8);
  assert.equal(offsetsPartitionFor('broker-failure-group', 10), 8);
  assert.equal(offsetsPartitionFor('polygenelubricants', 50), 0);
});
