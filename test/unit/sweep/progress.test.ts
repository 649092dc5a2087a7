import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSweep } from '../../../src/sweep/grid.js';
import {
  formatEta,
  formatSweepProgress,
  plannedPointMs,
  POINT_OVERHEAD_MS,
  sweepProgress,
} from '../../../src/sweep/progress.js';
import type { SweepSpec } from '../../../src/scenario/types.js';

const sweep: SweepSpec = {
  producers: [1, 2],
  threads: [1, 2],
  messageBytes: [100],
  partitions: [1, 4],
  acks: null,
  compression: null,
  lingerMs: null,
  repeats: 1,
  load: 'max',
  warmupMs: 2000,
  warmupRateMsgsPerSec: 2000,
  pointDurationMs: 4000,
  maxInFlight: 1000,
};
const points = expandSweep(sweep, { topic: 't', runId: 'r' });

test('before any point ran, the ETA is the planned phases plus a fixed cost per point, marked as an estimate', () => {
  const planned = plannedPointMs([
    { name: 'warmup', type: 'warmup', durationMs: 2000, rateMsgsPerSec: null },
    { name: 'max', type: 'max', durationMs: 4000, maxInFlight: 1000 },
  ]);
  assert.equal(planned, 6000 + POINT_OVERHEAD_MS);
  const first = sweepProgress({ parameters: points[0]!, total: 4, completedPointMs: [], plannedPointMs: planned });
  assert.deepEqual([first.pointNumber, first.total, first.etaMs, first.etaEstimated], [1, 4, 4 * planned, true]);
});

test('once points ran, the ETA is their mean duration times the points left, this one included', () => {
  const third = sweepProgress({
    parameters: points[2]!,
    total: 4,
    completedPointMs: [9000, 11_000],
    plannedPointMs: 1,
  });
  assert.deepEqual([third.pointNumber, third.etaMs, third.etaEstimated], [3, 20_000, false]);
});

test('progress reads "point i of n" with the point\'s parameters and the ETA', () => {
  const line = formatSweepProgress(
    sweepProgress({ parameters: points[3]!, total: 4, completedPointMs: [30_000], plannedPointMs: 1 }),
  );
  assert.equal(line, 'point 4 of 4: N=2 producers on 2 threads, R=100 B, K=4 partitions (topic t-r-4), ETA 30s');
  const estimated = formatSweepProgress(
    sweepProgress({ parameters: points[0]!, total: 4, completedPointMs: [], plannedPointMs: 16_250 }),
  );
  assert.match(estimated, /^point 1 of 4: N=1 producer on 1 thread, R=100 B, K=1 partition .*ETA ~1m 05s$/);
});

test('ETAs read as seconds, minutes and hours', () => {
  assert.equal(formatEta(0), '0s');
  assert.equal(formatEta(44_600), '45s');
  assert.equal(formatEta(65_000), '1m 05s');
  assert.equal(formatEta(3_725_000), '1h 02m');
});

test('a point on its own cluster names its brokers and the replication factor they allow', () => {
  const [one, three] = expandSweep(
    { ...sweep, producers: [1], threads: [1], partitions: [1], brokers: [1, 3] },
    { topic: 't', runId: 'r' },
    3,
  );
  const line = (p: typeof one) =>
    formatSweepProgress(sweepProgress({ parameters: p!, total: 2, completedPointMs: [], plannedPointMs: 1000 }));
  assert.match(line(one), /K=1 partition, B=1 broker \(RF 1\) \(topic t-r-1\)/);
  assert.match(line(three), /K=1 partition, B=3 brokers \(RF 3\) \(topic t-r-2\)/);
});
