/**
 * What each chart shows, as plain data: the browser script turns a ChartSpec into a uPlot chart
 * and knows nothing about kload results. Builders return null when there is nothing to draw, and
 * the section shows a sentence instead of an empty frame.
 */
import type { PhaseResult } from '../../result/result-types.js';
import { SERIES_COLORS } from './palette.js';
import { percentileSpectrum } from './spectrum.js';
import { usToMs, type PhaseTimeSeries } from './time-series.js';

/** 'time': x is seconds since the phase started; 'nines': x is 1/(1-percentile), log scale. */
export type ChartKind = 'time' | 'nines';

export interface SeriesSpec {
  label: string;
  color: string;
  dashed: boolean;
}

export interface ChartSpec {
  /** DOM id of the chart's container. */
  id: string;
  title: string;
  kind: ChartKind;
  xLabel: string;
  yLabel: string;
  /** Appended to values in the legend, e.g. "ms". */
  unit: string;
  /** A log y axis: latencies spanning p50 to max (0.5 ms to 500 ms) stay readable on one chart. */
  logY: boolean;
  series: SeriesSpec[];
  /** uPlot's aligned data: the x column, then one column per series; null where it has no value. */
  data: (number | null)[][];
  /** Time charts: stretches shaded behind the lines (faults), in x units. */
  bands?: ChartBand[];
}

/** A shaded stretch of a time chart, from fromX to toX (seconds since the phase started). */
export interface ChartBand {
  fromX: number;
  toX: number;
  label: string;
}

interface Column {
  series: SeriesSpec;
  values: readonly (number | null)[];
}

const line = (label: string, color: string, dashed = false): SeriesSpec => ({ label, color, dashed });

export function throughputChart(id: string, ts: PhaseTimeSeries): ChartSpec | null {
  const columns: Column[] = [
    { series: line('sent', SERIES_COLORS.sent), values: ts.sentPerSec },
    { series: line('acked', SERIES_COLORS.acked), values: ts.ackedPerSec },
  ];
  if (ts.consumedPerSec) columns.push({ series: line('consumed', SERIES_COLORS.consumed), values: ts.consumedPerSec });
  if (ts.targetPerSec) columns.push({ series: line('target', SERIES_COLORS.target, true), values: ts.targetPerSec });
  return timeChart({ id, title: 'Throughput', yLabel: 'messages / s', unit: 'msg/s', logY: false }, ts, columns);
}

export function latencyOverTimeChart(id: string, ts: PhaseTimeSeries): ChartSpec | null {
  const columns: Column[] = [
    { series: line('publish p50', SERIES_COLORS.publishP50), values: ts.publishP50Ms },
    { series: line('publish p99', SERIES_COLORS.publish), values: ts.publishP99Ms },
    { series: line('publish max', SERIES_COLORS.publishMax), values: ts.publishMaxMs },
  ];
  if (ts.scheduleDelayP99Ms) {
    columns.push({
      series: line('schedule delay p99', SERIES_COLORS.scheduleDelay, true),
      values: ts.scheduleDelayP99Ms,
    });
  }
  // A log axis has no zero, and an interval without acks has no latency: both become gaps.
  const positive = columns.map((c) => ({ ...c, values: c.values.map((v) => (v !== null && v > 0 ? v : null)) }));
  if (positive.every((c) => c.values.every((v) => v === null))) return null;
  return timeChart(
    { id, title: 'Latency per second', yLabel: 'latency (ms, log scale)', unit: 'ms', logY: true },
    ts,
    positive,
  );
}

export function consumerLagChart(id: string, ts: PhaseTimeSeries): ChartSpec | null {
  if (!ts.consumerLag) return null;
  const columns = [{ series: line('consumer lag', SERIES_COLORS.consumerLag), values: ts.consumerLag }];
  return timeChart({ id, title: 'Consumer lag', yLabel: 'messages behind', unit: 'msgs', logY: false }, ts, columns);
}

function timeChart(
  head: Pick<ChartSpec, 'id' | 'title' | 'yLabel' | 'unit' | 'logY'>,
  ts: PhaseTimeSeries,
  columns: Column[],
): ChartSpec | null {
  if (ts.elapsedSec.length === 0) return null;
  return {
    ...head,
    kind: 'time',
    xLabel: 'time since phase start (s)',
    series: columns.map((c) => c.series),
    data: [ts.elapsedSec, ...columns.map((c) => [...c.values])],
  };
}

/** Publish, service and end-to-end latency on one nines axis; kinds with no samples are left out. */
export function spectrumChart(id: string, phase: PhaseResult): ChartSpec | null {
  const kinds = [
    { series: line('publish', SERIES_COLORS.publish), histogram: phase.publishLatencyUs.histogram },
    // Dashed: service latency is publish latency minus the schedule delay, often the same curve.
    { series: line('service', SERIES_COLORS.service, true), histogram: phase.serviceLatencyUs.histogram },
    { series: line('end-to-end', SERIES_COLORS.endToEnd), histogram: phase.endToEndLatencyUs.histogram },
  ]
    .map((k) => ({ series: k.series, points: percentileSpectrum(k.histogram) }))
    .filter((k) => k.points.length > 0);
  if (kinds.length === 0) return null;
  // Kinds with different sample counts end at different x (their max), so the x column is the
  // union and each series has gaps where another kind has a point.
  const xs = [...new Set(kinds.flatMap((k) => k.points.map((p) => p.x)))].sort((a, b) => a - b);
  const data = [
    xs,
    ...kinds.map((k) => {
      const byX = new Map(k.points.map((p) => [p.x, usToMs(p.valueUs)]));
      return xs.map((x) => byX.get(x) ?? null);
    }),
  ];
  return {
    id,
    title: 'Latency by percentile',
    kind: 'nines',
    xLabel: 'percentile',
    yLabel: 'latency (ms)',
    unit: 'ms',
    logY: false,
    series: kinds.map((k) => k.series),
    data,
  };
}
