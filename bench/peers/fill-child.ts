/**
 * Writes exactly N kload-stamped messages for the consumer cases, with kload's native producer:
 * trailer stamps (the header for values shorter than the trailer) carrying one run id, producer
 * id 0, phase 0 and seq 0..N−1, so kload's consumers can account for every message (lost =
 * N − distinct seqs read) and take each one's age. A `kload run` max phase is timed, not
 * counted, hence this small child instead of the CLI.
 *
 * Run by the bench in its own process (the addon's Waiter blocks the thread it runs on):
 * `node fill-child.js <spec JSON>`; prints one JSON line, exits 1 on any failed delivery.
 */
import { randomBytes } from 'node:crypto';
import { PRODUCER_DEFAULTS } from '../../src/coordinator/client-properties.js';
import { createDeliveryReports, createProduceBatch, loadNative, StampMode } from '../../src/native/addon.js';
import { CLOCK_DOMAIN_ID, nowUs, wallUs } from '../../src/workers/clock.js';

export interface FillSpec {
  brokers: string;
  topic: string;
  messages: number;
  bytes: number;
  runId: number;
  /** The bench's producer properties; the fill pins acks=all and idempotence on top. */
  properties: Record<string, string>;
}

export interface FillSummary {
  delivered: number;
  failed: number;
  elapsedMs: number;
  errors: string[];
}

/** Messages per produceBatch() call; the pool of random values is reused batch after batch. */
const BATCH = 10_000;

function fill(spec: FillSpec): FillSummary {
  const native = loadNative();
  const waiter = new native.Waiter();
  // acks=all + idempotence: a retried batch must not land twice, or the topic would hold more
  // than N messages and every consumer would be charged with duplicates that are the fill's.
  const producer = new native.NativeProducer(
    {
      ...PRODUCER_DEFAULTS,
      ...spec.properties,
      acks: 'all',
      'enable.idempotence': 'true',
      'bootstrap.servers': spec.brokers,
      'client.id': 'kload-peers-fill',
    },
    waiter,
  );
  const size = Math.min(BATCH, spec.messages);
  const batch = createProduceBatch(size, randomBytes(size * spec.bytes));
  for (let i = 0; i < size; i++) {
    batch.valueOffsets[i] = i * spec.bytes;
    batch.valueLengths[i] = spec.bytes;
  }
  Object.assign(batch, {
    stampMode: StampMode.Trailer,
    runId: spec.runId,
    phaseIndex: 0,
    producerId: 0,
    clockDomainId: CLOCK_DOMAIN_ID,
  });
  const reports = createDeliveryReports(BATCH);
  let sent = 0;
  let next = 0; // first message of `batch` not yet handed to librdkafka
  let delivered = 0;
  let failed = 0;
  const started = nowUs();
  try {
    producer.connect(15_000);
    while (delivered + failed < spec.messages) {
      if (next === batch.count && sent < spec.messages) {
        // Refill only once the whole batch went: librdkafka has copied every value by then.
        const k = Math.min(size, spec.messages - sent);
        const mono = nowUs();
        const wall = wallUs();
        for (let i = 0; i < k; i++) {
          batch.seqs[i] = sent + i;
          batch.opaques[i] = sent + i;
          batch.intendedMonoUs[i] = mono;
          batch.intendedWallUs[i] = wall;
        }
        batch.count = k;
        next = 0;
      }
      const went = next < batch.count ? producer.produceBatch(spec.topic, -1, batch, next) : 0;
      next += went;
      sent += went;
      const n = producer.drainReports(reports);
      for (let i = 0; i < n; i++) {
        if (reports.errors[i] !== 0) failed++;
        else delivered++;
      }
      // Nothing went and nothing came back: the queue is full or everything is sent; sleep on the eventfd.
      if (n === 0 && went === 0) waiter.wait(10_000);
    }
    producer.flush(10_000);
    return {
      delivered,
      failed,
      elapsedMs: (nowUs() - started) / 1000,
      errors: producer.errors().map((e) => `${e.name}: ${e.message}`),
    };
  } finally {
    producer.close();
    waiter.close();
  }
}

try {
  const summary = fill(JSON.parse(process.argv[2]!) as FillSpec);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exit(summary.failed > 0 ? 1 : 0);
} catch (err) {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
}
