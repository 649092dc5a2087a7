/**
 * Pure: a sweep's points folded into measured configurations (repeats of one grid point become
 * one configuration: mean throughput, worst p99), keeping only points that completed and
 * measured a positive throughput.
 */
import type { SweepResult } from '../sweep/sweep-result-types.js';
import type { MeasuredConfiguration } from './plan-types.js';

export function measuredConfigurations(sweep: SweepResult): MeasuredConfiguration[] {
  const groups = new Map<string, MeasuredConfiguration[]>();
  for (const point of sweep.points) {
    const m = point.measurement;
    if (m === null || m.status !== 'complete' || !(m.throughputMsgsPerSec > 0)) continue;
    const { index, repeat: _repeat, topic: _topic, ...parameters } = point.parameters;
    const single: MeasuredConfiguration = {
      pointIndices: [index],
      producers: parameters.producers,
      threads: parameters.threads,
      messageBytes: parameters.messageBytes,
      partitions: parameters.partitions,
      ...(parameters.brokers === undefined ? {} : { brokers: parameters.brokers }),
      ...(parameters.replicationFactor === undefined ? {} : { replicationFactor: parameters.replicationFactor }),
      acks: parameters.acks,
      compression: parameters.compression,
      lingerMs: parameters.lingerMs,
      throughputMsgsPerSec: m.throughputMsgsPerSec,
      publishP99Us: m.publishP99Us,
      consumedPerGroupMsgsPerSec: m.consumedMsgsPerSec,
      consumerMembersPerGroup: m.consumerMembersPerGroup,
    };
    const key = JSON.stringify(parameters);
    groups.set(key, [...(groups.get(key) ?? []), single]);
  }
  return [...groups.values()].map(fold);
}

function fold(repeats: readonly MeasuredConfiguration[]): MeasuredConfiguration {
  const first = repeats[0] as MeasuredConfiguration;
  const consumed = repeats.map((r) => r.consumedPerGroupMsgsPerSec);
  return {
    ...first,
    pointIndices: repeats.flatMap((r) => r.pointIndices),
    throughputMsgsPerSec: mean(repeats.map((r) => r.throughputMsgsPerSec)),
    publishP99Us: Math.max(...repeats.map((r) => r.publishP99Us)),
    consumedPerGroupMsgsPerSec: consumed.some((c) => c === null) ? null : mean(consumed as number[]),
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** "#3" or "#3, #11 (2 repeats)". */
export function pointList(config: Pick<MeasuredConfiguration, 'pointIndices'>): string {
  const list = config.pointIndices.map((i) => `#${i}`).join(', ');
  return config.pointIndices.length > 1 ? `${list} (${config.pointIndices.length} repeats)` : list;
}

/** "N=2, K=4, R=100 B" plus the brokers (when swept) and any swept producer settings. */
export function describeConfiguration(c: MeasuredConfiguration): string {
  const brokers = c.brokers === undefined ? '' : `B=${c.brokers}`;
  return [`N=${c.producers}`, `K=${c.partitions}`, `R=${c.messageBytes} B`, brokers, settingsOf(c)]
    .filter((s) => s !== '')
    .join(', ');
}

export function settingsOf(c: Pick<MeasuredConfiguration, 'acks' | 'compression' | 'lingerMs'>): string {
  return [
    c.acks === null ? '' : `acks=${c.acks}`,
    c.compression === null ? '' : `compression.type=${c.compression}`,
    c.lingerMs === null ? '' : `linger.ms=${c.lingerMs}`,
  ]
    .filter((s) => s !== '')
    .join(', ');
}
