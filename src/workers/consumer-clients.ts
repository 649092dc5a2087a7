import { newConsumer, type ConsumerClient, type LibrdKafkaError } from '../kafka/rdkafka.js';
import type { ConsumerAssignment, WorkerMessage } from './protocol.js';
import { connectClient } from '../kafka/connection.js';

export interface MemberHandle {
  group: string;
  member: number;
  consumer: ConsumerClient;
}

/** Connects and subscribes every member; each reports its partition count after a rebalance. */
export function connectConsumers(a: ConsumerAssignment): Promise<MemberHandle[]> {
  return Promise.all(a.members.map(async ({ group, member }) => {
    const consumer = newConsumer(
      {
        'enable.auto.commit': true,
        ...a.properties,
        'bootstrap.servers': a.brokers,
        'group.id': group,
        'client.id': `kload-consumer-${group}-${member}`,
        rebalance_cb: true,
        // consume(n) otherwise waits until n messages have arrived; with EOF events on it also
        // returns when the consumer catches up with a partition (rare while producers write:
        // consume-batch-size.ts is what bounds that wait during a run).
        'enable.partition.eof': true,
      },
      // A group new to the topic must read the run from its first message, not from "now".
      { 'auto.offset.reset': 'earliest' },
    );
    consumer.on('rebalance', () => {
      // The event fires before the library applies the change; read the result afterwards.
      // It also fires while the consumer closes, when assignments() throws "Erroneous state":
      // an exception here would kill the worker with a half-closed client, which aborts Node.
      setImmediate(() => {
        let partitions = 0;
        try {
          partitions = consumer.isConnected() ? consumer.assignments().length : 0;
        } catch {
          partitions = 0;
        }
        const message: WorkerMessage = { type: 'assignment', workerId: a.workerId, group, member, partitions };
        a.port.postMessage(message);
      });
    });
    consumer.on('event.error', (err: LibrdKafkaError) => {
      const message: WorkerMessage = { type: 'client-error', workerId: a.workerId, message: `consumer ${group}/${member}: ${err.message}` };
      a.port.postMessage(message);
    });
    await connectClient(consumer, `consumer ${group}/${member}`, a.brokers, 15_000);
    consumer.setDefaultConsumeTimeout(100);
    consumer.subscribe([a.topic]);
    return { group, member, consumer };
  }));
}
