import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryLedger } from '../../../src/workers/delivery-ledger.js';

function lookup(ledger: DeliveryLedger, i: number) {
  return { intended: ledger.intendedOf(i), sent: ledger.sentOf(i), client: ledger.clientOf(i), seq: ledger.seqOf(i) };
}

test('each record gets the next index, and the index finds what was recorded', () => {
  const ledger = new DeliveryLedger(10);
  assert.equal(ledger.record(100.5, 101.25, 0, 0), 0);
  assert.equal(ledger.record(200, 250, 3, 7), 1);
  assert.equal(ledger.record(300, 301, 65_535, 2 ** 40), 2);
  assert.deepEqual(lookup(ledger, 0), { intended: 100.5, sent: 101.25, client: 0, seq: 0 });
  assert.deepEqual(lookup(ledger, 1), { intended: 200, sent: 250, client: 3, seq: 7 });
  assert.deepEqual(lookup(ledger, 2), { intended: 300, sent: 301, client: 65_535, seq: 2 ** 40 });
});

test('undo gives the refused message index to the next record', () => {
  const ledger = new DeliveryLedger(10);
  ledger.record(1, 1, 0, 0);
  assert.equal(ledger.record(2, 2, 1, 1), 1);
  ledger.undo();
  assert.equal(ledger.record(3, 4, 2, 5), 1);
  assert.deepEqual(lookup(ledger, 1), { intended: 3, sent: 4, client: 2, seq: 5 });
  assert.equal(ledger.record(5, 5, 0, 6), 2);
});

for (const { maxInFlight, capacity } of [
  { maxInFlight: 1, capacity: 1024 },
  { maxInFlight: 1024, capacity: 1024 },
  { maxInFlight: 1025, capacity: 2048 },
  { maxInFlight: 5000, capacity: 8192 },
  { maxInFlight: 1 << 24, capacity: 1 << 24 },
]) {
  test(`a ledger for ${maxInFlight} in flight holds ${capacity} entries`, () => {
    assert.equal(new DeliveryLedger(maxInFlight).capacity, capacity);
  });
}

test('past its capacity the ledger wraps around and keeps the latest entries', () => {
  const ledger = new DeliveryLedger(1024);
  const n = 1024 * 3 + 100;
  for (let i = 0; i < n; i++) assert.equal(ledger.record(i * 10, i * 10 + 1, i % 7, i), i);
  for (let i = n - 1024; i < n; i++)
    assert.deepEqual(lookup(ledger, i), { intended: i * 10, sent: i * 10 + 1, client: i % 7, seq: i }, `entry ${i}`);
  // An index older than the capacity lands on the entry that replaced it.
  assert.equal(ledger.seqOf(n - 1024 - 1), n - 1);
});

test('records count as in flight until settled; an undone record never was', () => {
  const ledger = new DeliveryLedger(10);
  ledger.record(1, 1, 0, 0);
  ledger.record(2, 2, 0, 1);
  ledger.record(3, 3, 0, 2);
  ledger.undo();
  assert.equal(ledger.inFlight, 2);
  ledger.settle();
  assert.equal(ledger.inFlight, 1);
});
