/**
 * The `node-rdkafka` producer driver: today's binding path behind the batch contract. Each
 * message is one produce() with a JS stamp; each delivery report is one JS object, queued here
 * in typed arrays until the loop drains them. It is kept to measure what the binding costs.
 */
import { connectClient, disconnectProducer } from '../../kafka/connection.js';
import { QUEUE_FULL } from '../../kafka/error-names.js';
import { newProducer, type DeliveryReport, type LibrdKafkaError, type ProducerClient } from '../../kafka/rdkafka.js';
import { nowUs } from '../clock.js';
import type { DeliveryReports, ProducerDriver, SendBatch } from '../producer-driver.js';
import { encodeStamp, STAMP_HEADER } from '../stamp.js';
import { STAMP_TRAILER_BYTES, writeStampTrailer } from '../stamp-trailer.js';
import { ReportQueue } from './report-queue.js';
import { StampMode } from '../../native/addon.js';

export class RdkafkaProducerDriver implements ProducerDriver {
  private readonly queue = new ReportQueue();
  private readonly errors: string[] = [];
  private readonly headerValue = { [STAMP_HEADER]: '' };
  private readonly headers = [this.headerValue];

  private constructor(
    private readonly producer: ProducerClient,
    private readonly topic: string,
  ) {}

  static async connect(
    conf: Record<string, string>,
    topic: string,
    label: string,
    timeoutMs: number,
  ): Promise<RdkafkaProducerDriver> {
    const producer = newProducer({ ...conf, dr_cb: true });
    const driver = new RdkafkaProducerDriver(producer, topic);
    producer.on('delivery-report', (err: LibrdKafkaError | null, report: DeliveryReport) => {
      driver.queue.push(
        report.opaque as number,
        err ? err.code : 0,
        report.partition,
        report.offset ?? -1,
        report.size,
        nowUs(),
      );
    });
    producer.on('event.error', (err: LibrdKafkaError) => driver.errors.push(`${label}: ${err.message}`));
    await connectClient(producer, label, conf['bootstrap.servers']!, timeoutMs);
    return driver;
  }

  send(b: SendBatch, start: number): number {
    for (let i = start; i < b.count; i++) {
      const value = b.values.subarray(b.valueOffsets[i]!, b.valueOffsets[i]! + b.valueLengths[i]!);
      let headers: typeof this.headers | undefined;
      if (b.stampMode === StampMode.Trailer && value.length >= STAMP_TRAILER_BYTES) {
        const view = new DataView(
          value.buffer,
          value.byteOffset + value.length - STAMP_TRAILER_BYTES,
          STAMP_TRAILER_BYTES,
        );
        writeStampTrailer(
          view,
          b.runId,
          b.phaseIndex,
          b.producerId,
          b.seqs[i]!,
          b.intendedMonoUs[i]!,
          b.intendedWallUs[i]!,
          b.clockDomainId,
        );
      } else if (b.stampMode !== StampMode.None) {
        this.headerValue[STAMP_HEADER] = encodeStamp({
          runId: b.runId,
          phaseIndex: b.phaseIndex,
          producerId: b.producerId,
          seq: b.seqs[i]!,
          intendedMonoUs: b.intendedMonoUs[i]!,
          intendedWallUs: b.intendedWallUs[i]!,
          clockDomainId: b.clockDomainId,
        });
        headers = this.headers;
      }
      const keyLength = b.keyLengths[i]!;
      const key =
        keyLength < 0 || b.keys === null ? null : b.keys.subarray(b.keyOffsets[i]!, b.keyOffsets[i]! + keyLength);
      b.sentMonoUs[i] = nowUs();
      try {
        this.producer.produce(this.topic, null, value, key, null, b.opaques[i], headers);
      } catch (err) {
        if ((err as { code?: number }).code !== QUEUE_FULL) throw err;
        return i - start;
      }
    }
    return b.count - start;
  }

  reports(out: DeliveryReports): number {
    this.producer.poll();
    return this.queue.drainInto(out);
  }

  clientErrors(): string[] {
    return this.errors.splice(0);
  }

  close(flushTimeoutMs: number): Promise<void> {
    return disconnectProducer(this.producer, flushTimeoutMs);
  }
}
