import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitPowerLaw, type PowerLawSpec } from '../../../src/model/power-law-fit.js';
import { assertClose, assertInvalid, logNormalNoise } from './helpers.js';

interface Run {
  producers: number;
  recordBytes: number;
  partitions: number;
  throughputMsgsPerSec: number;
}

const spec: PowerLawSpec<Run> = {
  response: { key: 'throughputMsgsPerSec', symbol: 'T' },
  terms: [
    { key: 'producers', symbol: 'N', exponent: 'a', predicted: 1 },
    { key: 'recordBytes', symbol: 'R', exponent: 'b', predicted: 1 },
    { key: 'partitions', symbol: 'K', exponent: 'd', predicted: -1 },
  ],
};

/** A full grid over N, R, K with T = c·N^a·R^b·K^d times relative noise of about `sd`. */
function sweep(truth: { c: number; a: number; b: number; d: number }, sd: number, seed: number): Run[] {
  const noise = logNormalNoise(seed, sd);
  const runs: Run[] = [];
  for (const producers of [1, 2, 4, 8]) {
    for (const recordBytes of [100, 1000, 10_000]) {
      for (const partitions of [1, 3, 12]) {
        const t = truth.c * producers ** truth.a * recordBytes ** truth.b * partitions ** truth.d * noise();
        runs.push({ producers, recordBytes, partitions, throughputMsgsPerSec: t });
      }
    }
  }
  return runs;
}

test('a noisy sweep of T = 50·N·R/K recovers every exponent and c, and each interval covers the truth', () => {
  const fit = fitPowerLaw(sweep({ c: 50, a: 1, b: 1, d: -1 }, 0.05, 1), spec);
  const truths = [1, 1, -1];
  fit.exponents.forEach((e, i) => {
    assertClose(e.estimate, truths[i] ?? NaN, 0.05, e.exponent);
    assert.ok(e.interval.low <= truths[i]! && truths[i]! <= e.interval.high, `${e.exponent} interval misses the truth`);
    assert.equal(e.holds, true);
  });
  assert.ok(fit.constant.interval.low <= 50 && 50 <= fit.constant.interval.high, 'c interval misses 50');
  assertClose(fit.constant.estimate, 50, 10, 'c');
  assertClose(fit.residualStandardError, 0.05, 0.02, 'residual standard error');
  assert.ok(fit.rSquared > 0.99);
  assert.equal(fit.n, 36);
  assert.equal(fit.degreesOfFreedom, 32);
  assert.equal(fit.holds, true);
  assert.equal(fit.formula, 'T = c·N^a·R^b·K^d');
  assert.match(fit.verdicts[0] ?? '', /^a = 1\.0\d \[0\.9\d, 1\.\d\d\]: consistent with T ∝ N$/);
  assert.match(fit.verdicts[2] ?? '', /: consistent with T ∝ 1\/K$/);
});

test('a false term is reported as not holding while the true ones still hold', () => {
  const fit = fitPowerLaw(sweep({ c: 2e4, a: 1, b: 0.2, d: -1 }, 0.05, 11), spec);
  const [a, b, d] = fit.exponents;
  assert.equal(a?.holds, true);
  assert.equal(b?.holds, false);
  assert.equal(d?.holds, true);
  assertClose(b?.estimate ?? NaN, 0.2, 0.05, 'b');
  assert.match(b?.verdict ?? '', /^b = 0\.\d\d \[0\.\d\d, 0\.\d\d\]: T does not scale with R \(predicted 1\)$/);
  assert.equal(fit.holds, false);
});

test('over many seeds the 95% interval covers the true exponent about 95% of the time', () => {
  // Eight points and four coefficients leave 4 degrees of freedom: a normal 1.96 would cover
  // only about 88%, so this checks that the t factor is used.
  let covered = 0;
  const trials = 400;
  for (let seed = 1; seed <= trials; seed++) {
    const noise = logNormalNoise(seed, 0.1);
    const runs: Run[] = [];
    for (const producers of [1, 4]) {
      for (const recordBytes of [100, 1000]) {
        for (const partitions of [2, 8]) {
          runs.push({
            producers,
            recordBytes,
            partitions,
            throughputMsgsPerSec: (10 * producers * recordBytes * noise()) / partitions,
          });
        }
      }
    }
    const a = fitPowerLaw(runs, spec).exponents[0];
    if (a !== undefined && a.interval.low <= 1 && 1 <= a.interval.high) covered++;
  }
  assert.ok(covered / trials > 0.91 && covered / trials < 0.99, `coverage ${covered / trials}`);
});

test('the worst residuals point at the run that was off, with its relative error', () => {
  const runs = sweep({ c: 50, a: 1, b: 1, d: -1 }, 0.01, 3);
  runs[5] = { ...runs[5]!, throughputMsgsPerSec: runs[5]!.throughputMsgsPerSec * 2 };
  const fit = fitPowerLaw(runs, { ...spec, worstResidualCount: 2 });
  assert.equal(fit.worstResiduals.length, 2);
  const worst = fit.worstResiduals[0];
  assert.equal(worst?.index, 5);
  assert.equal(worst?.observed, runs[5]?.throughputMsgsPerSec);
  assert.ok((worst?.relativeError ?? 0) > 0.8, `relative error ${worst?.relativeError}`);
  assertClose(worst!.observed / worst!.fitted - 1, worst!.relativeError, 1e-12, 'relative error');
});

test('a predictor marked fixed that never varies is dropped with a note and not tested', () => {
  const runs = sweep({ c: 50, a: 1, b: 1, d: -1 }, 0.02, 5).filter((r) => r.partitions === 3);
  const fixed = { ...spec, terms: spec.terms.map((t) => (t.key === 'partitions' ? { ...t, fixed: true } : t)) };
  const fit = fitPowerLaw(runs, fixed);
  assert.deepEqual(
    fit.exponents.map((e) => e.exponent),
    ['a', 'b'],
  );
  assert.deepEqual(fit.dropped, ['K']);
  assert.match(fit.notes[0] ?? '', /K \(partitions\) is 3 in every point and marked fixed: dropped from the fit/);
  assertClose(fit.constant.estimate, 50 / 3, 1, 'c absorbs 3^-1');
});

test('a predictor marked fixed that does vary is fitted anyway, with a note', () => {
  const fixed = { ...spec, terms: spec.terms.map((t) => (t.key === 'producers' ? { ...t, fixed: true } : t)) };
  const fit = fitPowerLaw(sweep({ c: 50, a: 1, b: 1, d: -1 }, 0.02, 5), fixed);
  assert.equal(fit.exponents.length, 3);
  assert.match(fit.notes[0] ?? '', /marked fixed but varies/);
});

test('a term without a prediction gets holds = null and a plain description', () => {
  const open = {
    ...spec,
    terms: spec.terms.map((t) =>
      t.key === 'recordBytes' ? { key: t.key, symbol: t.symbol, exponent: t.exponent } : t,
    ),
  };
  const fit = fitPowerLaw(sweep({ c: 2e4, a: 1, b: 0.5, d: -1 }, 0.02, 9), open);
  const b = fit.exponents[1];
  assert.equal(b?.predicted, null);
  assert.equal(b?.holds, null);
  assert.match(b?.verdict ?? '', /^b = 0\.\d\d \[.*\]: T ∝ R\^0\.\d\d$/);
  assert.equal(fit.holds, true);
});

const good = sweep({ c: 50, a: 1, b: 1, d: -1 }, 0.02, 1);
const degenerate: { name: string; runs: Run[]; message: RegExp }[] = [
  {
    name: 'a single point',
    runs: good.slice(0, 1),
    message: /too few points: 1 point\(s\) to fit c and 3 exponent\(s\) \(a, b, d\); need at least 5/,
  },
  {
    name: 'as many points as coefficients',
    runs: sweep({ c: 1, a: 1, b: 1, d: -1 }, 0, 1).filter((_, i) => [0, 4, 9, 14].includes(i)),
    message: /too few points: 4 point\(s\)/,
  },
  {
    name: 'a predictor the sweep did not vary',
    runs: good.filter((r) => r.partitions === 12),
    message: /zero variance in predictor K \(partitions\): it is 12 in every point, so the sweep did not vary it/,
  },
  {
    name: 'a zero throughput',
    runs: good.map((r, i) => (i === 4 ? { ...r, throughputMsgsPerSec: 0 } : r)),
    message: /point 4: T \(throughputMsgsPerSec\) is 0; a power-law fit takes logarithms/,
  },
  {
    name: 'a negative record size',
    runs: good.map((r, i) => (i === 2 ? { ...r, recordBytes: -100 } : r)),
    message: /point 2: R \(recordBytes\) is -100/,
  },
  {
    name: 'a NaN throughput',
    runs: good.map((r, i) => (i === 3 ? { ...r, throughputMsgsPerSec: Number.NaN } : r)),
    message: /point 3: T \(throughputMsgsPerSec\) is NaN/,
  },
  {
    name: 'partitions that move in lockstep with producers',
    runs: good.map((r) => ({ ...r, partitions: 2 * r.producers })),
    message: /singular matrix: ln K \(partitions\)/,
  },
];

for (const { name, runs, message } of degenerate) {
  test(`the power-law fit rejects ${name} with a clear message`, () => {
    assertInvalid(() => fitPowerLaw(runs, spec), message);
  });
}

test('a point missing a field is named in the error', () => {
  const runs = good.map((r, i) =>
    i === 1 ? ({ producers: 1, recordBytes: 100, throughputMsgsPerSec: 5 } as unknown as Run) : r,
  );
  assertInvalid(() => fitPowerLaw(runs, spec), /point 1: K \(partitions\) is missing/);
});
