/** A consumer thread's group members: one driver each, connected and subscribed. */
import type { ConsumerDriver } from './consumer-driver.js';
import { NativeConsumerDriver } from './drivers/native-consumer.js';
import { nativeIdler, newWaiter, type Idler } from './drivers/idlers.js';
import { RdkafkaConsumerDriver } from './drivers/rdkafka-consumer.js';
import type { ConsumerAssignment } from './protocol.js';

export interface MemberHandle {
  group: string;
  member: number;
  driver: ConsumerDriver;
}

export interface ConsumerMembers {
  members: MemberHandle[];
  /** Set for the native driver: its reads never block, the idler waits on the shared eventfd. */
  idler: Idler | null;
}

const CONNECT_TIMEOUT_MS = 15_000;

export async function connectConsumers(a: ConsumerAssignment): Promise<ConsumerMembers> {
  const waiter = a.client === 'native' ? newWaiter() : null;
  const members: MemberHandle[] = [];
  try {
    for (const { group, member } of a.members) {
      const conf = {
        'enable.auto.commit': 'true',
        ...a.properties,
        'bootstrap.servers': a.brokers,
        'group.id': group,
        'client.id': `kload-consumer-${group}-${member}`,
        // The binding's consume(n) otherwise waits until n messages have arrived; with EOF events
        // on it also returns when the consumer catches up with a partition (consume-batch-size.ts
        // bounds that wait during a run). The native driver skips EOF events in C.
        'enable.partition.eof': 'true',
        // A group new to the topic must read the run from its first message, not from "now".
        'auto.offset.reset': 'earliest',
      };
      const label = `consumer ${group}/${member}`;
      const driver =
        waiter === null
          ? await RdkafkaConsumerDriver.connect(conf, a.topic, label, CONNECT_TIMEOUT_MS)
          : NativeConsumerDriver.connect(conf, a.topic, label, waiter, CONNECT_TIMEOUT_MS);
      members.push({ group, member, driver });
    }
  } catch (err) {
    await Promise.all(members.map((m) => m.driver.close()));
    waiter?.close();
    throw err;
  }
  return { members, idler: waiter === null ? null : nativeIdler(waiter) };
}
