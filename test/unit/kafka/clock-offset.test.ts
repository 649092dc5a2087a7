import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateClockOffset, type ClockOffset, type ClockProbe } from '../../../src/kafka/clock-offset.js';

const START_US = 1_700_000_000_000_000;

/** A probe sent at sendWallUs that reached the broker after outUs and came back after backUs. */
function probe(trueOffsetUs: number, sendWallUs: number, outUs: number, backUs: number): ClockProbe {
  const appendWallUs = sendWallUs + outUs;
  return {
    sendWallUs,
    ackWallUs: appendWallUs + backUs,
    brokerTimestampMs: Math.floor((appendWallUs + trueOffsetUs) / 1000),
  };
}

function assertHolds(estimate: ClockOffset, trueOffsetUs: number): void {
  const errorUs = Math.abs(estimate.offsetUs - trueOffsetUs);
  assert.ok(errorUs <= estimate.boundUs, `|${estimate.offsetUs} - ${trueOffsetUs}| = ${errorUs} > ${estimate.boundUs}`);
}

test('symmetric delays recover a known offset within the bound', () => {
  const trueOffsetUs = 2_345_678;
  const probes = Array.from({ length: 20 }, (_, i) => probe(trueOffsetUs, START_US + i * 10_000 + i * 37, 1500, 1500));
  const estimate = estimateClockOffset(probes);
  assert.equal(estimate.method, 'intersection');
  assert.equal(estimate.probes, 20);
  assertHolds(estimate, trueOffsetUs);
  assert.ok(estimate.boundUs <= 2000, `bound ${estimate.boundUs} µs`);
});

test('asymmetric delays still hold the offset within the bound, which grows to cover them', () => {
  const trueOffsetUs = 750_000;
  const probes = Array.from({ length: 20 }, (_, i) => probe(trueOffsetUs, START_US + i * 9_973, 200, 4800));
  const estimate = estimateClockOffset(probes);
  assertHolds(estimate, trueOffsetUs);
  assert.ok(estimate.boundUs >= 2000, 'a one-sided delay cannot be told from an offset, so the bound admits it');
});

test('one low-delay probe shrinks the bound', () => {
  const trueOffsetUs = 123_456;
  const slow = Array.from({ length: 10 }, (_, i) => probe(trueOffsetUs, START_US + i * 20_000, 5000, 5000));
  const withFast = [...slow, probe(trueOffsetUs, START_US + 300_000, 100, 100)];
  const before = estimateClockOffset(slow);
  const after = estimateClockOffset(withFast);
  assertHolds(before, trueOffsetUs);
  assertHolds(after, trueOffsetUs);
  assert.ok(after.boundUs < before.boundUs, `${after.boundUs} µs < ${before.boundUs} µs`);
  assert.ok(after.boundUs <= 700, 'a 200 µs round trip and a 1 ms tick bound the offset to 600 µs');
});

test('a single probe gives its own window: the round trip plus the broker tick', () => {
  const estimate = estimateClockOffset([{ sendWallUs: 10_000, ackWallUs: 12_000, brokerTimestampMs: 111 }]);
  assert.deepEqual(estimate, { offsetUs: 100_500, boundUs: 1500, probes: 1, method: 'intersection' });
});

test('probes that contradict each other fall back to the probe with the shortest round trip', () => {
  const before = probe(0, START_US, 300, 300);
  const fast = probe(0, START_US + 10_000, 100, 100);
  const stepped = probe(5_000_000, START_US + 20_000, 2000, 2000);
  const estimate = estimateClockOffset([before, stepped, fast]);
  assert.equal(estimate.method, 'min-delay');
  assert.equal(estimate.probes, 3);
  assert.equal(estimate.boundUs, 600, 'half the 200 µs round trip plus half the broker tick');
  assertHolds(estimate, 0);
});

test('a negative offset (our clock ahead of the broker) is recovered with its sign', () => {
  const trueOffsetUs = -4_321_987;
  const probes = Array.from({ length: 20 }, (_, i) => probe(trueOffsetUs, START_US + i * 7_919, 300 + i * 50, 700));
  const estimate = estimateClockOffset(probes);
  assert.equal(estimate.method, 'intersection');
  assert.ok(estimate.offsetUs < 0);
  assertHolds(estimate, trueOffsetUs);
});

test('zero probes is a RangeError that says so', () => {
  assert.throws(() => estimateClockOffset([]), { name: 'RangeError', message: /at least one probe/ });
});

test('a probe acknowledged before it was sent is a RangeError naming the probe', () => {
  const probes = [
    probe(0, START_US, 100, 100),
    { sendWallUs: START_US + 500, ackWallUs: START_US, brokerTimestampMs: 1 },
  ];
  assert.throws(() => estimateClockOffset(probes), { name: 'RangeError', message: /clock probe 1: .*stepped back/ });
});
