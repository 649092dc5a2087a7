/** A producer thread's clients: one driver per producer id, with its batch and delivery ledger. */
import { BatchFiller } from './batch-filler.js';
import { CLOCK_DOMAIN_ID } from './clock.js';
import { DeliveryLedger } from './delivery-ledger.js';
import { nativeIdler, newWaiter, timerIdler, type Idler } from './drivers/idlers.js';
import { NativeProducerDriver } from './drivers/native-producer.js';
import { RdkafkaProducerDriver } from './drivers/rdkafka-producer.js';
import { keySource, payloadSource } from './payloads.js';
import type { ProducerDriver } from './producer-driver.js';
import type { ProducerAssignment } from './protocol.js';
import { SendTimeline } from './send-timeline.js';

export interface ProducerClientState {
  producerId: number;
  /** Next sequence number this client stamps. */
  seq: number;
  /** This client's messages sent in the current phase. */
  sentInPhase: number;
  driver: ProducerDriver;
  filler: BatchFiller;
  /** Also counts this client's messages in flight (the settle step clears them). */
  ledger: DeliveryLedger;
  /** Which sequence numbers were meant for which interval of the schedule (fault windows). */
  sendTimes: SendTimeline;
}

/** librdkafka's default queue.buffering.max.messages: the most a client can hold unacknowledged. */
const LIBRDKAFKA_QUEUE_DEFAULT = 100_000;
/** Messages per batch call: enough to amortise the call, small enough to stay in cache. */
const BATCH_CAPACITY = 4096;
const CONNECT_TIMEOUT_MS = 15_000;

export interface ProducerClients {
  clients: ProducerClientState[];
  idler: Idler;
}

/** Connects one client per producer id with the assignment's driver; all share one idler. */
export async function connectProducers(a: ProducerAssignment): Promise<ProducerClients> {
  const queueMax = Number(a.properties['queue.buffering.max.messages'] ?? LIBRDKAFKA_QUEUE_DEFAULT);
  const payloads = payloadSource(a.payload, a.message.size, a.payloadLines);
  const keys = keySource(a.keys);
  // One eventfd per thread: every native client's report queue wakes the same wait.
  const waiter = a.client === 'native' ? newWaiter() : null;
  const idler = waiter === null ? timerIdler : nativeIdler(waiter);
  const clients: ProducerClientState[] = [];
  try {
    for (const producerId of a.producerIds) {
      const conf = { ...a.properties, 'bootstrap.servers': a.brokers, 'client.id': `kload-producer-${producerId}` };
      const label = `producer ${producerId}`;
      const driver =
        waiter === null
          ? await RdkafkaProducerDriver.connect(conf, a.topic, label, CONNECT_TIMEOUT_MS)
          : NativeProducerDriver.connect(conf, a.topic, label, waiter, CONNECT_TIMEOUT_MS);
      clients.push({
        producerId,
        seq: 0,
        sentInPhase: 0,
        driver,
        filler: new BatchFiller(BATCH_CAPACITY, payloads, keys, {
          runId: a.runId,
          producerId,
          clockDomainId: CLOCK_DOMAIN_ID,
        }),
        ledger: new DeliveryLedger(Math.min(queueMax + 1000, 1 << 24)),
        sendTimes: new SendTimeline(a.intervalMs * 1000),
      });
    }
  } catch (err) {
    await closeProducers({ clients, idler }, 0);
    throw err;
  }
  return { clients, idler };
}

export async function closeProducers(p: ProducerClients, flushTimeoutMs: number): Promise<void> {
  await Promise.all(p.clients.map((c) => c.driver.close(flushTimeoutMs)));
  p.idler.close();
}
