/**
 * Publish latency against measured throughput, one dot per point, and the knee: the throughput
 * from which p99 leaves twice the floor of the slowest points for good. The sweep result holds no
 * knee (points are not a ramp), so it is found here with the same rule a ramp's knee uses.
 */
import { KloadError } from '../../../../errors.js';
import { findLatencyKnee, type LatencyKnee } from '../../../../model/latency-knee.js';
import type { SweepResult } from '../../../../sweep/sweep-result-types.js';
import { html } from '../../escape.js';
import { SERIES_COLORS } from '../../palette.js';
import { usToMs } from '../../time-series.js';
import { xyChart, type XyColumn, type SweepSection, xySlot } from '../xy-chart.js';

export function latencySection(result: SweepResult): SweepSection {
  const drawn = latencyPoints(result);
  const measured = drawn.map((d) => d.measurement);
  const knee = sweepLatencyKnee(result);
  const columns: XyColumn[] = [
    {
      series: { label: 'publish p99', color: SERIES_COLORS.publish, style: 'points' },
      points: measured.map((m) => [m.throughputMsgsPerSec, usToMs(m.publishP99Us)]),
      pointIndices: drawn.map((d) => d.index),
    },
    {
      series: { label: 'publish p50', color: SERIES_COLORS.publishP50, style: 'points' },
      points: measured.map((m) => [m.throughputMsgsPerSec, usToMs(m.publishP50Us)]),
    },
  ];
  if ('knee' in knee && knee.knee !== null) {
    const xs = measured.map((m) => m.throughputMsgsPerSec);
    const limit = usToMs(knee.thresholdUs);
    columns.push(
      {
        series: { label: 'knee', color: SERIES_COLORS.publishMax, style: 'points' },
        points: [[knee.knee.offeredRateMsgsPerSec, usToMs(knee.knee.p99Us)]],
      },
      {
        series: { label: '2× p99 floor', color: SERIES_COLORS.target, style: 'dashed' },
        points: [
          [Math.min(...xs), limit],
          [Math.max(...xs), limit],
        ],
      },
    );
  }
  const spec = xyChart(
    {
      id: 'latency-throughput',
      title: 'Latency against throughput',
      xLabel: 'measured msg/s',
      yLabel: 'publish latency (ms, log scale)',
      xUnit: 'msg/s',
      unit: 'ms',
      logX: false,
      logY: true,
      xQuantity: 'throughputMsgsPerSec',
      yQuantity: 'publishLatencyMs',
    },
    columns,
  );
  const verdict = 'evidence' in knee ? `Knee: ${knee.evidence}.` : `No knee: ${knee.reason}.`;
  return {
    id: 'latency',
    title: 'Latency against throughput',
    subtitle: 'publish p50 and p99 of each point’s measured phase',
    body: html`<p>${verdict}</p>
<div class="charts">${xySlot(spec, 'Latency against throughput', 'No point measured a latency.')}</div>
<p class="note">The points come from different N, R and K, not from one ramp: a knee says where in this grid p99
stops being flat, not the rate one configuration bends at.</p>`,
    charts: spec ? [spec] : [],
  };
}

function latencyPoints(result: SweepResult) {
  return result.points.flatMap(({ parameters, measurement: m }) =>
    m && m.throughputMsgsPerSec > 0 && m.publishP99Us > 0 ? [{ index: parameters.index, measurement: m }] : [],
  );
}

/** The knee the latency chart draws; the plan page sets the target against it. */
export function sweepLatencyKnee(result: SweepResult): LatencyKnee | { reason: string } {
  const points = latencyPoints(result).map(({ measurement: m }) => ({
    offeredRateMsgsPerSec: m.throughputMsgsPerSec,
    p99Us: m.publishP99Us,
  }));
  try {
    return findLatencyKnee(points);
  } catch (error) {
    if (!(error instanceof KloadError)) throw error;
    return { reason: error.message };
  }
}
