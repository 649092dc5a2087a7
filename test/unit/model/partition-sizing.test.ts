import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sizePartitions,
  type PartitionSizing,
  type PartitionSizingInput,
} from '../../../src/model/partition-sizing.js';
import { assertInvalid } from './helpers.js';

const cases: { name: string; input: PartitionSizingInput; expected: Omit<PartitionSizing, 'evidence'> }[] = [
  {
    name: '100,000 msg/s with p = 10,000 and c = 25,000 needs 10 partitions, set by the producers',
    input: { target: 100_000, perPartitionProducer: 10_000, perPartitionConsumer: 25_000, unit: 'msg/s' },
    expected: { partitions: 10, byProducer: 10, byConsumer: 4, limitedBy: 'producer' },
  },
  {
    name: '300 MB/s with p = 40 and c = 25 MB/s needs 12 partitions, set by the consumers',
    input: { target: 300, perPartitionProducer: 40, perPartitionConsumer: 25, unit: 'MB/s' },
    expected: { partitions: 12, byProducer: 8, byConsumer: 12, limitedBy: 'consumer' },
  },
  {
    name: 'a fraction of a partition rounds up to a whole one',
    input: { target: 101, perPartitionProducer: 10, perPartitionConsumer: 20, unit: 'MB/s' },
    expected: { partitions: 11, byProducer: 11, byConsumer: 6, limitedBy: 'producer' },
  },
  {
    name: 'floating-point noise in an exact ratio does not cost an extra partition',
    input: { target: 3, perPartitionProducer: 0.1, perPartitionConsumer: 0.1, unit: 'MB/s' },
    expected: { partitions: 30, byProducer: 30, byConsumer: 30, limitedBy: 'both' },
  },
  {
    name: 'a target below one partition still needs one',
    input: { target: 5, perPartitionProducer: 1000, perPartitionConsumer: 2000, unit: 'msg/s' },
    expected: { partitions: 1, byProducer: 1, byConsumer: 1, limitedBy: 'both' },
  },
];

for (const { name, input, expected } of cases) {
  test(`partition sizing: ${name}`, () => {
    const { evidence, ...numbers } = sizePartitions(input);
    assert.deepEqual(numbers, expected);
    assert.ok(evidence.startsWith(`${expected.partitions} partitions: `), evidence);
  });
}

test('the evidence shows both divisions and which side decides', () => {
  const sizing = sizePartitions({
    target: 100_000,
    perPartitionProducer: 10_000,
    perPartitionConsumer: 25_000,
    unit: 'msg/s',
  });
  assert.equal(
    sizing.evidence,
    '10 partitions: target 100,000 msg/s / producer 10,000 msg/s per partition = 10.00 → 10; ' +
      '/ consumer 25,000 msg/s per partition = 4.00 → 4; producers decide',
  );
});

const invalid: { name: string; input: PartitionSizingInput; message: RegExp }[] = [
  {
    name: 'a zero target',
    input: { target: 0, perPartitionProducer: 1, perPartitionConsumer: 1, unit: 'msg/s' },
    message: /target throughput is 0; it must be a positive finite number/,
  },
  {
    name: 'a negative producer rate',
    input: { target: 10, perPartitionProducer: -5, perPartitionConsumer: 1, unit: 'msg/s' },
    message: /per-partition producer throughput p is -5/,
  },
  {
    name: 'a zero consumer rate',
    input: { target: 10, perPartitionProducer: 5, perPartitionConsumer: 0, unit: 'MB/s' },
    message: /per-partition consumer throughput c is 0/,
  },
  {
    name: 'a NaN target',
    input: { target: Number.NaN, perPartitionProducer: 5, perPartitionConsumer: 5, unit: 'MB/s' },
    message: /target throughput is NaN/,
  },
];

for (const { name, input, message } of invalid) {
  test(`partition sizing rejects ${name}`, () => assertInvalid(() => sizePartitions(input), message));
}
