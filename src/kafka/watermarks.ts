import { KafkaClientError } from './error-names.js';
import { newProducer, type ProducerClient } from './rdkafka.js';
import { connectClient, disconnectProducer } from './connection.js';

/**
 * Reads partitions' high watermarks (the offset the next message will get) with one long-lived
 * client: the drain waits until consumers reach them, and consumer lag is measured against them.
 */
export class WatermarkReader {
  private readonly client: ProducerClient;

  private constructor(client: ProducerClient) {
    this.client = client;
  }

  static async connect(brokers: string, properties: Record<string, string>): Promise<WatermarkReader> {
    const client = newProducer({
      ...properties,
      'bootstrap.servers': brokers,
      'client.id': 'kload-watermarks',
      log_level: 0,
    });
    await connectClient(client, 'the watermark reader', brokers, 10_000);
    return new WatermarkReader(client);
  }

  highWatermarks(topic: string, partitions: number, timeoutMs = 5000): Promise<number[]> {
    return Promise.all(
      Array.from(
        { length: partitions },
        (_, p) =>
          new Promise<number>((resolve, reject) => {
            this.client.queryWatermarkOffsets(topic, p, timeoutMs, (err, offsets) =>
              err ? reject(new KafkaClientError(err)) : resolve(offsets.highOffset),
            );
          }),
      ),
    );
  }

  close(): Promise<void> {
    return disconnectProducer(this.client, 5000);
  }
}
