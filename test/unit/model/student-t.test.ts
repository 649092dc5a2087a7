import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regularizedIncompleteBeta, studentTCdf, studentTQuantile, tCritical } from '../../../src/model/student-t.js';
import { assertClose, assertInvalid } from './helpers.js';

// Two-sided critical values from standard tables (R: qt(1 − α/2, ν)).
const table: { confidence: number; nu: number; t: number }[] = [
  { confidence: 0.95, nu: 1, t: 12.7062047 },
  { confidence: 0.95, nu: 2, t: 4.3026527 },
  { confidence: 0.95, nu: 3, t: 3.1824463 },
  { confidence: 0.95, nu: 5, t: 2.5705818 },
  { confidence: 0.95, nu: 10, t: 2.2281389 },
  { confidence: 0.95, nu: 30, t: 2.0422725 },
  { confidence: 0.95, nu: 1e6, t: 1.959966 },
  { confidence: 0.99, nu: 10, t: 3.1692727 },
  { confidence: 0.9, nu: 5, t: 2.0150484 },
  // Non-integer ν, checked by integrating the density with Simpson's rule.
  { confidence: 0.95, nu: 2.5, t: 3.5746548 },
];

for (const { confidence, nu, t } of table) {
  test(`the ${confidence * 100}% two-sided t factor for ν = ${nu} is ${t}`, () => {
    assertClose(tCritical(confidence, nu), t, 1e-4, `t(${confidence}, ${nu})`);
  });
}

test('the t factor approaches the normal 1.960 as ν grows', () => {
  assertClose(tCritical(0.95, 1e7), 1.959964, 1e-5, 't(0.95, 1e7)');
  assert.ok(tCritical(0.95, 100) > tCritical(0.95, 1000));
});

test('quantiles for ν = 1 and ν = 2 match their closed forms', () => {
  for (const p of [0.51, 0.6, 0.75, 0.9, 0.99, 0.999]) {
    assertClose(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-6, `Cauchy q(${p})`);
    assertClose(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-8, `ν=2 q(${p})`);
  }
});

test('the CDF is symmetric about zero and inverts the quantile', () => {
  for (const nu of [1, 4, 17]) {
    for (const t of [0.3, 1.7, 4]) {
      assertClose(studentTCdf(-t, nu), 1 - studentTCdf(t, nu), 1e-12, `symmetry at ${t}`);
    }
    assertClose(studentTCdf(studentTQuantile(0.975, nu), nu), 0.975, 1e-10, `round trip ν=${nu}`);
    assertClose(studentTQuantile(0.025, nu), -studentTQuantile(0.975, nu), 1e-10, `lower tail ν=${nu}`);
  }
  assert.equal(studentTCdf(0, 3), 0.5);
  assert.equal(studentTQuantile(0.5, 3), 0);
});

test('the incomplete beta matches its closed forms', () => {
  for (const x of [0, 0.1, 0.37, 0.8, 1]) {
    assertClose(regularizedIncompleteBeta(x, 1, 1), x, 1e-12, `I_${x}(1,1)`);
    assertClose(regularizedIncompleteBeta(x, 3, 1), x ** 3, 1e-12, `I_${x}(3,1)`);
    assertClose(regularizedIncompleteBeta(x, 1, 2.5), 1 - (1 - x) ** 2.5, 1e-12, `I_${x}(1,2.5)`);
  }
  assertClose(regularizedIncompleteBeta(0.5, 7.5, 7.5), 0.5, 1e-12, 'I_0.5(a,a)');
});

const invalid: { name: string; run: () => unknown; message: RegExp }[] = [
  {
    name: 'zero degrees of freedom',
    run: () => tCritical(0.95, 0),
    message: /degrees of freedom must be a positive finite number \(got 0\)/,
  },
  { name: 'NaN degrees of freedom', run: () => tCritical(0.95, Number.NaN), message: /degrees of freedom/ },
  { name: 'infinite degrees of freedom', run: () => studentTCdf(1, Infinity), message: /degrees of freedom/ },
  { name: 'a confidence of 1', run: () => tCritical(1, 5), message: /confidence must be strictly between 0 and 1/ },
  { name: 'a confidence given in percent', run: () => tCritical(95, 5), message: /confidence/ },
  { name: 'a probability of 0', run: () => studentTQuantile(0, 5), message: /probability strictly between 0 and 1/ },
  { name: 'a NaN t', run: () => studentTCdf(Number.NaN, 5), message: /NaN/ },
  { name: 'x outside [0, 1]', run: () => regularizedIncompleteBeta(1.5, 1, 1), message: /0 ≤ x ≤ 1/ },
];

for (const { name, run, message } of invalid) {
  test(`Student t rejects ${name}`, () => assertInvalid(run, message));
}
