/**
 * Child process of workers.test.ts: two worker threads load the addon and produce at once. One
 * worker closes its producer, the other leaves it open for the env cleanup hook, and the main
 * thread leaves one open too; the process must still exit on its own with code 0.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadNative } from '../../../src/native/addon.js';
import { produceAllNative, randomBatch } from './native-io.js';

interface Job {
  brokers: string;
  topic: string;
  index: number;
  count: number;
}

async function work(job: Job): Promise<void> {
  const native = loadNative();
  const w = new native.Waiter();
  const p = new native.NativeProducer({ 'bootstrap.servers': job.brokers, 'linger.ms': '5', log_level: '0' }, w);
  p.connect(10_000);
  const b = randomBatch(job.count, 100, 1);
  b.producerId = job.index;
  const reports = await produceAllNative(p, job.topic, b, w);
  const ok = reports.filter((r) => r.error === 0).length;
  if (job.index === 0) p.close(); // index 1 leaves it to the cleanup hook at worker exit
  parentPort!.postMessage({ index: job.index, ok, version: native.librdkafkaVersion() });
}

async function main(): Promise<void> {
  const [brokers, topic, countArg] = process.argv.slice(2);
  const count = Number(countArg ?? 5000);
  const native = loadNative();
  const left = new native.NativeProducer({ 'bootstrap.servers': brokers!, log_level: '0' });
  left.connect(10_000); // never closed: the main env's cleanup hook (or process exit) takes it
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    // GC of a live client only marks it for the cleanup hook; GC of a closed one frees it.
    (() => {
      new native.NativeProducer({ 'bootstrap.servers': brokers!, log_level: '0' }).connect(10_000);
    })();
    (() => {
      new native.NativeProducer({ 'bootstrap.servers': brokers!, log_level: '0' }).close();
    })();
    (() => {
      new native.NativeConsumer({ 'bootstrap.servers': brokers!, 'group.id': 'gc', log_level: '0' });
    })();
    gc();
    await new Promise((r) => setImmediate(r)); // napi finalizers run from an immediate
    gc();
  }
  const results = await Promise.all(
    [0, 1].map(
      (index) =>
        new Promise<unknown>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: { brokers: brokers!, topic: topic!, index, count } satisfies Job,
          });
          let result: unknown;
          worker.on('message', (m) => {
            result = m;
          });
          worker.on('error', reject);
          worker.on('exit', (code) =>
            code === 0 && result ? resolve(result) : reject(new Error(`worker ${index} exited with ${code}`)),
          );
        }),
    ),
  );
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

if (isMainThread) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  void work(workerData as Job);
}
