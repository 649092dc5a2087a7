import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLittlesLaw, type LittlesLawInput } from '../../../src/model/littles-law.js';
import { assertClose, assertInvalid } from './helpers.js';

const cases: {
  name: string;
  input: LittlesLawInput;
  expected: number;
  gap: number;
  consistent: boolean;
  evidence: RegExp;
}[] = [
  {
    name: '10,000 msg/s at 5 ms with 52 in flight is consistent',
    input: { measuredInFlight: 52, throughputMsgsPerSec: 10_000, meanLatencyUs: 5000 },
    expected: 50,
    gap: 0.04,
    consistent: true,
    evidence: new RegExp(
      String.raw`^Little's law: λ·W = 10,000 msg\/s × 5\.0 ms = 50\.0 in flight; ` +
        String.raw`measured mean 52\.0, gap 4\.0%, consistent \(within 20%\)$`,
    ),
  },
  {
    name: 'far more in flight than λ·W is inconsistent and blames the latency measurement',
    input: { measuredInFlight: 200, throughputMsgsPerSec: 10_000, meanLatencyUs: 5000 },
    expected: 50,
    gap: 3,
    consistent: false,
    evidence: /gap 300\.0%, inconsistent \(over 20%\): more in flight than λ·W explains/,
  },
  {
    name: 'fewer in flight than λ·W is inconsistent the other way',
    input: { measuredInFlight: 10, throughputMsgsPerSec: 10_000, meanLatencyUs: 5000 },
    expected: 50,
    gap: 0.8,
    consistent: false,
    evidence: /fewer in flight than λ·W explains/,
  },
  {
    name: 'a max phase below its in-flight limit points at producers that were not saturated',
    input: { measuredInFlight: 1000, inFlightSource: 'max', throughputMsgsPerSec: 50_000, meanLatencyUs: 10_000 },
    expected: 500,
    gap: 1,
    consistent: false,
    evidence: new RegExp(
      String.raw`measured max 1,000\.0, gap 100\.0%, inconsistent \(over 20%\): ` +
        String.raw`the producers did not keep their in-flight window full`,
    ),
  },
  {
    name: 'a 15% gap fails a 10% tolerance',
    input: { measuredInFlight: 57.5, throughputMsgsPerSec: 10_000, meanLatencyUs: 5000, tolerance: 0.1 },
    expected: 50,
    gap: 0.15,
    consistent: false,
    evidence: /inconsistent \(over 10%\)/,
  },
  {
    name: 'exactly at the tolerance is not consistent (the gap must be below it)',
    input: { measuredInFlight: 60, throughputMsgsPerSec: 10_000, meanLatencyUs: 5000 },
    expected: 50,
    gap: 0.2,
    consistent: false,
    evidence: /inconsistent/,
  },
];

for (const { name, input, expected, gap, consistent, evidence } of cases) {
  test(`Little's law: ${name}`, () => {
    const check = checkLittlesLaw(input);
    assertClose(check.expectedInFlight, expected, 1e-9, 'λ·W');
    assertClose(check.relativeGap, gap, 1e-9, 'gap');
    assert.equal(check.consistent, consistent);
    assert.equal(check.measuredInFlight, input.measuredInFlight);
    assert.match(check.evidence, evidence);
  });
}

const invalid: { name: string; input: LittlesLawInput; message: RegExp }[] = [
  {
    name: 'zero throughput',
    input: { measuredInFlight: 5, throughputMsgsPerSec: 0, meanLatencyUs: 1000 },
    message: /throughput λ \(msg\/s\) is 0; it must be a positive finite number/,
  },
  {
    name: 'a NaN latency',
    input: { measuredInFlight: 5, throughputMsgsPerSec: 100, meanLatencyUs: Number.NaN },
    message: /mean latency W \(µs\) is NaN/,
  },
  {
    name: 'a negative in-flight count',
    input: { measuredInFlight: -1, throughputMsgsPerSec: 100, meanLatencyUs: 1000 },
    message: /measured in-flight L is -1/,
  },
  {
    name: 'a zero tolerance',
    input: { measuredInFlight: 5, throughputMsgsPerSec: 100, meanLatencyUs: 1000, tolerance: 0 },
    message: /tolerance is 0/,
  },
];

for (const { name, input, message } of invalid) {
  test(`Little's law rejects ${name}`, () => assertInvalid(() => checkLittlesLaw(input), message));
}
