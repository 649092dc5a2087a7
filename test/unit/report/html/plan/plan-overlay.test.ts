import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overlayPlan } from '../../../../../src/report/html/plan/plan-overlay.js';
import type { ReferenceLine } from '../../../../../src/report/html/plan/reference-lines.js';
import { sweepSections } from '../../../../../src/report/html/sweep/sweep-page.js';
import type { XyChartSpec } from '../../../../../src/report/html/sweep/xy-chart.js';
import { latencyGridRows, sweepOf } from '../../../plan/sweep-fixture.js';

const sweep = sweepOf(latencyGridRows());
const charts = sweepSections(sweep).flatMap((s) => s.charts);
const chart = (id: string) => charts.find((c) => c.id === id) as XyChartSpec;

const line = (quantity: ReferenceLine['quantity'], value: number, label: string): ReferenceLine => ({
  quantity,
  value,
  label,
  color: '#f00',
  style: 'line',
});
const lines = [
  line('throughputMsgsPerSec', 30_000, 'target'),
  line('publishLatencyMs', 50, 'limit'),
  line('producers', 3, 'planned N'),
];

function values(spec: XyChartSpec, label: string): [number, number][] {
  const s = spec.series.findIndex((series) => series.label === label) + 1;
  assert.ok(s > 0, `${spec.id} has a series "${label}"`);
  return spec.data[0]!.flatMap((x, row) => {
    const y = spec.data[s]![row];
    return x === null || y === null || y === undefined ? [] : [[x, y] as [number, number]];
  });
}

test('the latency chart rings exactly the marked points, the limit as a level and the target as an upright', () => {
  const spec = chart('latency-throughput');
  const over = overlayPlan(spec, { label: 'plan evidence', points: new Set([8, 9]) }, lines);
  const at = (i: number) => {
    const m = sweep.points[i]!.measurement!;
    return [m.throughputMsgsPerSec, m.publishP99Us / 1000];
  };
  assert.deepEqual(
    values(over, 'plan evidence'),
    [at(8), at(9)].sort((a, b) => a[0]! - b[0]!),
  );

  const xs = sweep.points.map((p) => p.measurement!.throughputMsgsPerSec);
  // The upright at 30,000 msg/s lies beyond every point: the level reaches it, so the two meet.
  assert.deepEqual(values(over, 'limit'), [
    [Math.min(...xs), 50],
    [30_000, 50],
  ]);
  const upright = values(over, 'target');
  assert.ok(upright.every(([x]) => x === 30_000));
  const ys = spec.data
    .slice(1)
    .flat()
    .filter((y): y is number => y !== null);
  assert.deepEqual(
    upright.map(([, y]) => y),
    [Math.min(...ys, 50), Math.max(...ys, 50)],
  );
  assert.equal(
    over.series.some((s) => s.label === 'planned N'),
    false,
    'x is not N here',
  );
});

test('a throughput chart gets the target as a level and the planned N as an upright; its bands still pair up', () => {
  const spec = chart('throughput-producers');
  const over = overlayPlan(spec, { label: 'plan evidence', points: new Set([8]) }, lines);
  const p = sweep.points[8]!;
  assert.deepEqual(values(over, 'plan evidence'), [[p.parameters.producers, p.measurement!.throughputMsgsPerSec]]);
  assert.deepEqual(
    values(over, 'target').map(([, y]) => y),
    [30_000, 30_000],
  );
  assert.deepEqual(
    values(over, 'planned N').map(([x]) => x),
    [3, 3],
  );
  assert.equal(
    over.series.some((s) => s.label === 'limit'),
    false,
    'no latency axis here',
  );
  assert.deepEqual(over.bands, spec.bands);
  for (const b of over.bands) assert.match(over.series[b.upper - 1]!.label, /95% high$/);
});

test('nothing marked and no matching axis leaves the chart as it was', () => {
  const spec = chart('per-partition');
  assert.deepEqual(overlayPlan(spec, { label: '', points: new Set() }, lines), spec);
});
