import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type XyColumn, withColumns, xyChart } from '../../../../../src/report/html/sweep/xy-chart.js';

const head = {
  id: 'c',
  title: 'c',
  xLabel: 'x',
  yLabel: 'y',
  xUnit: '',
  unit: '',
  logX: false,
  logY: false,
  xQuantity: 'producers',
  yQuantity: 'throughputMsgsPerSec',
} as const;

const dots: XyColumn = {
  series: { label: 'measured', color: '#000', style: 'points' },
  points: [
    [2, 20],
    [1, 10],
    [2, 21],
  ],
  pointIndices: [7, 3, 9],
};
const curve: XyColumn = {
  series: { label: 'fit', color: '#111', style: 'line' },
  points: [
    [1, 11],
    [1.5, 15],
    [2, 19],
  ],
};

test('a chart keeps which dot stands for which sweep point, repeats at one x included', () => {
  const spec = xyChart(head, [dots, curve]);
  assert.ok(spec);
  assert.deepEqual(spec.pointsDrawn, [
    { pointIndex: 7, x: 2, y: 20 },
    { pointIndex: 3, x: 1, y: 10 },
    { pointIndex: 9, x: 2, y: 21 },
  ]);
});

test('series drawn over a chart come after its own, every old value kept at its x', () => {
  const spec = xyChart(head, [dots, curve], [{ upper: 1, lower: 2, fill: '#0001' }]);
  assert.ok(spec);
  const extra: XyColumn = {
    series: { label: 'target', color: '#f00', style: 'line' },
    points: [
      [0.5, 18],
      [3, 18],
    ],
  };
  const empty: XyColumn = { series: { label: 'nothing', color: '#f00', style: 'line' }, points: [] };
  const over = withColumns(spec, [extra, empty]);
  assert.deepEqual(
    over.series.map((s) => s.label),
    ['measured', 'fit', 'target'],
  );
  assert.deepEqual(over.bands, spec.bands);
  const pairs = (s: number) =>
    over.data[0]!.flatMap((x, row) => (over.data[s]![row] === null ? [] : [[x, over.data[s]![row]]]));
  assert.deepEqual(pairs(1), [
    [1, 10],
    [2, 20],
    [2, 21],
  ]);
  assert.deepEqual(pairs(2), [
    [1, 11],
    [1.5, 15],
    [2, 19],
  ]);
  assert.deepEqual(pairs(3), [
    [0.5, 18],
    [3, 18],
  ]);
  assert.deepEqual(withColumns(spec, []).data, spec.data);
});
