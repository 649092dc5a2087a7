/** Per-partition throughput of each point: the p and c that `kload plan` sizes partitions from. */
import type { SweepResult } from '../../../../sweep/sweep-result-types.js';
import { formatCount, formatMB } from '../../../../text/format.js';
import { html } from '../../escape.js';
import { NONE } from '../../format-values.js';
import { SERIES_COLORS } from '../../palette.js';
import { xyChart, type SweepSection, xySlot } from '../xy-chart.js';

export function partitionsSection(result: SweepResult): SweepSection {
  const sizing = result.models.partitionSizing;
  const withConsumers = sizing.filter((s) => s.perPartitionConsumerMsgsPerSec !== null);
  const consumed = withConsumers.map((s): [number, number] => [s.pointIndex, s.perPartitionConsumerMsgsPerSec ?? 0]);
  const spec = xyChart(
    {
      id: 'per-partition',
      title: 'Throughput per partition',
      xLabel: 'point #',
      yLabel: 'msg/s per partition',
      xUnit: '',
      unit: 'msg/s',
      logX: false,
      logY: false,
      xQuantity: 'pointIndex',
      yQuantity: 'perPartitionMsgsPerSec',
    },
    [
      {
        series: { label: 'producer p', color: SERIES_COLORS.acked, style: 'points' },
        points: sizing.map((s) => [s.pointIndex, s.perPartitionProducerMsgsPerSec]),
        pointIndices: sizing.map((s) => s.pointIndex),
      },
      {
        series: { label: 'consumer c', color: SERIES_COLORS.consumed, style: 'rings' },
        points: consumed,
        pointIndices: withConsumers.map((s) => s.pointIndex),
      },
    ],
  );
  const noConsumers = consumed.length === 0 ? html`<p class="dim">No consumers in this sweep: c is unknown.</p>` : null;
  const body =
    sizing.length === 0
      ? html`<p class="dim">No point completed with a positive throughput, so there is nothing to size from.</p>`
      : html`${noConsumers}<div class="charts">${xySlot(spec, 'Throughput per partition', 'No point to draw.')}\
<table class="numbers">
<thead><tr><th>#</th><th>K</th><th>producer msg/s</th><th>producer MB/s</th><th>consumer msg/s</th></tr></thead>
<tbody>${sizing.map(
          (s) => html`<tr><td>${s.pointIndex}</td><td>${s.partitions}</td>\
<td>${formatCount(s.perPartitionProducerMsgsPerSec)}</td><td>${formatMB(s.perPartitionProducerMBPerSec)}</td>\
<td>${s.perPartitionConsumerMsgsPerSec === null ? NONE : formatCount(s.perPartitionConsumerMsgsPerSec)}</td></tr>`,
        )}</tbody></table></div>
<p class="note">kload plan takes partitions ≥ max(target / p, target / c).</p>`;
  return {
    id: 'partitions',
    title: 'Partition sizing',
    subtitle: 'p = T / K produced and c = consumed by one group / K, per point',
    body,
    charts: spec && sizing.length > 0 ? [spec] : [],
  };
}
