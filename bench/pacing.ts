/**
 * How fast can one producer thread keep an open-loop schedule, and what does it cost when idle?
 * Runs constant phases of rising rate (1 producer, 1 thread, 100-byte messages, acks=1, linger.ms
 * 5) on the embedded cluster, or --brokers, and prints per rate: achieved msg/s, schedule delay
 * p50/p99/max, service latency (ack - send) p50/p99, the whole kload process's CPU as % of one
 * core, and whether kload flagged the phase generator-bound. With --rdkafka it then runs
 * librdkafka's own rdkafka_performance at the lowest rate (-r, per-message produce-to-report
 * latencies with -l -A) on the same broker, so kload's service p50 can be set beside librdkafka's.
 *
 *   npm run bench:pacing [-- --brokers host:port] [-- --rates 1000,100000,500000] [-- --seconds 10]
 *   npm run bench:pacing -- --client node-rdkafka     # the binding driver instead of native
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { kloadVersion } from '../src/cli/version.js';
import { resolveCluster } from '../src/cluster/cluster-target.js';
import { runScenario } from '../src/coordinator/run-scenario.js';
import type { ProgressSnapshot, Reporter } from '../src/coordinator/reporter.js';
import { createTopics, waitForLeaders } from '../src/kafka/admin.js';
import { writeResultFile } from '../src/result/result-path.js';
import { loadScenario } from '../src/scenario/load.js';
import { rdkafkaPerfPath } from './peers/rdkafka-perf-tool.js';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string' },
    rates: { type: 'string', default: '1000,10000,100000,250000,500000' },
    seconds: { type: 'string', default: '10' },
    client: { type: 'string', default: 'native' },
    rdkafka: { type: 'boolean', default: false },
  },
});
const rates = values.rates!.split(',').map(Number);
const seconds = Number(values.seconds);
const topic = `kload-bench-pacing-${process.pid}`;
const properties = { acks: '1', 'linger.ms': '5' };

const dir = mkdtempSync(join(tmpdir(), 'kload-bench-pacing-'));
const file = join(dir, 'pacing.json');
writeFileSync(
  file,
  JSON.stringify({
    name: 'bench-pacing',
    topics: [{ name: topic, partitions: 6 }],
    producers: { count: 1, threads: 1, client: values.client, message: { size: 100 }, properties },
    phases: [
      { type: 'warmup', duration: '3s', rate: rates[0] },
      ...rates.map((r) => ({ name: `r${r}`, type: 'constant', duration: `${seconds}s`, rate: r })),
    ],
  }),
);

/** CPU of the whole process between the first and the last progress snapshot of each phase. */
const cpuByPhase = new Map<string, { first: [number, bigint]; last: [number, bigint] }>();
const sample = (): [number, bigint] => {
  const u = process.cpuUsage();
  return [u.user + u.system, process.hrtime.bigint()];
};
const reporter: Reporter = {
  info: () => {},
  warn: () => {},
  progress: (s: ProgressSnapshot) => {
    const seen = cpuByPhase.get(s.phase);
    if (seen) seen.last = sample();
    else cpuByPhase.set(s.phase, { first: sample(), last: sample() });
  },
};
const cpuPercent = (phase: string): string => {
  const c = cpuByPhase.get(phase);
  if (!c || c.last[1] === c.first[1]) return '-';
  return ((100 * (c.last[0] - c.first[0])) / (Number(c.last[1] - c.first[1]) / 1000)).toFixed(1);
};

const scenario = loadScenario(file);
const cluster = await resolveCluster({ brokers: values.brokers, scenario, clientConfig: {}, log: () => {} });
try {
  const { result } = await runScenario({
    scenario,
    kloadVersion: kloadVersion(),
    cluster,
    clientConfig: {},
    signal: new AbortController().signal,
    reporter,
  });
  const resultPath = await writeResultFile(dir, scenario.name, new Date(result.startedAt), result);
  const ms = (us: number) => (us / 1000).toFixed(2);
  const env = result.environment;
  console.log(
    `kload pacing bench: 1 producer thread (${env.producerClient}), 100 B, acks=1, linger.ms=5, ${seconds} s per rate`,
  );
  console.log(`(${env.cpuCount} CPUs, ${env.cpuModel}; CPU = whole kload process, % of one core)`);
  console.log(
    'target msg/s | achieved msg/s | sched p50 ms | sched p99 ms | sched max ms | ' +
      'service p50 ms | service p99 ms | CPU % | queue-full | generator-bound',
  );
  let best = 0;
  for (const p of result.phases.filter((x) => x.recorded)) {
    const s = p.scheduleDelayUs;
    const row = [
      p.targetRate,
      Math.round(p.achievedRate),
      ms(s.p50),
      ms(s.p99),
      ms(s.max),
      ms(p.serviceLatencyUs.p50),
      ms(p.serviceLatencyUs.p99),
      cpuPercent(p.name),
      p.queueFullWaits,
      p.generatorBound ? 'yes' : 'no',
    ];
    console.log(row.map(String).join(' | '));
    if (s.p99 < 1000 && !p.generatorBound) best = Math.max(best, p.targetRate ?? 0);
  }
  console.log(`highest rate paced with schedule delay p99 < 1 ms: ${best ? `${best} msg/s` : 'none of those tried'}`);
  console.log(`result: ${resultPath}`);
  if (values.rdkafka) await librdkafkaAlone(cluster.brokers, rates[0]!, seconds);
} finally {
  await cluster.release();
}
process.exit(0);

/** rdkafka_performance -P -r rate -l -A file: librdkafka's own produce-to-report latency per message. */
async function librdkafkaAlone(brokers: string, rate: number, secs: number): Promise<void> {
  const own = `${topic}-rdkafka`;
  await createTopics(brokers, [{ name: own, partitions: 6, replicationFactor: 1 }]);
  await waitForLeaders(brokers, own, { partitions: 6 });
  const latencies = join(dir, 'rdkafka-latency.txt');
  const args = [
    '-P',
    '-t',
    own,
    '-s',
    '100',
    '-r',
    String(rate),
    '-c',
    String(rate * secs),
    '-l',
    '-A',
    latencies,
    '-b',
    brokers,
    '-q',
  ];
  for (const [k, v] of Object.entries(properties)) args.push('-X', `${k}=${v}`);
  execFileSync(rdkafkaPerfPath(), args, { stdio: ['ignore', 'ignore', 'ignore'] });
  const us = readFileSync(latencies, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
  const at = (q: number) => (us[Math.min(us.length - 1, Math.floor(q * us.length))]! / 1000).toFixed(2);
  console.log(
    `rdkafka_performance -r ${rate} -l, same broker and properties: ${us.length} messages, ` +
      `produce-to-report p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
  );
}
