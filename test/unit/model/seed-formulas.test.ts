import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkSeedEfficiency,
  checkSeedLatency,
  checkSeedThroughput,
  type EfficiencyPoint,
  type LatencyPoint,
  type ThroughputPoint,
} from '../../../src/model/seed-formulas.js';
import { assertInvalid, logNormalNoise } from './helpers.js';

function throughputSweep(
  exponents: { a: number; b: number; d: number },
  seed: number,
  partitionsLevels = [1, 4, 16],
): ThroughputPoint[] {
  const noise = logNormalNoise(seed, 0.05);
  const points: ThroughputPoint[] = [];
  for (const producers of [1, 2, 4, 8]) {
    for (const recordBytes of [100, 1000, 10_000]) {
      for (const partitions of partitionsLevels) {
        const t = 20 * producers ** exponents.a * recordBytes ** exponents.b * partitions ** exponents.d * noise();
        points.push({ producers, recordBytes, partitions, throughputMsgsPerSec: t });
      }
    }
  }
  return points;
}

test('T = N×R/K holds on data generated from it, and the lines say so term by term', () => {
  const check = checkSeedThroughput(throughputSweep({ a: 1, b: 1, d: -1 }, 1));
  assert.equal(check.seed, 'T = N×R/K');
  assert.equal(check.holds, true);
  assert.equal(check.lines[0], 'T = N×R/K: holds for a, b, d at 95%');
  assert.match(check.lines[1] ?? '', /^a = 1\.\d\d .*: consistent with T ∝ N$/);
  assert.match(check.lines[2] ?? '', /^b = .*: consistent with T ∝ R$/);
  assert.match(check.lines[3] ?? '', /^d = -1\.\d\d .*: consistent with T ∝ 1\/K$/);
  assert.match(
    check.lines[4] ?? '',
    /^c = 2\d(\.\d)? \[.*\], R² = 1\.00 on logs, typical error \d(\.\d+)?%, n = 36 \(32 degrees of freedom\)$/,
  );
});

test('T = N×R/K does not hold when throughput stops growing with record size, and the headline names b', () => {
  // Throughput in messages/s falls as records grow once the network saturates: b < 1.
  const check = checkSeedThroughput(throughputSweep({ a: 1, b: 0.2, d: -1 }, 2));
  assert.equal(check.holds, false);
  assert.equal(check.lines[0], 'T = N×R/K: does not hold at 95% (b off)');
  assert.match(check.lines[2] ?? '', /T does not scale with R \(predicted 1\)/);
});

test('T = N×R/K with partitions held constant tests N and R and says K was not tested', () => {
  const check = checkSeedThroughput(throughputSweep({ a: 1, b: 1, d: -1 }, 3, [6]), { fixed: ['partitions'] });
  assert.equal(check.holds, true);
  assert.equal(check.lines[0], 'T = N×R/K: holds for a, b at 95%; not tested: K (held fixed)');
  assert.match(check.lines.at(-1) ?? '', /K \(partitions\) is 6 in every point and marked fixed/);
});

test('T = N×R/K with partitions held constant but not marked fixed is an error naming K', () => {
  assertInvalid(
    () => checkSeedThroughput(throughputSweep({ a: 1, b: 1, d: -1 }, 3, [6])),
    /zero variance in predictor K \(partitions\).*did not vary it/,
  );
});

function latencySweep(b: number, seed: number): LatencyPoint[] {
  const noise = logNormalNoise(seed, 0.1);
  return [100, 300, 1000, 3000, 10_000, 30_000, 100_000].map((recordBytes) => ({
    recordBytes,
    latencyUs: 5e6 * recordBytes ** b * noise(),
  }));
}

test('L = S/R holds when latency falls as 1/R', () => {
  const check = checkSeedLatency(latencySweep(-1, 4));
  assert.equal(check.holds, true);
  assert.equal(check.fit.exponents[0]?.exponent, 'b');
  assert.match(check.lines[1] ?? '', /consistent with L ∝ 1\/R$/);
});

test('L = S/R does not hold when latency grows with record size', () => {
  const check = checkSeedLatency(latencySweep(0.3, 5));
  assert.equal(check.holds, false);
  assert.match(check.lines[1] ?? '', /^b = 0\.\d\d .*: L does not scale with 1\/R \(predicted -1\)$/);
});

function efficiencySweep(exponents: { a: number; e: number }, seed: number): EfficiencyPoint[] {
  const noise = logNormalNoise(seed, 0.05);
  const points: EfficiencyPoint[] = [];
  for (const throughputMsgsPerSec of [1000, 5000, 20_000, 100_000]) {
    for (const storedBytes of [1e6, 1e7, 1e8]) {
      points.push({
        throughputMsgsPerSec,
        storedBytes,
        messagesPerByte: 3 * throughputMsgsPerSec ** exponents.a * storedBytes ** exponents.e * noise(),
      });
    }
  }
  return points;
}

test('E = T/S holds on data generated from it', () => {
  const check = checkSeedEfficiency(efficiencySweep({ a: 1, e: -1 }, 6));
  assert.equal(check.holds, true);
  assert.equal(check.lines[0], 'E = T/S: holds for a, e at 95%');
});

test('E = T/S does not hold when efficiency does not depend on throughput', () => {
  const check = checkSeedEfficiency(efficiencySweep({ a: 0, e: -1 }, 7));
  assert.equal(check.holds, false);
  assert.match(
    check.lines[1] ?? '',
    /^a = 0\.\d\d .*: E does not scale with T \(predicted 1\); no measurable effect of T$/,
  );
});

test('seed checks pass the confidence level through to the intervals and the headline', () => {
  const check = checkSeedLatency(latencySweep(-1, 4), { confidence: 0.99 });
  assert.equal(check.fit.confidence, 0.99);
  assert.match(check.lines[0] ?? '', /at 99%/);
});
