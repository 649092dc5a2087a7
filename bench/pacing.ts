/**
 * How fast can one producer thread keep an open-loop schedule? Runs constant phases of rising
 * rate (1 producer, 1 thread, 100-byte messages, acks=1) on the embedded cluster, or --brokers,
 * and prints per rate: achieved msg/s, schedule delay p50/p99/max and whether kload flagged the
 * phase generator-bound. The answer is the highest rate whose schedule delay p99 stays < 1 ms.
 *
 *   npm run bench:pacing [-- --brokers host:port] [-- --rates 10000,50000,100000] [-- --seconds 5]
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/coordinator/run-scenario.js';
import { silentReporter } from '../src/coordinator/reporter.js';
import { kloadVersion } from '../src/cli/version.js';
import { resolveCluster } from '../src/cluster/cluster-target.js';
import { writeResultFile } from '../src/result/result-path.js';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string' },
    rates: { type: 'string', default: '5000,10000,20000,50000,100000,150000,200000' },
    seconds: { type: 'string', default: '5' },
  },
});
const rates = values.rates!.split(',').map(Number);
const seconds = Number(values.seconds);

const dir = mkdtempSync(join(tmpdir(), 'kload-bench-pacing-'));
const file = join(dir, 'pacing.yaml');
writeFileSync(file, [
  'name: bench-pacing',
  `topics: [{ name: kload-bench-pacing-${process.pid}, partitions: 6 }]`,
  'producers: { count: 1, threads: 1, message: { size: 100 }, properties: { acks: 1 } }',
  'phases:',
  `  - { type: warmup, duration: 3s, rate: ${rates[0]} }`,
  ...rates.map((r) => `  - { name: r${r}, type: constant, duration: ${seconds}s, rate: ${r} }`),
].join('\n'));

const scenario = loadScenario(file);
const cluster = await resolveCluster({ brokers: values.brokers, scenario, clientConfig: {}, log: () => {} });
const { result } = await runScenario({
  scenario, kloadVersion: kloadVersion(), cluster, clientConfig: {}, signal: new AbortController().signal, reporter: silentReporter,
}).finally(() => cluster.release());
const resultPath = await writeResultFile(dir, scenario.name, new Date(result.startedAt), result);
const ms = (us: number) => (us / 1000).toFixed(2);
console.log(`kload pacing bench: 1 producer thread, 100 B, acks=1, ${seconds} s per rate (${result.environment.cpuCount} CPUs, ${result.environment.cpuModel})`);
console.log('target msg/s | achieved msg/s | sched p50 ms | sched p99 ms | sched max ms | queue-full | generator-bound');
let best = 0;
for (const p of result.phases.filter((x) => x.recorded)) {
  console.log([p.targetRate, Math.round(p.achievedRate), ms(p.scheduleDelayUs.p50), ms(p.scheduleDelayUs.p99), ms(p.scheduleDelayUs.max), p.queueFullWaits, p.generatorBound ? 'yes' : 'no'].map(String).join(' | '));
  if (p.scheduleDelayUs.p99 < 1000 && !p.generatorBound) best = Math.max(best, p.targetRate ?? 0);
}
console.log(`highest rate paced with schedule delay p99 < 1 ms: ${best ? `${best} msg/s` : 'none of those tried'}`);
console.log(`result: ${resultPath}`);
process.exit(0);
