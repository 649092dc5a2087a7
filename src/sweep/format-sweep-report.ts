/**
 * Pure: what `kload report <sweep.json>` prints. The end-of-sweep summary (point table and model
 * verdicts) with what `kload run` left out for brevity: what each point ran, on which cluster,
 * and Little's law point by point rather than as a count.
 */
import { formatCount } from '../text/format.js';
import { formatSweepSummary } from './format-sweep.js';
import type { LittlesLawEntry, SweepResult } from './sweep-result-types.js';

export function formatSweepReport(result: SweepResult): string {
  return [...header(result), '', formatSweepSummary(result), '', ...littlesLawLines(result)].join('\n');
}

function header(result: SweepResult): string[] {
  const { cluster } = result;
  const stopped =
    result.status === 'complete'
      ? ''
      : ` (${result.status}${result.statusReason === null ? '' : `: ${result.statusReason}`})`;
  const brokers =
    cluster.perPointBrokerCounts === undefined
      ? `${formatCount(cluster.brokerCount)} broker${cluster.brokerCount === 1 ? '' : 's'}`
      : cluster.brokers;
  return [
    `Sweep ${result.scenario.name}: ${formatCount(result.points.length)} of ${formatCount(result.plannedPoints)} ` +
      `points${stopped}, ${result.startedAt}`,
    `Each point: ${result.pointLoad}; between points: ${result.betweenPoints}.`,
    `Cluster: ${cluster.kind}, ${brokers}${cluster.kafkaVersion === null ? '' : `, Kafka ${cluster.kafkaVersion}`}`,
  ];
}

function littlesLawLines(result: SweepResult): string[] {
  const entries = result.models.littlesLaw;
  if (entries.length === 0) return ["Little's law per point: no points"];
  const line = (e: LittlesLawEntry): string =>
    e.checked ? e.evidence.replace(/^Little's law: /, '') : `not checked: ${e.reason}`;
  return ["Little's law per point", ...entries.map((e) => `  #${e.pointIndex}: ${line(e)}`)];
}
