/** The Universal Scalability Law per group of points that differ only in N: curve, points, peak. */
import { uslThroughput } from '../../../../model/usl.js';
import type { SweepResult, UslEntry, UslGroup } from '../../../../sweep/sweep-result-types.js';
import { formatCount, formatDecimal } from '../../../../text/format.js';
import { html, type Html } from '../../escape.js';
import { SERIES_COLORS } from '../../palette.js';
import { samples, xyChart, type XyChartSpec, type SweepSection, xySlot } from '../xy-chart.js';

/** Past the measured N the curve goes on to its peak, but not so far the measured points shrink to a corner. */
const MAX_EXTRAPOLATION = 3;

export function uslSection(result: SweepResult): SweepSection {
  const { fits, notFitted } = result.models.usl;
  const specs = fits.map((fit, i) => uslChart(result, fit, i));
  const missing = notFitted.map(
    (n) => html`<li>${n.group === null ? 'whole sweep' : describeGroup(n.group)}: ${n.reason}</li>`,
  );
  const body =
    fits.length === 0
      ? html`<p class="dim">Not fitted: ${notFitted.map((n) => n.reason).join('; ')}.</p>`
      : html`<div class="charts">${fits.map((fit, i) =>
          xySlot(specs[i] ?? null, `USL ${describeGroup(fit.group)}`, 'No measured point to draw.'),
        )}</div>
<ul class="facts-list">${fits.map(describeFit)}</ul>
${missing.length > 0 ? html`<p>Groups not fitted:</p><ul>${missing}</ul>` : null}`;
  return {
    id: 'usl',
    title: 'Universal Scalability Law',
    subtitle: 'X(N) = λN / (1 + σ(N−1) + κN(N−1)): σ contention, κ coherency (throughput falls past the peak)',
    body,
    charts: specs.filter((s): s is XyChartSpec => s !== null),
  };
}

function uslChart(result: SweepResult, fit: UslEntry, index: number): XyChartSpec | null {
  const drawn = fit.pointIndices.flatMap((i) => {
    const p = result.points[i];
    return p?.measurement
      ? [{ i, at: [p.parameters.producers, p.measurement.throughputMsgsPerSec] as [number, number] }]
      : [];
  });
  const measured = drawn.map((d) => d.at);
  const maxN = Math.max(1, ...measured.map(([n]) => n));
  const peakN = fit.peakProducers;
  const toN = peakN !== null && peakN > maxN ? Math.min(peakN * 1.2, maxN * MAX_EXTRAPOLATION) : maxN;
  const curve = samples(1, toN, 40, false).map((n): [number, number] => [n, uslThroughput(fit, n)]);
  const peak: [number, number][] =
    peakN !== null && fit.peakThroughputMsgsPerSec !== null && peakN <= toN
      ? [[peakN, fit.peakThroughputMsgsPerSec]]
      : [];
  return xyChart(
    {
      id: `usl-${index}`,
      title: `USL ${describeGroup(fit.group)}`,
      xLabel: 'producers N',
      yLabel: 'msg/s',
      xUnit: 'producers',
      unit: 'msg/s',
      logX: false,
      logY: false,
      xQuantity: 'producers',
      yQuantity: 'throughputMsgsPerSec',
    },
    [
      {
        series: { label: 'measured', color: SERIES_COLORS.acked, style: 'points' },
        points: measured,
        pointIndices: drawn.map((d) => d.i),
      },
      { series: { label: 'USL fit', color: SERIES_COLORS.sent, style: 'line' }, points: curve },
      // κ = 0 has no peak: no empty series for it, the line below the charts says so.
      ...(peak.length === 0
        ? []
        : [{ series: { label: 'peak', color: SERIES_COLORS.publishMax, style: 'points' as const }, points: peak }]),
    ],
  );
}

function describeFit(f: UslEntry): Html {
  const peak =
    f.peakProducers === null
      ? 'no peak: κ = 0, throughput keeps rising (towards λ/σ)'
      : `peak ${formatCount(f.peakThroughputMsgsPerSec ?? 0)} msg/s at N ≈ ${formatDecimal(f.peakProducers, 1)}`;
  return html`<li><strong>${describeGroup(f.group)}</strong>: σ = ${formatDecimal(f.sigma, 3)}, \
κ = ${formatDecimal(f.kappa, 4)}, λ = ${formatCount(f.lambda)} msg/s (${f.lambdaSource}), \
R² = ${formatDecimal(f.rSquared, 2)}; ${peak}.\
${f.notes.length > 0 ? html` <span class="dim">${f.notes.join(' ')}</span>` : null}</li>`;
}

export function describeGroup(g: UslGroup): string {
  const settings = [
    g.acks === null ? '' : `acks=${g.acks}`,
    g.compression ?? '',
    g.lingerMs === null ? '' : `linger=${g.lingerMs}`,
  ].filter((s) => s !== '');
  const brokers = g.brokers === undefined ? [] : [`B = ${g.brokers}`];
  return [`R = ${formatCount(g.messageBytes)} B`, `K = ${g.partitions}`, ...brokers, ...settings].join(', ');
}
