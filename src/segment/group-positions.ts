/**
 * How far each consumer group has read, when its members are spread over several processes: a
 * process knows its own members' positions (fresh) and learns the others' from the group's
 * committed offsets (as old as auto.commit.interval.ms). The drain and the lag of a segment use
 * the larger of the two per partition.
 */
import { connectClient, disconnectConsumer } from '../kafka/connection.js';
import { KafkaClientError } from '../kafka/error-names.js';
import { newConsumer, type ConsumerClient } from '../kafka/rdkafka.js';
import { groupLag, type PositionSource } from './position-source.js';

export class GroupPositions implements PositionSource {
  private readonly committed = new Map<string, Map<number, number>>();
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly local: PositionSource,
    private readonly readers: Map<string, ConsumerClient>,
    private readonly topic: string,
    private readonly partitions: number,
  ) {}

  /** One unsubscribed client per group: it only fetches offsets and never joins the group. */
  static async open(o: {
    brokers: string;
    properties: Record<string, string>;
    groups: string[];
    topic: string;
    partitions: number;
    local: PositionSource;
  }): Promise<GroupPositions> {
    const readers = new Map<string, ConsumerClient>();
    for (const group of o.groups) {
      const client = newConsumer(
        {
          ...o.properties,
          'bootstrap.servers': o.brokers,
          'group.id': group,
          'client.id': 'kload-offsets',
          log_level: 0,
        },
        {},
      );
      await connectClient(client, 'the committed-offset reader', o.brokers, 10_000);
      readers.set(group, client);
    }
    return new GroupPositions(o.local, readers, o.topic, o.partitions);
  }

  /** Refreshes the committed offsets every `everyMs` until close(). */
  follow(everyMs = 500): void {
    let busy = false;
    this.timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void this.refresh()
        .catch(() => undefined) // a missed refresh only delays the drain by one period
        .finally(() => (busy = false));
    }, everyMs);
    this.timer.unref();
  }

  async refresh(): Promise<void> {
    const toppars = Array.from({ length: this.partitions }, (_, partition) => ({ topic: this.topic, partition }));
    await Promise.all(
      [...this.readers].map(
        ([group, client]) =>
          new Promise<void>((resolve, reject) =>
            client.committed(toppars, 2000, (err, offsets) => {
              if (err) return reject(new KafkaClientError(err));
              const byPartition = new Map<number, number>();
              for (const o of offsets) if (o.offset >= 0) byPartition.set(o.partition, o.offset);
              this.committed.set(group, byPartition);
              resolve();
            }),
          ),
      ),
    );
  }

  positionsOf(group: string): Map<number, number> {
    const out = new Map(this.committed.get(group) ?? []);
    for (const [p, next] of this.local.positionsOf(group)) out.set(p, Math.max(out.get(p) ?? 0, next));
    return out;
  }

  lag(groups: string[], high: number[]): number {
    return groupLag(this, groups, high);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.readers.values()].map((c) => disconnectConsumer(c)));
  }
}
