/**
 * kload's consumer as a peer: the real consumer task (src/workers/consumer-task.ts, the code a
 * `kload run` worker thread runs) reading a filled topic from the beginning with one group
 * member, driven the way the coordinator drives it — a `start` on its port, and the stop flag
 * raised once the `consumed` positions it posts every 200 ms reach the topic's end offsets.
 *
 * The task runs on this process's main thread, not in a worker: that is fine for a bench child
 * that does nothing else (the native driver blocks the thread on its eventfd for at most 1 ms at
 * a time and yields to the event loop every 20 ms, so the port and timers are still served), and
 * it keeps the process's CPU and RSS those of one consumer thread plus librdkafka's.
 *
 * `node kload-consumer-child.js <spec JSON>`; prints one JSON line (KloadConsumerSummary).
 */
import { MessageChannel } from 'node:worker_threads';
import { CONSUMER_DEFAULTS } from '../../src/coordinator/client-properties.js';
import { integrityByPhase } from '../../src/coordinator/integrity.js';
import { decodeHistogram } from '../../src/metrics/histogram.js';
import type { ClientDriver } from '../../src/scenario/types.js';
import type { ConsumedBatch } from '../../src/workers/consumer-driver.js';
import consumerTask from '../../src/workers/consumer-task.js';
import { NativeConsumerDriver } from '../../src/workers/drivers/native-consumer.js';
import { RdkafkaConsumerDriver } from '../../src/workers/drivers/rdkafka-consumer.js';
import type {
  ConsumerAssignment,
  CoordinatorMessage,
  ProducerWorkerResult,
  WorkerMessage,
} from '../../src/workers/protocol.js';
import { nowUs } from '../../src/workers/clock.js';

export interface KloadConsumerSpec {
  brokers: string;
  topic: string;
  group: string;
  client: ClientDriver;
  /** The fill's run id and message count (producer 0, seq 0..messages−1). */
  runId: number;
  messages: number;
  endOffsets: number[];
  /** Give up (raise the stop flag) after this long; the summary then says 'deadline'. */
  deadlineMs: number;
}

export interface KloadConsumerSummary {
  client: ClientDriver;
  /** Messages of the fill's run the task counted (its phase 0 `consumed`). */
  consumed: number;
  /** Every message the driver handed the task, and when the first and last of them arrived (monotonic µs). */
  read: number;
  firstUs: number;
  lastUs: number;
  stoppedBy: 'end' | 'deadline';
  foreign: number;
  e2eP50Us: number;
  e2eP99Us: number;
  /** Messages whose age was taken on the wall clock (all of them: the fill is another process). */
  wallClock: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  clientErrors: string[];
}

/**
 * The task reports no per-message times, and the window must run from the first message to the
 * last like the peers' (not from the group join). So both drivers' read() is wrapped here, in
 * this process only, to note the consume stamps the driver itself wrote into the batch: no extra
 * clock read, one comparison per batch.
 */
const readWindow = { read: 0, firstUs: NaN, lastUs: NaN };
function noteBatch(out: ConsumedBatch, n: number): void {
  if (n <= 0) return;
  if (readWindow.read === 0) readWindow.firstUs = out.consumeMonoUs[0]!;
  readWindow.lastUs = out.consumeMonoUs[n - 1]!;
  readWindow.read += n;
}
const nativeRead = NativeConsumerDriver.prototype.read;
NativeConsumerDriver.prototype.read = function read(
  this: NativeConsumerDriver,
  out: ConsumedBatch,
  max: number,
): number {
  const n = nativeRead.call(this, out, max);
  noteBatch(out, n);
  return n;
};
const bindingRead = RdkafkaConsumerDriver.prototype.read;
RdkafkaConsumerDriver.prototype.read = async function read(
  this: RdkafkaConsumerDriver,
  out: ConsumedBatch,
  max: number,
): Promise<number> {
  const n = await bindingRead.call(this, out, max);
  noteBatch(out, n);
  return n;
};

async function main(spec: KloadConsumerSpec): Promise<KloadConsumerSummary> {
  const stopFlag = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  const channel = new MessageChannel();
  let stoppedBy: 'end' | 'deadline' = 'end';
  const clientErrors: string[] = [];
  const reachedEnd = (positions: Record<number, number>) =>
    spec.endOffsets.every((end, p) => (positions[p] ?? 0) >= end);
  channel.port2.on('message', (m: WorkerMessage) => {
    if (m.type === 'ready') {
      const start: CoordinatorMessage = { type: 'start', startAtUs: nowUs() };
      channel.port2.postMessage(start);
    } else if (m.type === 'consumed' && reachedEnd(m.positions[spec.group] ?? {})) {
      Atomics.store(stop, 0, 1);
    } else if (m.type === 'client-error' && clientErrors.length < 5) {
      clientErrors.push(m.message);
    }
  });
  const deadline = setTimeout(() => {
    stoppedBy = 'deadline';
    Atomics.store(stop, 0, 1);
  }, spec.deadlineMs);
  const assignment: ConsumerAssignment = {
    role: 'consumer',
    workerId: 0,
    wallClockOffsetUs: 0,
    client: spec.client,
    brokers: spec.brokers,
    topic: spec.topic,
    runId: spec.runId,
    // One unpaced phase as long as the deadline: the fill stamped every message phase 0.
    phases: [
      { name: 'read', type: 'max', durationMs: spec.deadlineMs, schedule: null, maxInFlight: 1, recorded: true },
    ],
    intervalMs: 1000,
    stopFlag,
    port: channel.port1,
    members: [{ group: spec.group, member: 0 }],
    // What `kload run` gives a consumer with no scenario properties.
    properties: { ...CONSUMER_DEFAULTS },
  };
  try {
    const result = await consumerTask(assignment);
    const phase = result.phases[0]!;
    const e2e = decodeHistogram(phase.endToEndHistogram);
    // The fill as a producer ledger (every seq acknowledged), so kload's own integrity check counts.
    const fill: ProducerWorkerResult = {
      role: 'producer',
      workerId: -1,
      phases: [],
      stoppedEarly: false,
      producers: [
        {
          producerId: 0,
          phaseStartSeq: [0, spec.messages],
          acked: new Uint8Array(Math.ceil(spec.messages / 8)).fill(0xff),
        },
      ],
    };
    const integrity = integrityByPhase(1, [spec.group], [fill], [result], true)[0]!;
    return {
      client: spec.client,
      consumed: phase.consumed,
      ...readWindow,
      stoppedBy,
      foreign: result.foreign,
      e2eP50Us: e2e.getValueAtPercentile(50),
      e2eP99Us: e2e.getValueAtPercentile(99),
      wallClock: phase.wallClock,
      lost: integrity.lost,
      duplicated: integrity.duplicated,
      outOfOrder: integrity.outOfOrder,
      clientErrors,
    };
  } finally {
    clearTimeout(deadline);
    channel.port2.close();
  }
}

main(JSON.parse(process.argv[2]!) as KloadConsumerSpec).then(
  (summary) => {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    // The binding's consumer can keep handles open after disconnect; the figures are out.
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
