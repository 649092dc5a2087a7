import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, editDistance } from '../../../src/scenario/did-you-mean.js';

test('edit distance counts inserts, deletes, substitutions and swaps as one edit each', () => {
  const cases: [string, string, number][] = [
    ['partitions', 'partitions', 0],
    ['partiton', 'partitions', 2],
    ['tpoic', 'topic', 1],
    ['count', 'cont', 1],
    ['rate', 'name', 2],
    ['', 'abc', 3],
  ];
  for (const [a, b, expected] of cases) assert.equal(editDistance(a, b), expected, `${a} -> ${b}`);
});

test('did-you-mean suggests the closest known key for a typo', () => {
  assert.equal(didYouMean('partiton', ['name', 'partitions', 'replicationFactor', 'configs']), 'partitions');
  assert.equal(didYouMean('replicationfactor', ['name', 'partitions', 'replicationFactor']), 'replicationFactor');
  assert.equal(didYouMean('tpoic', ['topic', 'count', 'threads']), 'topic');
});

test('did-you-mean stays silent when nothing is close, or the word is too short to guess', () => {
  assert.equal(didYouMean('colour', ['name', 'partitions']), undefined);
  assert.equal(didYouMean('rate', ['name', 'type', 'duration', 'maxInFlight']), undefined);
});
