import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invertSymmetricPositive, leastSquares } from '../../../src/model/linear-algebra.js';
import { assertClose, assertInvalid, gaussian } from './helpers.js';

test('a noiseless line y = 2 + 3x is recovered exactly with R² = 1', () => {
  const xs = [0, 1, 2, 3, 4];
  const fit = leastSquares(
    xs.map((x) => [1, x]),
    xs.map((x) => 2 + 3 * x),
  );
  assertClose(fit.coefficients[0] ?? NaN, 2, 1e-12, 'intercept');
  assertClose(fit.coefficients[1] ?? NaN, 3, 1e-12, 'slope');
  assertClose(fit.rSquared, 1, 1e-12, 'R²');
  assert.ok(fit.residuals.every((r) => Math.abs(r) < 1e-12));
  assert.equal(fit.degreesOfFreedom, 3);
});

test('the slope standard error matches the textbook sqrt(σ²/Sxx) for a simple regression', () => {
  const xs = [1, 2, 3, 4, 5, 6];
  const ys = [1.1, 1.9, 3.2, 3.9, 5.3, 5.8];
  const fit = leastSquares(
    xs.map((x) => [1, x]),
    ys,
  );
  const meanX = 3.5;
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const sse = fit.residuals.reduce((sum, r) => sum + r * r, 0);
  assertClose(fit.residualVariance, sse / 4, 1e-12, 'σ²');
  assertClose(Math.sqrt(fit.covariance[1]?.[1] ?? NaN), Math.sqrt(fit.residualVariance / sxx), 1e-12, 'se(slope)');
  assertClose(fit.fitted[0] ?? NaN, ys[0]! - fit.residuals[0]!, 1e-12, 'fitted + residual');
});

test('three predictors with seeded noise are recovered within a few standard errors', () => {
  const noise = gaussian(42);
  const rows: number[][] = [];
  const ys: number[] = [];
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) {
      for (let c = 0; c < 3; c++) {
        rows.push([1, a, b * b, c - a]);
        ys.push(5 + 1.5 * a - 0.5 * b * b + 2 * (c - a) + 0.1 * noise());
      }
    }
  }
  const fit = leastSquares(rows, ys);
  [5, 1.5, -0.5, 2].forEach((truth, j) => {
    const se = Math.sqrt(fit.covariance[j]?.[j] ?? NaN);
    assertClose(fit.coefficients[j] ?? NaN, truth, 4 * se, `β${j}`);
  });
  assert.ok(fit.rSquared > 0.99);
});

test('the inverse of a symmetric positive matrix times the matrix is the identity', () => {
  const a = [
    [4, 2, 0.6],
    [2, 5, 1],
    [0.6, 1, 3],
  ];
  const inverse = invertSymmetricPositive(a);
  a.forEach((row, i) => {
    inverse.forEach((_, j) => {
      const product = row.reduce((sum, v, k) => sum + v * (inverse[k]?.[j] ?? NaN), 0);
      assertClose(product, i === j ? 1 : 0, 1e-12, `(A·A⁻¹)[${i}][${j}]`);
    });
  });
});

const degenerate: { name: string; x: number[][]; y: number[]; names?: string[]; message: RegExp }[] = [
  { name: 'one point', x: [[1, 2]], y: [3], message: /too few points: 1 point\(s\) for 2 coefficient\(s\)/ },
  {
    name: 'as many points as coefficients',
    x: [
      [1, 1],
      [1, 2],
    ],
    y: [1, 2],
    message: /too few points/,
  },
  {
    name: 'a column that copies another',
    x: [
      [1, 2, 2],
      [1, 3, 3],
      [1, 5, 5],
      [1, 7, 7],
    ],
    y: [1, 2, 3, 4],
    names: ['1', 'ln N', 'ln K'],
    message: /singular matrix: ln K/,
  },
  {
    name: 'a constant column beside the intercept',
    x: [
      [1, 4],
      [1, 4],
      [1, 4],
    ],
    y: [1, 2, 3],
    message: /singular matrix: column 2/,
  },
  {
    name: 'an all-zero column',
    x: [
      [1, 0],
      [1, 0],
      [1, 0],
    ],
    y: [1, 2, 3],
    message: /singular matrix/,
  },
  {
    name: 'a NaN in X',
    x: [
      [1, 1],
      [1, Number.NaN],
      [1, 3],
    ],
    y: [1, 2, 3],
    message: /row 1 contains a NaN/,
  },
  {
    name: 'a NaN in y',
    x: [
      [1, 1],
      [1, 2],
      [1, 3],
    ],
    y: [1, Number.NaN, 3],
    message: /row 1 contains a NaN/,
  },
  {
    name: 'rows and values of different counts',
    x: [
      [1, 1],
      [1, 2],
    ],
    y: [1, 2, 3],
    message: /X has 2 rows but y has 3 values/,
  },
  { name: 'no rows at all', x: [], y: [], message: /empty/ },
];

for (const { name, x, y, names, message } of degenerate) {
  test(`least squares rejects ${name} with a clear message`, () => {
    assertInvalid(() => leastSquares(x, y, names), message);
  });
}
