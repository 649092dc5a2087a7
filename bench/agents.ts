/**
 * Do agents scale, and what do they cost? On one cluster (the embedded one, or --brokers):
 *   1. one process, 3 producer threads, an unpaced phase: the msg/s to match;
 *   2. the same scenario over 3 `kload agent` processes (one thread each) and a coordinator:
 *      total msg/s, the coordinator's CPU against the agents', and the control topic's bytes;
 *   3. the agents at a low paced rate: control bytes per second must not follow the message rate.
 * CPU comes from /proc/<pid>/stat (all threads), sampled every 100 ms while the run lasts.
 *
 *   npm run bench:agents [-- --brokers host:port] [-- --seconds 10]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedCluster } from '../src/cluster/embedded-cluster.js';
import { newConsumer } from '../src/kafka/rdkafka.js';
import { connectClient, disconnectConsumer } from '../src/kafka/connection.js';
import type { RunResult } from '../src/result/result-types.js';

const { values } = parseArgs({ options: { brokers: { type: 'string' }, seconds: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const cluster = values.brokers ? null : await EmbeddedCluster.start({ nodes: 1 });
const brokers = values.brokers ?? cluster!.bootstrapServers;
const dir = mkdtempSync(join(tmpdir(), 'kload-bench-agents-'));
const bin = join(process.cwd(), 'bin', 'kload.cjs');
const control = `kload-control-bench-${process.pid}`;

function scenarioFile(name: string, phase: object): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name,
      topics: [{ name: `bench-agents-${name}-${process.pid}`, partitions: 6 }],
      producers: { count: 3, threads: 3, message: { size: 100 }, properties: { acks: '1', 'linger.ms': '5' } },
      phases: [
        { type: 'warmup', duration: '2s', rate: 1000 },
        { name: 'measured', ...phase },
      ],
    }),
  );
  return file;
}

/** utime + stime of a process, in CPU seconds (all its threads). */
function cpuSec(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function kload(args: string[]): { child: ChildProcess; done: Promise<number>; cpu: () => number; out: () => string } {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let last = 0;
  const timer = setInterval(() => (last = cpuSec(child.pid!) ?? last), 100);
  const done = new Promise<number>((resolve) =>
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve(code ?? -1);
    }),
  );
  return { child, done, cpu: () => Math.max(last, cpuSec(child.pid!) ?? 0), out: () => out };
}

function readResult(outDir: string): RunResult {
  const file = readdirSync(outDir).find((f) => f.endsWith('.json'))!;
  return JSON.parse(readFileSync(join(outDir, file), 'utf8')) as RunResult;
}

/** Bytes and messages on the control topic from `from` to its end. */
async function controlTraffic(from: number): Promise<{ bytes: number; messages: number; end: number }> {
  const c = newConsumer({ 'bootstrap.servers': brokers, 'group.id': `bench-${process.pid}`, log_level: 0 }, {});
  await connectClient(c, 'the control reader', brokers, 10_000);
  const end = await new Promise<number>((res, rej) =>
    c.queryWatermarkOffsets(control, 0, 5000, (e, o) => (e ? rej(e) : res(o.highOffset))),
  );
  c.assign([{ topic: control, partition: 0, offset: from }]);
  let bytes = 0;
  let messages = 0;
  while (from + messages < end) {
    const batch = await new Promise<{ value: Buffer | null }[]>((res) => c.consume(500, (_e, m) => res(m ?? [])));
    for (const m of batch) {
      bytes += m.value?.length ?? 0;
      messages++;
    }
  }
  c.unassign();
  await disconnectConsumer(c);
  return { bytes, messages, end };
}

const unpaced = { type: 'max', duration: `${seconds}s` };
const rows: string[][] = [];

const singleOut = join(dir, 'single');
const single = kload(['run', scenarioFile('single', unpaced), '--brokers', brokers, '--out', singleOut]);
if ((await single.done) !== 0) throw new Error(single.out());
const singleRate = readResult(singleOut).phases[1]!.achievedRate;
rows.push(['1 process, 3 threads', fmt(singleRate), fmt(single.cpu(), 1), '-', '-', '-']);

const agents = ['a1', 'a2', 'a3'].map((name) =>
  kload(['agent', '--brokers', brokers, '--name', name, '--control-topic', control]),
);
await new Promise((r) => setTimeout(r, 5000));
let offset = (await controlTraffic(0)).end;
for (const [label, phase] of [
  ['3 agents, unpaced', unpaced],
  ['3 agents, 3,000 msg/s', { type: 'constant', duration: `${seconds}s`, rate: 3000 }],
] as const) {
  const before = agents.map((a) => a.cpu());
  const out = join(dir, label.replace(/\W+/g, '-'));
  const name = phase.type === 'max' ? 'agents-max' : 'agents-paced';
  const coordinator = kload([
    'run',
    scenarioFile(name, phase),
    '--brokers',
    brokers,
    '--agents',
    '3',
    '--control-topic',
    control,
    '--out',
    out,
  ]);
  if ((await coordinator.done) !== 0) throw new Error(coordinator.out());
  const agentCpu = agents.reduce((n, a, i) => n + a.cpu() - before[i]!, 0);
  const result = readResult(out);
  const traffic = await controlTraffic(offset);
  offset = traffic.end;
  const runSec = (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000;
  rows.push([
    label,
    fmt(result.phases[1]!.achievedRate),
    fmt(agentCpu, 1),
    `${fmt(coordinator.cpu(), 2)} (${fmt((100 * coordinator.cpu()) / agentCpu, 1)}%)`,
    `${fmt(traffic.messages / runSec, 1)}`,
    `${fmt(traffic.bytes / runSec / 1024, 1)}`,
  ]);
}
for (const a of agents) a.child.kill('SIGTERM');
await Promise.all(agents.map((a) => a.done));
await cluster?.stop();

const header = [
  'case',
  'msg/s (measured phase)',
  'agents CPU s',
  'coordinator CPU s (of agents)',
  'control msg/s',
  'control KiB/s',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
console.log(
  `\n3 agents reach ${fmt((100 * Number(rows[1]![1]!.replace(/,/g, ''))) / singleRate, 1)}% of one process's rate.`,
);
console.log('CPU s: the whole run (connect, warmup, measured phase, drain), all threads of each process.');

function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
