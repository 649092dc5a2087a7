import type { MessagePort } from 'node:worker_threads';
import { newProducer, type DeliveryReport, type LibrdKafkaError, type ProducerClient } from '../kafka/rdkafka.js';
import type { WorkerMessage } from './protocol.js';
import { connectClient, disconnectProducer } from '../kafka/connection.js';

export interface ProducerHandle {
  producer: ProducerClient;
  producerId: number;
  /** Next sequence number this client stamps. */
  seq: number;
}

export type DeliveryHandler = (err: LibrdKafkaError | null, report: DeliveryReport) => void;

/** Connects one librdkafka producer per id, all reporting deliveries to one handler. */
export async function connectProducers(
  brokers: string,
  properties: Record<string, string>,
  producerIds: number[],
  workerId: number,
  port: MessagePort,
  onDelivery: DeliveryHandler,
): Promise<ProducerHandle[]> {
  return Promise.all(producerIds.map(async (producerId) => {
    const producer = newProducer({ ...properties, 'bootstrap.servers': brokers, 'client.id': `kload-producer-${producerId}`, dr_cb: true });
    producer.on('delivery-report', onDelivery);
    let lastErrorPost = 0;
    producer.on('event.error', (err: LibrdKafkaError) => {
      // Transport errors repeat every few ms while a broker is down: report, but not in a flood.
      const now = Date.now();
      if (now - lastErrorPost < 1000) return;
      lastErrorPost = now;
      const message: WorkerMessage = { type: 'client-error', workerId, message: `producer ${producerId}: ${err.message}` };
      port.postMessage(message);
    });
    await connectClient(producer, `producer ${producerId}`, brokers, 15_000);
    return { producer, producerId, seq: 0 };
  }));
}

export function disconnectAll(handles: { producer: ProducerClient }[]): Promise<void> {
  return Promise.all(handles.map((h) => disconnectProducer(h.producer))).then(() => undefined);
}
