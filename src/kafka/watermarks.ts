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
    return Promise.all(Array.from({ length: partitions }, (_, p) => this.highWatermark(topic, p, timeoutMs)));
  }

  /**
   * One partition's, asked of its leader now (the lag sampler pairs it with a position just reported).
   * librdkafka asks the leader it has cached, for up to metadata.max.age.ms (15 min), even when that
   * broker is gone: after a failover every query timed out until the old leader came back to say
   * "not leader". So a failed attempt refreshes the topic's metadata and asks again, within timeoutMs.
   */
  async highWatermark(topic: string, partition: number, timeoutMs = 5000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.queryHigh(topic, partition, Math.max(1000, Math.min(timeoutMs / 3, deadline - Date.now())));
      } catch (error) {
        if (deadline - Date.now() < 500) throw error;
        await this.refreshMetadata(topic, deadline - Date.now()).catch(() => {});
      }
    }
  }

  private queryHigh(topic: string, partition: number, timeoutMs: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.client.queryWatermarkOffsets(topic, partition, timeoutMs, (err, offsets) =>
        err ? reject(new KafkaClientError(err)) : resolve(offsets.highOffset),
      );
    });
  }

  private refreshMetadata(topic: string, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.client.getMetadata({ topic, timeout: Math.max(500, timeoutMs) }, (err) => (err ? reject(err) : resolve()));
    });
  }

  close(): Promise<void> {
    return disconnectProducer(this.client, 5000);
  }
}
