/**
 * How fast is the native core on one thread? Produces N × S-byte random messages with trailer
 * stamps as fast as an in-flight window allows (batches in, delivery reports drained every loop
 * turn, the Waiter slept on when the window is full), recording publish latency (ack − sent) per
 * message into a WASM HDR histogram; then reads them all back with the NativeConsumer, parsing
 * every stamp. Prints msg/s and CPU µs/msg for both sides, and publish latency p50/p99.
 *
 *   node bin/kload.cjs cluster start --detach
 *   npm run build && node bin/kload-env.cjs dist/bench/native-probe.js [--brokers host:port]
 *     [--messages 2000000] [--size 100] [--window 100000] [--batch 10000] [--partitions 6]
 *     [--acks 1] [--prop key=value ...]
 *   node bin/kload.cjs cluster stop
 *
 * CPU is process-wide (JS thread + librdkafka's threads, like rdkafka_performance reports);
 * "js thread" is this thread alone, read from /proc/thread-self/stat (10 ms ticks).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readClusterState } from '../src/cluster/cluster-state.js';
import { createTopics, deleteTopic } from '../src/kafka/admin.js';
import { createRecordingHistogram, loadRecordingEngine, recordUs } from '../src/metrics/histogram.js';
import { createConsumedBatch, createDeliveryReports, createProduceBatch, loadNative } from '../src/native/addon.js';
import { nowUs } from '../src/workers/clock.js';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string' },
    messages: { type: 'string', default: '2000000' },
    size: { type: 'string', default: '100' },
    window: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '10000' },
    partitions: { type: 'string', default: '6' },
    acks: { type: 'string', default: '1' },
    prop: { type: 'string', multiple: true, default: [] },
  },
});
const N = Number(values.messages);
const SIZE = Number(values.size);
const WINDOW = Number(values.window);
const BATCH = Number(values.batch);
const brokers = values.brokers ?? readClusterState()?.bootstrapServers;
if (!brokers) {
  console.error('No cluster: start one with `node bin/kload.cjs cluster start --detach`, or pass --brokers host:port.');
  process.exit(2);
}
const extra = Object.fromEntries(
  values.prop!.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);

/** This thread's CPU in µs (utime + stime, clock ticks of 10 ms). */
function threadCpuUs(): number {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10_000;
}
function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const native = loadNative();
await loadRecordingEngine();
const topic = `kload-native-probe-${process.pid}`;
await createTopics(brokers, [{ name: topic, partitions: Number(values.partitions), replicationFactor: 1 }]);
console.log(`native probe: librdkafka ${native.librdkafkaVersion()}, bootstrap ${brokers}, topic ${topic}`);
console.log(`  ${fmt(N)} × ${SIZE} B, window ${fmt(WINDOW)}, batch ${fmt(BATCH)}, acks=${values.acks}`);

// ---- produce -------------------------------------------------------------------------------
const waiter = new native.Waiter();
const producer = new native.NativeProducer(
  {
    'bootstrap.servers': brokers,
    acks: values.acks!,
    'linger.ms': '5',
    'batch.size': '1000000',
    'queue.buffering.max.messages': String(WINDOW * 2),
    'queue.buffering.max.kbytes': '2097151',
    log_level: '3',
    ...extra,
  },
  waiter,
);
producer.connect(10_000);

const batch = createProduceBatch(BATCH, randomBytes(BATCH * SIZE));
for (let i = 0; i < BATCH; i++) {
  batch.valueOffsets[i] = i * SIZE;
  batch.valueLengths[i] = SIZE;
}
Object.assign(batch, { stampMode: 1, runId: 1, phaseIndex: 0, producerId: 1, clockDomainId: 1 });
const reports = createDeliveryReports(BATCH);
let ringSize = 1;
while (ringSize < WINDOW * 2) ringSize *= 2;
const mask = ringSize - 1;
const sentAt = new Float64Array(ringSize); // sent time by seq, for ack − sent
const publish = createRecordingHistogram();

let sent = 0;
let acked = 0;
let failed = 0;
let waits = 0;
const pCpu0 = cpuUs();
const pThread0 = threadCpuUs();
const pT0 = nowUs();
while (acked < N) {
  let stalled = true;
  const room = WINDOW - (sent - acked);
  if (room > 0 && sent < N) {
    const k = Math.min(BATCH, room, N - sent);
    const now = nowUs();
    const wall = Date.now() * 1000;
    for (let i = 0; i < k; i++) {
      batch.seqs[i] = sent + i;
      batch.opaques[i] = sent + i;
      batch.intendedMonoUs[i] = now;
      batch.intendedWallUs[i] = wall;
    }
    batch.count = k;
    const went = producer.produceBatch(topic, -1, batch, 0);
    for (let i = 0; i < went; i++) sentAt[(sent + i) & mask] = batch.sentMonoUs[i]!;
    sent += went;
    if (went === k) stalled = false;
  }
  const n = producer.drainReports(reports);
  for (let i = 0; i < n; i++) {
    if (reports.errors[i] !== 0) failed++;
    else recordUs(publish, reports.ackMonoUs[i]! - sentAt[reports.opaques[i]! & mask]!);
  }
  acked += n;
  if (n === 0 && stalled) {
    waits++;
    waiter.wait(10_000);
  }
}
const pT1 = nowUs();
const pCpu = cpuUs() - pCpu0;
const pThread = threadCpuUs() - pThread0;
producer.close();
for (const e of producer.errors()) console.log(`  producer error ${e.name}: ${e.message}`);
const pSec = (pT1 - pT0) / 1e6;
console.log(
  `produce: ${fmt(N / pSec)} msg/s (${fmt((N * SIZE) / pSec / 1e6, 1)} MB/s) in ${fmt(pSec, 2)} s, ` +
    `CPU ${fmt(pCpu / N, 3)} µs/msg (js thread ${fmt(pThread / N, 3)}), ${failed} failed, ${fmt(waits)} waits`,
);
console.log(
  `  publish latency p50 ${fmt(publish.getValueAtPercentile(50))} µs, ` +
    `p99 ${fmt(publish.getValueAtPercentile(99))} µs, ` +
    `max ${fmt(publish.maxValue)} µs (${fmt(publish.totalCount)} recorded)`,
);

// ---- consume -------------------------------------------------------------------------------
const cWaiter = new native.Waiter();
const consumer = new native.NativeConsumer(
  {
    'bootstrap.servers': brokers,
    'group.id': `${topic}-reader`,
    'auto.offset.reset': 'earliest',
    'enable.auto.commit': 'false',
    log_level: '3',
  },
  cWaiter,
);
consumer.connect(10_000);
const out = createConsumedBatch(BATCH);
const seen = new Uint8Array(N);
let consumed = 0;
let stamped = 0;
let dupes = 0;
let firstAt = 0;
const cCpu0 = cpuUs();
const cThread0 = threadCpuUs();
const cT0 = nowUs();
consumer.subscribe([topic]);
while (consumed < N) {
  const n = consumer.consumeBatch(out, BATCH);
  if (n === 0) {
    cWaiter.wait(100_000);
    continue;
  }
  if (firstAt === 0) firstAt = nowUs();
  for (let i = 0; i < n; i++) {
    if (out.stamped[i] !== 1 || out.runIds[i] !== 1) continue;
    stamped++;
    const seq = out.seqs[i]!;
    if (seen[seq]) dupes++;
    seen[seq] = 1;
  }
  consumed += n;
}
const cT1 = nowUs();
const cCpu = cpuUs() - cCpu0;
const cThread = threadCpuUs() - cThread0;
consumer.close();
const cSec = (cT1 - firstAt) / 1e6;
console.log(
  `consume: ${fmt(N / cSec)} msg/s from the first message (${fmt((cT1 - cT0) / 1e6, 2)} s with the group join), ` +
    `CPU ${fmt(cCpu / N, 3)} µs/msg (js thread ${fmt(cThread / N, 3)}), ` +
    `${fmt(stamped)} stamps parsed, ${dupes} duplicates`,
);
for (const e of consumer.errors()) console.log(`  consumer error ${e.name}: ${e.message}`);
waiter.close();
cWaiter.close();
await deleteTopic(brokers, topic).catch(() => {});
