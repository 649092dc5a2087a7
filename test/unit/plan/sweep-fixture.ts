/** Made-up sweep results for the plan tests: points chosen by the test, models fitted for real. */
import { buildSweepModels } from '../../../src/sweep/sweep-models.js';
import { SWEEP_RESULT_SCHEMA_VERSION, type SweepResult } from '../../../src/sweep/sweep-result-types.js';
import { phaseResult, runResult } from '../../helpers/result-fixture.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';
import { modelPoint, type Row } from '../sweep/fabricated-points.js';

export function sweepOf(rows: readonly Row[], cluster: Partial<SweepResult['cluster']> = {}): SweepResult {
  const points = rows.map((row, i) => ({
    ...modelPoint(row, i),
    result: runResult([phaseResult({ name: 'max', type: 'max' })]),
  }));
  return {
    schemaVersion: SWEEP_RESULT_SCHEMA_VERSION,
    kind: 'kload-sweep',
    kload: { version: '0.1.0' },
    status: 'complete',
    statusReason: null,
    startedAt: '2026-11-22T00:00:00.000Z',
    finishedAt: '2026-11-22T00:02:00.000Z',
    scenario: scenarioWith(),
    pointLoad: 'warmup 1 s (not recorded, 2,000 msg/s), then max 3 s with 1,000 in flight per producer',
    betweenPoints: 'stored bytes read, page cache written back (sync), topic deleted',
    cluster: {
      kind: 'embedded-temporary',
      brokers: '127.0.0.1:9092',
      brokerCount: 1,
      kafkaVersion: '4.3.1',
      logDirs: ['/tmp/x'],
      logDirsUnavailableReason: null,
      ...cluster,
    },
    plannedPoints: rows.length,
    points,
    models: buildSweepModels(points, null),
  };
}

/**
 * 2 × 2 × 2 grid, T = 20,000 · N^0.9 · (R/100)^−0.3 · K^0.1 with a ±2% wobble, p99 growing with N
 * (10 ms per producer, 1.5× for 1000-byte records): a sweep whose fit is good (R² > 0.9).
 */
export function lawRows(overrides: Partial<Row> = {}): Row[] {
  const rows: Row[] = [];
  for (const producers of [1, 2])
    for (const messageBytes of [100, 1000])
      for (const partitions of [1, 4]) {
        const wobble = 1 + 0.02 * Math.sin(rows.length * 2.3);
        const throughput = Math.round(
          20_000 * producers ** 0.9 * (messageBytes / 100) ** -0.3 * partitions ** 0.1 * wobble,
        );
        const p99Us = 10_000 * producers * (messageBytes === 1000 ? 1.5 : 1);
        rows.push({ producers, messageBytes, partitions, throughput, p99Us, ...overrides });
      }
  return rows;
}

/**
 * The grid of scenarios/sweep-latency.yaml (N 1–4 × R 1,000/10,000 B × K 1/4, 16 points) with
 * throughput that levels off in N as the USL says, and p99 that climbs once throughput is high:
 * every section of the page has a model to draw. A real sweep of this shape takes minutes.
 */
export function latencyGridRows(): Row[] {
  const rows: Row[] = [];
  for (const producers of [1, 2, 3, 4])
    for (const messageBytes of [1000, 10_000])
      for (const partitions of [1, 4]) {
        const wobble = 1 + 0.03 * Math.sin(rows.length * 2.3);
        const usl = producers / (1 + 0.1 * (producers - 1) + 0.02 * producers * (producers - 1));
        const throughput = Math.round(8000 * usl * (messageBytes / 1000) ** -0.6 * partitions ** 0.05 * wobble);
        const p50Us = Math.round(2000 * producers * (messageBytes / 1000) ** 0.3);
        rows.push({ producers, messageBytes, partitions, throughput, p50Us, meanUs: p50Us * 1.2, p99Us: p50Us * 4 });
      }
  return rows;
}
