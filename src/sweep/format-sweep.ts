/**
 * Pure: what `kload run` prints after a sweep: one row per point, then every model's verdict in
 * words, so the terminal already says which seed formulas hold before anyone opens the JSON.
 */
import { formatCount, formatDecimal, formatMB, formatMsFromUs } from '../text/format.js';
import { formatTable, type Column } from '../text/text-table.js';
import type { SeedModel, SweepResult } from './sweep-result-types.js';

export function formatSweepSummary(result: SweepResult): string {
  return [pointTable(result), '', 'Models', ...modelLines(result)].join('\n');
}

function pointTable(result: SweepResult): string {
  // Brokers and the replication they allowed, only for a sweep whose points had clusters of their own.
  const brokers = result.points.some((p) => p.parameters.brokers !== undefined);
  const clusterColumns: Column[] = brokers
    ? [
        { header: 'B', align: 'right' },
        { header: 'RF', align: 'right' },
      ]
    : [];
  const columns: Column[] = [
    { header: '#', align: 'right' },
    { header: 'N', align: 'right' },
    { header: 'thr', align: 'right' },
    { header: 'R (B)', align: 'right' },
    { header: 'K', align: 'right' },
    ...clusterColumns,
    { header: 'settings', align: 'left' },
    { header: 'msg/s', align: 'right' },
    { header: 'MB/s', align: 'right' },
    { header: 'p50 ms', align: 'right' },
    { header: 'p99 ms', align: 'right' },
    { header: 'stored B/msg', align: 'right' },
    { header: 'status', align: 'left' },
  ];
  const rows = result.points.map(({ parameters: p, measurement: m, storage, result: run }) => {
    const settings = [
      p.acks === null ? '' : `acks=${p.acks}`,
      p.compression ?? '',
      p.lingerMs === null ? '' : `linger=${p.lingerMs}`,
    ]
      .filter((s) => s !== '')
      .join(' ');
    return [
      String(p.index),
      String(p.producers),
      String(p.threads),
      formatCount(p.messageBytes),
      String(p.partitions),
      ...(brokers ? [String(p.brokers ?? '-'), String(p.replicationFactor ?? '-')] : []),
      settings || '-',
      m === null ? '-' : formatCount(m.throughputMsgsPerSec),
      m === null ? '-' : formatMB(m.throughputMBPerSec),
      m === null ? '-' : formatMsFromUs(m.publishP50Us),
      m === null ? '-' : formatMsFromUs(m.publishP99Us),
      storage === null ? '-' : formatDecimal(storage.bytesPerMessage, 1),
      run.status + (m?.generatorBound ? ' (generator-bound)' : ''),
    ];
  });
  return formatTable(columns, rows);
}

function modelLines(result: SweepResult): string[] {
  const m = result.models;
  const little = m.littlesLaw.filter((e) => e.checked);
  const consistent = little.filter((e) => e.checked && e.consistent).length;
  const littleLine =
    little.length === 0
      ? "Little's law: not checked " +
        `(${m.littlesLaw[0] && !m.littlesLaw[0].checked ? m.littlesLaw[0].reason : 'no points'})`
      : `Little's law: consistent at ${consistent} of ${little.length} points ` +
        '(in flight = throughput × mean publish latency, within 20%)';
  const usl =
    m.usl.fits.length === 0
      ? [`USL: not fitted (${[...new Set(m.usl.notFitted.map((n) => n.reason))].join('; ')})`]
      : m.usl.fits.map(
          (f) =>
            `USL (R=${f.group.messageBytes} B, K=${f.group.partitions}` +
            `${f.group.brokers === undefined ? '' : `, B=${f.group.brokers}`}): ` +
            `σ = ${formatDecimal(f.sigma, 3)}, κ = ${formatDecimal(f.kappa, 4)}, ` +
            `λ = ${formatCount(f.lambda)} msg/s, R² = ${formatDecimal(f.rSquared, 2)}, ` +
            `peak ${f.peakProducers === null ? 'unbounded' : `at N ≈ ${formatDecimal(f.peakProducers, 1)}`}`,
        );
  return [
    ...seedLines(m.throughput),
    ...seedLines(m.throughputBytes),
    ...seedLines(m.latency),
    ...seedLines(m.efficiency),
    littleLine,
    ...usl,
  ];
}

function seedLines(model: SeedModel): string[] {
  if (!model.checked) return [`${model.seed}: not checked: ${model.reason}`];
  const [headline, ...rest] = model.lines;
  return [headline ?? model.seed, ...rest.map((line) => `  ${line}`)];
}
