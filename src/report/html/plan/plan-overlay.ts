/**
 * Pure: a sweep chart with the plan drawn over it: the marked points ringed, and each reference
 * line on the axis that measures its quantity (a level across the chart when y does, an upright
 * when x does). Works from what the chart says it plots, so it marks any chart the sweep page draws.
 */
import { type XyChartSpec, type XyColumn, withColumns } from '../sweep/xy-chart.js';
import { PLAN_COLORS, type ReferenceLine } from './reference-lines.js';
import type { PointMarks } from './point-marks.js';

export function overlayPlan(spec: XyChartSpec, marks: PointMarks, lines: readonly ReferenceLine[]): XyChartSpec {
  const columns: XyColumn[] = [];
  const marked = spec.pointsDrawn.filter((d) => marks.points.has(d.pointIndex));
  if (marked.length > 0) {
    columns.push({
      series: { label: marks.label, color: PLAN_COLORS.evidence, style: 'highlight' },
      points: marked.map((d): [number, number] => [d.x, d.y]),
    });
  }
  const xs = finite(spec.data[0] ?? []);
  const levels = lines.filter((l) => l.quantity === spec.yQuantity);
  const uprights = lines.filter((l) => l.quantity === spec.xQuantity);
  const ys = [...finite(spec.data.slice(1).flat()), ...levels.map((l) => l.value)].filter((y) => !spec.logY || y > 0);
  if (xs.length > 0) {
    const [x0, x1] = [
      Math.min(...xs, ...uprights.map((l) => l.value)),
      Math.max(...xs, ...uprights.map((l) => l.value)),
    ];
    for (const l of levels)
      columns.push({
        series: lineSeries(l),
        points: [
          [x0, l.value],
          [x1, l.value],
        ],
      });
  }
  if (ys.length > 0) {
    const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    for (const l of uprights)
      columns.push({
        series: lineSeries(l),
        points: [
          [l.value, y0],
          [l.value, y1],
        ],
      });
  }
  return withColumns(spec, columns);
}

function lineSeries(line: ReferenceLine): XyColumn['series'] {
  return { label: line.label, color: line.color, style: line.style };
}

function finite(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}
