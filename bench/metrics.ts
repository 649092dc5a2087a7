/**
 * What does `--metrics` cost? The same paced run (100k msg/s of 100 B, a consumer group) on a
 * 1-node embedded cluster, alternately without and with live metrics and a scraper polling
 * /metrics every second, in this process so two figures can be read:
 *
 *   - the whole process's CPU (every worker thread included), with against without: noisy, as
 *     any A/B of a full run is, so the runs alternate and each variant runs `--repeats` times;
 *   - the CPU of the metrics code itself (worker-message handling, the per-second gauges and
 *     every scrape's rendering), timed around those calls: exact, and the figure the target
 *     (< 1% of the run's CPU) is checked against.
 *
 *   npm run bench:metrics [-- --rate 100000] [-- --seconds 20] [-- --repeats 3]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedCluster } from '../src/cluster/embedded-cluster.js';
import { resolveCluster } from '../src/cluster/cluster-target.js';
import { runScenario } from '../src/coordinator/run-scenario.js';
import { silentReporter, type ProgressSnapshot } from '../src/coordinator/reporter.js';
import type { WorkerMessage } from '../src/workers/protocol.js';
import { LiveMetrics } from '../src/live/live-metrics.js';
import { MetricsServer } from '../src/live/metrics-server.js';
import { loadScenario } from '../src/scenario/load.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '20' },
    repeats: { type: 'string', default: '3' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const repeats = Number(values.repeats);
const dir = mkdtempSync(join(tmpdir(), 'kload-bench-metrics-'));

function scenarioFile(round: number, withMetrics: boolean): string {
  const file = join(dir, `round-${round}-${withMetrics}.yaml`);
  const topic = `bench-metrics-${process.pid}-${round}-${withMetrics ? 'on' : 'off'}`;
  writeFileSync(
    file,
    `name: bench-metrics
topics: [{ name: ${topic}, partitions: 4 }]
producers: { count: 2, message: { size: 100 }, properties: { acks: 1, linger.ms: 5 } }
consumers: { groups: [${topic}-g], members: 2 }
phases:
  - { type: warmup, duration: 3s, rate: ${rate} }
  - { name: measured, type: constant, duration: ${seconds}s, rate: ${rate} }
`,
  );
  return file;
}

/** Wall time spent inside `fn`, added to `into.us`. */
function timed<A extends unknown[], R>(into: { us: number }, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const t0 = process.hrtime.bigint();
    try {
      return fn(...args);
    } finally {
      into.us += Number(process.hrtime.bigint() - t0) / 1000;
    }
  };
}

interface Round {
  metrics: boolean;
  cpuSec: number;
  achieved: number;
  metricsCodeMs: number;
  scrapes: number;
}

async function round(index: number, withMetrics: boolean, brokers: string): Promise<Round> {
  const scenario = loadScenario(scenarioFile(index, withMetrics));
  const cluster = await resolveCluster({ brokers, scenario, clientConfig: {}, log: () => {} });
  const spent = { us: 0 };
  let live: { metrics: LiveMetrics; server: MetricsServer; poller: NodeJS.Timeout } | null = null;
  if (withMetrics) {
    const metrics = new LiveMetrics(scenario, `bench-${index}`);
    const render = metrics.registry.metrics.bind(metrics.registry);
    metrics.registry.metrics = async () => {
      const t0 = process.hrtime.bigint();
      const text = await render();
      spent.us += Number(process.hrtime.bigint() - t0) / 1000;
      return text;
    };
    const server = await MetricsServer.start(metrics.registry, { host: '127.0.0.1', port: 0 });
    const poller = setInterval(() => void fetch(server.url).then((r) => r.text()), 1000);
    live = { metrics, server, poller };
  }
  const reporter = live
    ? { ...silentReporter, progress: timed(spent, (s: ProgressSnapshot) => live.metrics.progress(s)) }
    : silentReporter;
  const before = process.cpuUsage();
  const { result } = await runScenario({
    scenario,
    cluster,
    clientConfig: {},
    reporter,
    signal: new AbortController().signal,
    kloadVersion: 'bench',
    ...(live ? { watch: timed(spent, (m: WorkerMessage) => live.metrics.observe(m)) } : {}),
  });
  const cpu = process.cpuUsage(before);
  const scrapes = live?.server.scrapes ?? 0;
  if (live) {
    clearInterval(live.poller);
    await live.server.close();
  }
  await cluster.release();
  const measured = result.phases.find((p) => p.name === 'measured')!;
  return {
    metrics: withMetrics,
    cpuSec: (cpu.user + cpu.system) / 1e6,
    achieved: measured.achievedRate,
    metricsCodeMs: spent.us / 1000,
    scrapes,
  };
}

const cluster = await EmbeddedCluster.start({ nodes: 1 });
const rounds: Round[] = [];
try {
  for (let i = 0; i < repeats; i++) {
    for (const withMetrics of [false, true]) {
      const r = await round(i, withMetrics, cluster.bootstrapServers);
      rounds.push(r);
      const variant = r.metrics ? 'with   ' : 'without';
      console.log(
        `round ${i + 1} ${variant} --metrics: ${Math.round(r.achieved).toLocaleString()} msg/s, ` +
          `process CPU ${r.cpuSec.toFixed(2)} s` +
          (r.metrics ? `, metrics code ${r.metricsCodeMs.toFixed(1)} ms over ${r.scrapes} scrapes` : ''),
      );
    }
  }
} finally {
  await cluster.stop();
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const off = rounds.filter((r) => !r.metrics);
const on = rounds.filter((r) => r.metrics);
const code = mean(on.map((r) => r.metricsCodeMs)) / 1000;
const cpuOff = mean(off.map((r) => r.cpuSec));
const cpuOn = mean(on.map((r) => r.cpuSec));
console.log(
  `\nprocess CPU: ${cpuOff.toFixed(2)} s without, ${cpuOn.toFixed(2)} s with ` +
    `(${(((cpuOn - cpuOff) / cpuOff) * 100).toFixed(1)}%, noisy: ${repeats} rounds each)`,
);
console.log(
  `metrics code: ${(code * 1000).toFixed(1)} ms per ${seconds + 3} s run = ` +
    `${((code / cpuOn) * 100).toFixed(3)}% of the run's CPU (target < 1%)`,
);
