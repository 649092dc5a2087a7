import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSweepModels } from '../../../src/sweep/sweep-models.js';
import { gridPoints, modelPoint } from './fabricated-points.js';

test('a grid that follows T = N×R/K is judged to hold, with a, b, d near 1, 1, -1', () => {
  const models = buildSweepModels(
    gridPoints((n, r, k) => (50 * n * r) / k),
    null,
  );
  const t = models.throughput;
  assert.ok(t.checked);
  assert.equal(t.holds, true);
  const byName = Object.fromEntries(t.fit.exponents.map((e) => [e.exponent, e.estimate]));
  assert.ok(
    Math.abs(byName['a']! - 1) < 0.05 && Math.abs(byName['b']! - 1) < 0.05 && Math.abs(byName['d']! + 1) < 0.05,
  );
  assert.ok(t.fit.rSquared > 0.99);
  assert.match(t.lines[0]!, /^T = N×R\/K: holds for a, b, d/);
  assert.deepEqual(t.pointIndices, [...Array(12).keys()]);
  const bytes = models.throughputBytes;
  assert.ok(bytes.checked);
  assert.equal(bytes.holds, true, 'T_bytes = T×R then follows N×R²/K');
});

test('a grid where only producers matter refutes T = N×R/K for b and d and says so', () => {
  const models = buildSweepModels(
    gridPoints((n) => 20_000 * n ** 0.8),
    null,
  );
  const t = models.throughput;
  assert.ok(t.checked);
  assert.equal(t.holds, false);
  assert.match(t.lines[0]!, /does not hold at 95% \(a, b, d off\)|does not hold at 95% \(b, d off\)/);
  assert.ok(t.lines.some((l) => l.startsWith('b = ') && /does not scale with R/.test(l)));
});

test('a dimension the sweep did not vary is left out of the fit and named, not a failure', () => {
  const points = gridPoints((n, r) => 10 * n * r, { producers: [1, 2, 4], messageBytes: [100, 1000], partitions: [3] });
  const t = buildSweepModels(points, null).throughput;
  assert.ok(t.checked);
  assert.deepEqual(t.fit.dropped, ['K']);
  assert.ok(t.lines.some((l) => /not tested: d \(held fixed\)|K \(partitions\) is 3 in every point/.test(l)));
});

test("too few points for a fit is reported as not checked, with the model layer's reason", () => {
  const points = gridPoints((n) => 1000 * n, { producers: [1, 2], messageBytes: [100], partitions: [1] });
  const t = buildSweepModels(points, null).throughput;
  assert.equal(t.checked, false);
  assert.ok(!t.checked && /too few points: 2 point\(s\)/.test(t.reason), !t.checked ? t.reason : '');
});

test('L = S/R is fitted to the publish p50 and E = T/S to the stored bytes', () => {
  const points = gridPoints((n, r, k) => (50 * n * r) / k).map((p) => ({
    ...p,
    // ±3% so the fit has residuals: a perfect fit has a zero-width interval that excludes even -1.
    measurement: {
      ...p.measurement,
      publishP50Us: (5e6 / p.parameters.messageBytes) * (1 + 0.03 * Math.cos(p.parameters.index * 1.9)),
    },
  }));
  const models = buildSweepModels(points, null);
  assert.match(models.latencyMeasure, /publish p50/);
  assert.ok(models.latency.checked);
  assert.equal(models.latency.holds, true);
  assert.ok(models.efficiency.checked);
  assert.match(models.efficiency.measures, /bytes of the topic's log segments from the measured phase's first offsets/);
});

test("E cannot be checked without the brokers' log dirs, and the reason is the one given", () => {
  const reason = 'the cluster was given with --brokers';
  const e = buildSweepModels(
    gridPoints((n) => 1000 * n),
    reason,
  ).efficiency;
  assert.deepEqual(e, { checked: false, seed: 'E = T/S', measures: e.measures, reason });
  const missing = gridPoints((n) => 1000 * n);
  missing[2] = modelPoint({ producers: 1, messageBytes: 1000, partitions: 1, throughput: 900, logBytes: null }, 2);
  const e2 = buildSweepModels(missing, null).efficiency;
  assert.ok(!e2.checked && /no stored bytes were measured for point\(s\) #2/.test(e2.reason));
});

test("Little's law compares the max phase's in-flight bound × N with throughput × mean publish latency", () => {
  const consistent = modelPoint(
    { producers: 2, messageBytes: 100, partitions: 1, throughput: 20_000, meanUs: 100_000, maxInFlight: 1000 },
    0,
  );
  const short = modelPoint(
    { producers: 1, messageBytes: 100, partitions: 1, throughput: 20_000, meanUs: 10_000, maxInFlight: 1000 },
    1,
  );
  const paced = modelPoint(
    { producers: 1, messageBytes: 100, partitions: 1, throughput: 1000, phaseType: 'constant', maxInFlight: null },
    2,
  );
  const [a, b, c] = buildSweepModels([consistent, short, paced], null).littlesLaw;
  assert.ok(a!.checked && a!.consistent && a!.expectedInFlight === 2000 && a!.measuredInFlight === 2000);
  assert.ok(b!.checked && !b!.consistent && Math.abs(b!.relativeGap - 4) < 1e-9);
  assert.ok(!c!.checked && /constant, not max/.test(c!.reason));
});

test('the USL is fitted per group of points that differ only in producers, when N takes 3 or more values', () => {
  const usl = (n: number) => (10_000 * n) / (1 + 0.1 * (n - 1) + 0.01 * n * (n - 1));
  const points = gridPoints((n) => usl(n), { producers: [1, 2, 4, 8], messageBytes: [100], partitions: [1, 4] });
  const { fits, notFitted } = buildSweepModels(points, null).usl;
  assert.equal(fits.length, 2);
  assert.deepEqual(notFitted, []);
  assert.deepEqual(fits[0]!.group, { messageBytes: 100, partitions: 1, acks: null, compression: null, lingerMs: null });
  assert.deepEqual(fits[0]!.pointIndices, [0, 2, 4, 6]);
  assert.ok(Math.abs(fits[0]!.sigma - 0.1) < 0.05 && fits[0]!.kappa > 0 && fits[0]!.peakProducers !== null);
});

test('the USL is not fitted when producers takes fewer than 3 values, and says why', () => {
  const { fits, notFitted } = buildSweepModels(
    gridPoints((n) => 1000 * n, { producers: [1, 2], messageBytes: [100, 1000], partitions: [1, 4] }),
    null,
  ).usl;
  assert.deepEqual(fits, []);
  assert.deepEqual(notFitted, [
    {
      group: null,
      reason: 'producers takes 2 value(s) (1, 2); the USL needs at least 3 to separate contention from coherency',
    },
  ]);
});

test("partition sizing inputs are T/K per point, in msg/s and MB/s, with the consumers' share", () => {
  const sizing = buildSweepModels(
    [modelPoint({ producers: 2, messageBytes: 1000, partitions: 4, throughput: 40_000, consumed: 36_000 }, 0)],
    null,
  ).partitionSizing;
  assert.deepEqual(sizing, [
    {
      pointIndex: 0,
      partitions: 4,
      perPartitionProducerMsgsPerSec: 10_000,
      perPartitionProducerMBPerSec: 10,
      perPartitionConsumerMsgsPerSec: 9_000,
    },
  ]);
});

test('points that failed or measured nothing are left out of every fit', () => {
  const points = gridPoints((n, r, k) => (50 * n * r) / k);
  points.push(modelPoint({ producers: 1, messageBytes: 100, partitions: 1, throughput: 0, status: 'failed' }, 12));
  const models = buildSweepModels(points, null);
  assert.ok(models.throughput.checked && models.throughput.fit.n === 12);
  assert.equal(models.partitionSizing.length, 12);
  const last = models.littlesLaw[12]!;
  assert.ok(!last.checked && /did not complete/.test(last.reason));
});

test('points on clusters of several sizes add B^e to the throughput fits, fitted without a prediction', () => {
  // T = 5,000 · N^0.9 · B^0.6 with a ±1% wobble; R and K held.
  const rows = [1, 2, 4].flatMap((producers) =>
    [1, 3, 5].map((brokers, j) => ({
      producers,
      messageBytes: 100,
      partitions: 2,
      brokers,
      throughput: 5_000 * producers ** 0.9 * brokers ** 0.6 * (1 + 0.01 * Math.sin(producers * 3 + j)),
    })),
  );
  const models = buildSweepModels(rows.map(modelPoint), null);
  for (const model of [models.throughput, models.throughputBytes]) {
    assert.ok(model.checked, model.checked ? '' : model.reason);
    assert.match(model.fit.formula, /·B\^e$/);
    const e = model.fit.exponents.find((x) => x.key === 'brokers');
    assert.ok(e !== undefined && Math.abs(e.estimate - 0.6) < 0.05, `e = ${e?.estimate}`);
    assert.equal(e.predicted, null, 'the seed formula says nothing about brokers');
    assert.equal(e.holds, null);
  }
  assert.match(models.throughput.checked ? models.throughput.measures : '', /B brokers of the point's own cluster/);
  assert.ok(
    models.throughput.checked &&
      models.throughput.lines.some((line) => /^e = 0\.\d\d \[.*\]: T ∝ B\^0\.\d\d$/.test(line)),
    models.throughput.checked ? models.throughput.lines.join('\n') : '',
  );
  // One cluster size in every point: B is dropped and named, like any predictor the sweep held.
  const oneSize = buildSweepModels(rows.filter((r) => r.brokers === 3).map(modelPoint), null).throughput;
  assert.ok(oneSize.checked && oneSize.fit.dropped.includes('B'));
  // A sweep on one cluster has no B at all: the formula it always had.
  const plain = buildSweepModels(
    rows.map(({ brokers: _b, ...row }) => modelPoint(row, 0)),
    null,
  ).throughput;
  assert.ok(plain.checked && plain.fit.formula === 'T = c·N^a·R^b·K^d');
});

test('the USL groups points by their cluster size too', () => {
  // X(N) = λN / (1 + σ(N − 1) + κN(N − 1)) with σ = 0.1, κ = 0.01, and λ = 1,000 msg/s per broker.
  const usl = (n: number, brokers: number) => (1000 * brokers * n) / (1 + 0.1 * (n - 1) + 0.01 * n * (n - 1));
  const rows = [1, 3].flatMap((brokers) =>
    [1, 2, 4, 8].map((producers) => ({
      producers,
      messageBytes: 100,
      partitions: 2,
      brokers,
      throughput: usl(producers, brokers),
    })),
  );
  const { fits } = buildSweepModels(rows.map(modelPoint), null).usl;
  assert.deepEqual(
    fits.map((f) => [f.group.brokers, f.pointIndices, Math.round(f.lambda)]),
    [
      [1, [0, 1, 2, 3], 1000],
      [3, [4, 5, 6, 7], 3000],
    ],
  );
});
