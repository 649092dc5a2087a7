/**
 * Measured throughput against each predictor the grid varies, with the fitted power law and its
 * 95% band, and beside the charts every seed formula's verdict in the words `kload report` prints.
 */
import type { SeedModel, SweepResult } from '../../../../sweep/sweep-result-types.js';
import { html, type Html } from '../../escape.js';
import { badge } from '../../section.js';
import { PREDICTORS, throughputCurves, type PredictorKey } from '../power-law-curves.js';
import {
  groupColor,
  translucent,
  xyChart,
  type XyChartSpec,
  type XyColumn,
  type SweepSection,
  xySlot,
} from '../xy-chart.js';

export function scalingSection(result: SweepResult): SweepSection {
  const m = result.models;
  const charts = throughputCharts(result, m.throughput);
  const withBrokers = brokerCounts(result) > 1;
  return {
    id: 'scaling',
    title: withBrokers ? 'Throughput against N, R, K and B' : 'Throughput against N, R and K',
    subtitle:
      `measured msg/s with the fitted power law T = c·N^a·R^b·K^d${withBrokers ? '·B^e' : ''} ` +
      'and its 95% band (log-log axes)',
    body: html`<div class="charts">${charts.slots}</div>
<p class="note">On log-log axes a power law is a straight line whose slope is the exponent; the band is the 95%
confidence interval of the fitted curve. One curve per combination of the other predictors the grid varies.</p>
<h3>Seed formulas</h3>
<div class="verdicts">${[m.throughput, m.throughputBytes, m.latency, m.efficiency].map(verdictCard)}</div>`,
    charts: charts.specs,
  };
}

function throughputCharts(result: SweepResult, model: SeedModel): { slots: Html[]; specs: XyChartSpec[] } {
  if (!model.checked) {
    const why = html`<figure class="chart empty"><figcaption>Throughput</figcaption>\
<p>No fit to draw: ${model.reason}.</p></figure>`;
    return { slots: [why], specs: [] };
  }
  const slots: Html[] = [];
  const specs: XyChartSpec[] = [];
  for (const key of Object.keys(PREDICTORS) as PredictorKey[]) {
    const { symbol, label } = PREDICTORS[key];
    const title = `Throughput against ${symbol}`;
    // A sweep on one cluster has no broker axis at all; saying it held B fixed would be noise.
    if (key === 'brokers' && brokerCounts(result) < 2) continue;
    if (!model.fit.exponents.some((e) => e.key === key)) {
      const values = [...new Set(result.points.map((p) => PREDICTORS[key].pick(p.parameters)))];
      slots.push(xySlot(null, title, `The grid holds ${label} at ${values.join(', ')}: nothing to fit along it.`));
      continue;
    }
    const spec = throughputChart(result, model, key);
    slots.push(xySlot(spec, title, `The fit could not be recomputed from the points it used.`));
    if (spec) specs.push(spec);
  }
  return { slots, specs };
}

function throughputChart(
  result: SweepResult,
  model: Extract<SeedModel, { checked: true }>,
  along: PredictorKey,
): XyChartSpec | null {
  const groups = throughputCurves(result, model.fit, model.pointIndices, along);
  if (groups === null) return null;
  const columns: XyColumn[] = [];
  const bands: XyChartSpec['bands'] = [];
  groups.forEach((g, i) => {
    const color = groupColor(i);
    const base = columns.length + 1;
    columns.push(
      {
        series: { label: `${g.label}: measured`, color, style: 'points' },
        points: g.measured,
        pointIndices: g.pointIndices,
      },
      { series: { label: `${g.label}: fit`, color, style: 'line' }, points: g.fitted },
      { series: { label: `${g.label}: 95% high`, color: translucent(color), style: 'edge' }, points: g.high },
      { series: { label: `${g.label}: 95% low`, color: translucent(color), style: 'edge' }, points: g.low },
    );
    bands.push({ upper: base + 2, lower: base + 3, fill: translucent(color) });
  });
  const { symbol, label, unit } = PREDICTORS[along];
  return xyChart(
    {
      id: `throughput-${along}`,
      title: `Throughput against ${symbol}`,
      xLabel: `${label} (log scale)`,
      yLabel: 'msg/s (log scale)',
      xUnit: unit,
      unit: 'msg/s',
      logX: true,
      logY: true,
      xQuantity: along,
      yQuantity: 'throughputMsgsPerSec',
    },
    columns,
    bands,
  );
}

/** Distinct cluster sizes the points ran on (0 for a sweep on the run's one cluster). */
function brokerCounts(result: SweepResult): number {
  return new Set(result.points.flatMap((p) => (p.parameters.brokers === undefined ? [] : [p.parameters.brokers]))).size;
}

function verdictCard(model: SeedModel): Html {
  if (!model.checked) {
    return html`<div class="verdict"><h4>${model.seed} ${badge('not checked', 'muted')}</h4>
<p>${model.reason}</p><p class="note">${model.measures}</p></div>`;
  }
  const tone = model.holds === true ? 'good' : model.holds === false ? 'bad' : 'muted';
  const word = model.holds === true ? 'holds' : model.holds === false ? 'does not hold' : 'nothing tested';
  const [headline, ...rest] = model.lines;
  return html`<div class="verdict"><h4>${model.seed} ${badge(word, tone)}</h4>
<p class="headline">${headline ?? ''}</p>
<ul>${rest.map((line) => html`<li>${line}</li>`)}</ul>
<p class="note">${model.measures}</p></div>`;
}
