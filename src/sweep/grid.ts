/**
 * Pure: the points of a sweep, in run order, and the ordinary scenario each point runs. Every
 * point gets its own topic (partitions differ between points, and a topic reused from an earlier
 * point or an earlier sweep would mix its stored bytes into this one's).
 */
import { embeddedMinInsyncReplicas } from '../cluster/node-config.js';
import type { Phase, Scenario, SweepSpec, TopicSpec } from '../scenario/types.js';

/** One point of the grid: the parameters it runs with. */
export interface SweepPointParameters {
  /** 0-based position in run order. */
  index: number;
  /** 0-based repeat of the grid this point belongs to. */
  repeat: number;
  /** N: producer clients. */
  producers: number;
  /** Worker threads the N clients are spread over. */
  threads: number;
  /** R: fixed message (value) size in bytes. */
  messageBytes: number;
  /** K: partitions of the point's topic. */
  partitions: number;
  /**
   * B: brokers of the fresh embedded cluster the point ran on (sweep.brokers); absent when every
   * point ran on the sweep's one cluster.
   */
  brokers?: number;
  /** With brokers: the point topic's replication factor, the scenario's capped by B. */
  replicationFactor?: number;
  /** librdkafka acks for the point; null = the scenario's producer properties decide. */
  acks: string | null;
  /** librdkafka compression.type; null = the scenario's producer properties decide. */
  compression: string | null;
  /** librdkafka linger.ms; null = the scenario's producer properties decide. */
  lingerMs: number | null;
  /** The fresh topic the point produces to. */
  topic: string;
}

/** A list to loop over: a dimension the sweep leaves to the properties loops once, over null. */
const orNull = <T>(values: readonly T[] | null): readonly (T | null)[] => values ?? [null];

/**
 * Run order: repeat, then brokers, producers, messageBytes, partitions, acks, compression,
 * lingerMs, the last varying fastest. Repeat-major, so slow drift of the machine spreads over
 * every point instead of landing on the last few. `replicationFactor` is the scenario topic's,
 * which a point with fewer brokers caps.
 */
export function expandSweep(
  sweep: SweepSpec,
  naming: { topic: string; runId: string },
  replicationFactor = 1,
): SweepPointParameters[] {
  const total = sweepPointCount(sweep);
  const points: SweepPointParameters[] = [];
  for (let repeat = 0; repeat < sweep.repeats; repeat++)
    for (const brokers of orNull(sweep.brokers ?? null))
      sweep.producers.forEach((producers, i) => {
        const threads = sweep.threads[i] ?? 1; // resolved: one entry per producers value
        for (const messageBytes of sweep.messageBytes)
          for (const partitions of sweep.partitions)
            for (const acks of orNull(sweep.acks))
              for (const compression of orNull(sweep.compression))
                for (const lingerMs of orNull(sweep.lingerMs)) {
                  const index = points.length;
                  const topic = pointTopicName(naming.topic, naming.runId, index, total);
                  points.push({
                    index,
                    repeat,
                    producers,
                    threads,
                    messageBytes,
                    partitions,
                    ...(brokers === null ? {} : { brokers, replicationFactor: Math.min(replicationFactor, brokers) }),
                    acks,
                    compression,
                    lingerMs,
                    topic,
                  });
                }
      });
  return points;
}

export function sweepPointCount(sweep: SweepSpec): number {
  const sizes = [
    sweep.producers,
    sweep.messageBytes,
    sweep.partitions,
    orNull(sweep.brokers ?? null),
    orNull(sweep.acks),
    orNull(sweep.compression),
    orNull(sweep.lingerMs),
  ];
  return sizes.reduce((product, values) => product * values.length, sweep.repeats);
}

/** `orders-k3x9f-03`: the scenario's topic, the sweep's run id, the 1-based point number padded to sort. */
export function pointTopicName(topic: string, runId: string, index: number, total: number): string {
  const width = String(total).length;
  // Kafka's limit is 249 characters; keep the suffix whole and shorten the base name instead.
  const suffix = `-${runId}-${String(index + 1).padStart(width, '0')}`;
  return `${topic.slice(0, 249 - suffix.length)}${suffix}`;
}

/** A short id that differs between sweeps started a second apart: base-36 seconds since 2020. */
export function sweepRunId(startedAt: Date): string {
  const epoch2020 = Date.UTC(2020, 0, 1);
  return Math.floor((startedAt.getTime() - epoch2020) / 1000).toString(36);
}

/** The ordinary scenario a point runs: one topic, fixed-size messages, the point's properties and phases. */
export function pointScenario(base: Scenario, sweep: SweepSpec, point: SweepPointParameters): Scenario {
  const topicSpec = base.topics.find((t) => t.name === base.producers.topic) ?? base.topics[0];
  if (topicSpec === undefined) throw new Error('a scenario has at least one topic');
  const properties = { ...base.producers.properties };
  if (point.acks !== null) properties['acks'] = point.acks;
  if (point.compression !== null) properties['compression.type'] = point.compression;
  if (point.lingerMs !== null) properties['linger.ms'] = String(point.lingerMs);
  const { sweep: _sweep, ...scenario } = base;
  const suffix = point.topic.slice(base.producers.topic.length);
  return {
    ...scenario,
    topics: [pointTopic(topicSpec, point)],
    producers: {
      ...base.producers,
      topic: point.topic,
      count: point.producers,
      threads: point.threads,
      message: { size: { type: 'fixed', bytes: point.messageBytes } },
      properties,
    },
    // Fresh group ids too: a group's committed offsets and members belong to one point.
    consumers: base.consumers && {
      ...base.consumers,
      topic: point.topic,
      groups: base.consumers.groups.map((group) => `${group}${suffix}`),
    },
    phases: pointPhases(base, sweep),
  };
}

/** The point's copy of the topic; on a point's own cluster, its replication capped to fit it. */
function pointTopic(spec: TopicSpec, point: SweepPointParameters): TopicSpec {
  const topic = { ...spec, name: point.topic, partitions: point.partitions };
  if (point.brokers === undefined || point.replicationFactor === undefined) return topic;
  const replicationFactor = point.replicationFactor;
  // A topic whose required in-sync replicas exceed its replicas refuses every acks=all write.
  const minIsr = Number(spec.configs['min.insync.replicas'] ?? embeddedMinInsyncReplicas(point.brokers));
  const configs =
    minIsr > replicationFactor ? { ...spec.configs, 'min.insync.replicas': String(replicationFactor) } : spec.configs;
  return { ...topic, replicationFactor, configs };
}

function pointPhases(base: Scenario, sweep: SweepSpec): Phase[] {
  if (sweep.load === 'scenario') return base.phases;
  const { warmupMs, warmupRateMsgsPerSec, pointDurationMs, maxInFlight } = sweep;
  if (warmupMs === null || warmupRateMsgsPerSec === null || pointDurationMs === null || maxInFlight === null) {
    throw new Error('a max-load sweep resolves warmupMs, warmupRateMsgsPerSec, pointDurationMs and maxInFlight');
  }
  return [
    { name: 'warmup', type: 'warmup', durationMs: warmupMs, rateMsgsPerSec: warmupRateMsgsPerSec },
    { name: 'max', type: 'max', durationMs: pointDurationMs, maxInFlight },
  ];
}
