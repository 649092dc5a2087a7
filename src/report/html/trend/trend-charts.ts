/**
 * One chart per phase and metric of a trend: each run's value as a dot over the run's number
 * (labelled with the run's name), the band of the runs before each run shaded with its median
 * dashed, and the change point ringed. Latencies are drawn in ms, as every kload table shows them.
 */
import type { TrendSeries } from '../../../trend/trend-types.js';
import { SERIES_COLORS } from '../palette.js';
import { translucent, type AxisQuantity, type XyChartSpec } from '../sweep/xy-chart.js';

const METRIC_QUANTITIES: Record<TrendSeries['metric'], AxisQuantity> = {
  throughput: 'throughputMsgsPerSec',
  'publish.p99': 'publishLatencyMs',
  'e2e.p99': 'endToEndLatencyMs',
};

const METRIC_COLORS: Record<TrendSeries['metric'], string> = {
  throughput: SERIES_COLORS.acked,
  'publish.p99': SERIES_COLORS.publish,
  'e2e.p99': SERIES_COLORS.endToEnd,
};

export function trendChartId(series: TrendSeries): string {
  return `trend-${series.phase}-${series.metric}`.replace(/[^a-zA-Z0-9_-]+/g, '-');
}

export function trendChart(series: TrendSeries, runNames: readonly string[]): XyChartSpec {
  const scale = series.unit === 'us' ? 1 / 1000 : 1;
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? null : v * scale);
  const { points, changePoint } = series;
  const color = METRIC_COLORS[series.metric];
  const unit = series.unit === 'us' ? 'ms' : series.unit;
  return {
    id: trendChartId(series),
    title: `${series.phase}: ${series.metric} (${unit}, ${series.direction.replace(/-/g, ' ')})`,
    xLabel: 'run',
    yLabel: `${series.metric} (${unit})`,
    xUnit: '',
    unit,
    logX: false,
    logY: false,
    xQuantity: 'run',
    yQuantity: METRIC_QUANTITIES[series.metric],
    xNames: [...runNames],
    series: [
      { label: series.metric, color, style: 'points' },
      { label: 'band high', color, style: 'edge' },
      { label: 'band low', color, style: 'edge' },
      { label: 'median of earlier runs', color: SERIES_COLORS.target, style: 'dashed' },
      { label: 'change point', color: SERIES_COLORS.publishMax, style: 'rings' },
    ],
    bands: [{ upper: 2, lower: 3, fill: translucent(color) }],
    data: [
      points.map((p) => p.run),
      points.map((p) => shown(p.value)),
      points.map((p) => shown(p.band?.high)),
      points.map((p) => shown(p.band?.low)),
      points.map((p) => shown(p.band?.median)),
      points.map((p) => (changePoint?.run === p.run ? shown(p.value) : null)),
    ],
    // Trend dots are runs, not sweep points: nothing for a plan page to ring.
    pointsDrawn: [],
  };
}
