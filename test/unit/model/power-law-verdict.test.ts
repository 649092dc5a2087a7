import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatExponent,
  formatSignificant,
  proportionality,
  termVerdict,
  type TermVerdictInput,
} from '../../../src/model/power-law-verdict.js';

function input(
  exponent: string,
  symbol: string,
  estimate: number,
  low: number,
  high: number,
  predicted: number | null,
): TermVerdictInput {
  const holds = predicted === null ? null : predicted >= low && predicted <= high;
  return { response: 'T', symbol, exponent, estimate, interval: { low, high }, predicted, holds };
}

const cases: { name: string; input: TermVerdictInput; verdict: string }[] = [
  {
    name: 'a prediction inside the interval',
    input: input('a', 'N', 0.94, 0.81, 1.07, 1),
    verdict: 'a = 0.94 [0.81, 1.07]: consistent with T ∝ N',
  },
  {
    name: 'a prediction far outside the interval',
    input: input('b', 'R', 0.21, 0.15, 0.27, 1),
    verdict: 'b = 0.21 [0.15, 0.27]: T does not scale with R (predicted 1)',
  },
  {
    name: 'an inverse prediction that holds',
    input: input('d', 'K', -0.98, -1.1, -0.9, -1),
    verdict: 'd = -0.98 [-1.10, -0.90]: consistent with T ∝ 1/K',
  },
  {
    name: 'an inverse prediction with no measurable effect',
    input: input('d', 'K', 0.03, -0.05, 0.11, -1),
    verdict: 'd = 0.03 [-0.05, 0.11]: T does not scale with 1/K (predicted -1); no measurable effect of K',
  },
  {
    name: 'a prediction just outside a tight interval',
    input: input('a', 'N', 1.02, 1.004, 1.04, 1),
    verdict:
      'a = 1.02 [1.00, 1.04]: T does not scale with N (predicted 1); ' +
      'close, but the sweep is precise enough to tell them apart',
  },
  {
    name: 'a prediction inside a very wide interval',
    input: input('a', 'N', 0.7, -0.4, 1.8, 1),
    verdict: 'a = 0.70 [-0.40, 1.80]: consistent with T ∝ N, but the interval is too wide to confirm it',
  },
  {
    name: 'a prediction of no effect that fails',
    input: input('b', 'R', 0.5, 0.4, 0.6, 0),
    verdict: 'b = 0.50 [0.40, 0.60]: T depends on R (predicted 0)',
  },
  {
    name: 'a prediction of no effect that holds',
    input: input('b', 'R', 0.01, -0.05, 0.07, 0),
    verdict: 'b = 0.01 [-0.05, 0.07]: consistent with T independent of R',
  },
  {
    name: 'no prediction and a clear effect',
    input: input('b', 'R', 0.5123, 0.45, 0.57, null),
    verdict: 'b = 0.51 [0.45, 0.57]: T ∝ R^0.51',
  },
  {
    name: 'no prediction and no effect',
    input: input('b', 'R', -0.004, -0.05, 0.04, null),
    verdict: 'b = 0.00 [-0.05, 0.04]: no measurable effect of R on T',
  },
];

for (const { name, input: given, verdict } of cases) {
  test(`the verdict for ${name} reads "${verdict}"`, () => {
    assert.equal(termVerdict(given), verdict);
  });
}

test('proportionality names whole and fractional exponents the way people write them', () => {
  assert.equal(proportionality('L', 'R', -1), 'L ∝ 1/R');
  assert.equal(proportionality('T', 'N', 0.5), 'T ∝ N^0.50');
  assert.equal(proportionality('T', 'N', 2), 'T ∝ N^2');
});

test('numbers keep two decimals for exponents and three significant digits for constants', () => {
  assert.equal(formatExponent(-0.001), '0.00');
  assert.equal(formatExponent(-1), '-1.00');
  assert.equal(formatSignificant(1_234_567), '1,230,000');
  assert.equal(formatSignificant(0.000123456), '0.000123');
  assert.equal(formatSignificant(Infinity), 'Infinity');
});
