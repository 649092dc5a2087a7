/**
 * The sweep page's charts as plain data: x against y, each series drawn as dots (measured points)
 * or a line (a fitted curve), and shaded bands between two line series (a fit's 95% band). Unlike
 * the run report's charts, x is not time: it is N, R, K, a throughput or a point number.
 */
import type { Html } from '../escape.js';
import { SERIES_COLORS } from '../palette.js';
import type { ChartPageSection } from '../page.js';
import { chartSlot } from '../section.js';

/**
 * 'edge': a band's boundary, drawn faintly and left out of the legend. 'highlight': a large ring
 * around dots drawn by another series (the plan page's evidence points).
 */
export type XyStyle = 'points' | 'rings' | 'highlight' | 'line' | 'dashed' | 'edge';

/**
 * What an axis measures, so a page built on these charts can draw its own lines on them (the plan
 * page's target throughput and p99 limit) without knowing which chart is which.
 */
export type AxisQuantity =
  | 'throughputMsgsPerSec'
  | 'perPartitionMsgsPerSec'
  | 'publishLatencyMs'
  | 'endToEndLatencyMs'
  | 'producers'
  | 'recordBytes'
  | 'partitions'
  | 'brokers'
  | 'pointIndex'
  /** The trend page's x: the run's position in the trend. */
  | 'run';

/** A dot that stands for one sweep point: where a page built on the chart finds that point. */
export interface DrawnPoint {
  pointIndex: number;
  x: number;
  y: number;
}

export interface XySeries {
  label: string;
  color: string;
  style: XyStyle;
}

export interface XyChartSpec {
  /** DOM id of the chart's container. */
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  /** Appended to x and y values in the legend, e.g. "producers", "msg/s". */
  xUnit: string;
  unit: string;
  /** Log axes: a power law is a straight line on log-log axes, its slope the exponent. */
  logX: boolean;
  logY: boolean;
  xQuantity: AxisQuantity;
  yQuantity: AxisQuantity;
  series: XySeries[];
  /** Shaded between two series, given as 1-based indices into `data` (0 is x). */
  bands: { upper: number; lower: number; fill: string }[];
  /**
   * Names of x = 1, 2, 3, ... (the trend page's runs: a commit id, a version): shown on the x axis
   * and in the legend instead of the number. Absent: x is a plain number.
   */
  xNames?: string[];
  /** uPlot's aligned data: x ascending (repeats allowed), then one column per series. */
  data: (number | null)[][];
  /** The dots of columns that gave their points' indices; not drawn, read by the plan page. */
  pointsDrawn: DrawnPoint[];
}

/** One colour per group of points, in the report's palette, so the groups stay apart on every chart. */
export const GROUP_COLORS = [
  SERIES_COLORS.sent,
  SERIES_COLORS.publish,
  SERIES_COLORS.acked,
  SERIES_COLORS.consumed,
  SERIES_COLORS.publishMax,
  SERIES_COLORS.service,
  SERIES_COLORS.scheduleDelay,
  SERIES_COLORS.target,
] as const;

export function groupColor(i: number): string {
  return GROUP_COLORS[i % GROUP_COLORS.length] as string;
}

/** `#3b6fb6` at about 13% opacity, for a band behind its curve. */
export function translucent(color: string): string {
  return `${color}22`;
}

export interface XyColumn {
  series: XySeries;
  points: readonly (readonly [number, number])[];
  /** The sweep point each of `points` stands for, in the same order, when it stands for one. */
  pointIndices?: readonly number[];
}

/**
 * One row per (x, y) of every column, sorted by x, the other columns null in that row: columns
 * need not share x values, and two points at the same x (repeats) both stay. Lines span the gaps.
 */
export function alignColumns(columns: readonly XyColumn[]): (number | null)[][] {
  const rows = columns
    .flatMap((column, c) => column.points.map(([x, y]) => ({ x, y, c })))
    .filter((row) => Number.isFinite(row.x) && Number.isFinite(row.y))
    .sort((a, b) => a.x - b.x || a.c - b.c);
  return [rows.map((row) => row.x), ...columns.map((_, c) => rows.map((row) => (row.c === c ? row.y : null)))];
}

/** A spec from its columns; null when no column has a point, so the section can say why instead. */
export function xyChart(
  head: Omit<XyChartSpec, 'series' | 'data' | 'bands' | 'pointsDrawn'>,
  columns: readonly XyColumn[],
  bands: XyChartSpec['bands'] = [],
): XyChartSpec | null {
  if (columns.every((c) => c.points.length === 0)) return null;
  const pointsDrawn = columns.flatMap((c) =>
    (c.pointIndices ?? []).flatMap((pointIndex, i): DrawnPoint[] => {
      const [x, y] = c.points[i] ?? [];
      return x === undefined || y === undefined ? [] : [{ pointIndex, x, y }];
    }),
  );
  return { ...head, series: columns.map((c) => c.series), bands, data: alignColumns(columns), pointsDrawn };
}

/**
 * The chart with more series drawn over it (after its own, so band indices still hold): its
 * columns are read back from the aligned data and aligned again with the new ones.
 */
export function withColumns(spec: XyChartSpec, extra: readonly XyColumn[]): XyChartSpec {
  const xs = spec.data[0] ?? [];
  const own = spec.series.map(
    (series, s): XyColumn => ({
      series,
      points: xs.flatMap((x, row): [number, number][] => {
        const y = spec.data[s + 1]?.[row];
        return x === null || y === null || y === undefined ? [] : [[x, y]];
      }),
    }),
  );
  const kept = extra.filter((c) => c.points.length > 0);
  return { ...spec, series: [...spec.series, ...kept.map((c) => c.series)], data: alignColumns([...own, ...kept]) };
}

/** `count` values from min to max, evenly spaced on a log scale when `log`. */
export function samples(min: number, max: number, count: number, log: boolean): number[] {
  if (!(max > min)) return [min];
  return Array.from({ length: count }, (_, i) => {
    const f = i / (count - 1);
    return log ? Math.exp(Math.log(min) + f * (Math.log(max) - Math.log(min))) : min + f * (max - min);
  });
}

/** A section of the sweep page: the run report's section with x-y charts in it. */
export type SweepSection = ChartPageSection<XyChartSpec>;

/** The chart's container, or a sentence saying why there is no chart (the run report's chartSlot). */
export function xySlot(spec: XyChartSpec | null, title: string, whyMissing: string): Html {
  return chartSlot(spec && { ...spec, kind: 'time', data: [], series: [], bands: [] }, title, whyMissing);
}
