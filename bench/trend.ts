/**
 * Does `kload trend` stay quiet over runs that differ only by noise, and flag the one run that
 * is really slower? scenarios/quickstart.yaml runs `--runs` times (10) on one embedded 1-node
 * cluster this script starts, each labelled run-1, run-2, ..., each on a fresh topic and group
 * (so no run reads the one before it); then once deliberately slowed: `linger.ms` 5 -> 250 and
 * `acks` 1 -> all. A producer that holds every batch 250 ms cannot keep a publish p99 of a few
 * milliseconds, so the effect is certain. kload trend then runs over the first runs and over all
 * of them, and this prints both tables and what each flagged.
 *
 * First it prints how the same rule does on simulated histories whose truth is known
 * (trend-simulation.ts): how often pure noise gets flagged, how often a slower run is caught.
 *
 *   npm run bench:trend [-- --runs 10] [-- --linger-ms 250] [-- --out results/bench/trend] [-- --simulate-only]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedCluster } from '../src/cluster/embedded-cluster.js';
import { runScenario, saveResult } from '../src/library/run.js';
import type { RunResult } from '../src/result/result-types.js';
import { compactUtcTimestamp } from '../src/result/result-path.js';
import { writeTrendPage } from '../src/report/html/trend/trend-page.js';
import { loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/types.js';
import { buildTrend } from '../src/trend/build-trend.js';
import { formatTrend } from '../src/trend/format-trend.js';
import type { ResultFile } from '../src/trend/order-runs.js';
import type { Trend } from '../src/trend/trend-types.js';
import { simulateTrendRule } from './trend-simulation.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'linger-ms': { type: 'string', default: '250' },
    out: { type: 'string', default: join('results', 'bench', `trend-${compactUtcTimestamp(new Date())}`) },
    'simulate-only': { type: 'boolean', default: false },
  },
});
console.log(simulateTrendRule().join('\n'));
if (values['simulate-only']) process.exit(0);
const runs = Number(values.runs);
const dir = values.out;
mkdirSync(dir, { recursive: true });
const base = loadScenario('scenarios/quickstart.yaml');

/** The same scenario (name and phases, so trend accepts it) on its own topic and group. */
function scenarioFor(run: number, properties: Record<string, string> = {}): Scenario {
  const topic = `kload-quickstart-trend-${process.pid}-${run}`;
  const [first, ...rest] = base.topics;
  return {
    ...base,
    topics: [{ ...first!, name: topic }, ...rest],
    producers: { ...base.producers, topic, properties: { ...base.producers.properties, ...properties } },
    consumers: base.consumers && { ...base.consumers, topic, groups: [`${topic}-group`] },
  };
}

async function runOnce(cluster: EmbeddedCluster, run: number, label: string, scenario: Scenario): Promise<ResultFile> {
  const began = Date.now();
  const result: RunResult = { ...(await runScenario(scenario, { cluster })), label };
  const { resultPath } = await saveResult(result, dir);
  const steady = result.phases.find((p) => p.name === 'steady')!;
  const flat = result.phases.find((p) => p.name === 'flat-out')!;
  console.log(
    `run ${run} (${label}): ${result.status}, ` +
      `steady publish p99 ${(steady.publishLatencyUs.p99 / 1000).toFixed(1)} ms, ` +
      `flat-out ${Math.round(flat.achievedRate)} msg/s, p99 ${(flat.publishLatencyUs.p99 / 1000).toFixed(1)} ms ` +
      `(${((Date.now() - began) / 1000).toFixed(0)} s) -> ${resultPath}`,
  );
  return { file: resultPath, result };
}

function flagged(trend: Trend): string[] {
  return trend.series.flatMap((s) => {
    const out: string[] = [];
    if (s.changePoint !== null) {
      const c = s.changePoint;
      const shift = c.shift === null ? 'from 0' : `${(c.shift * 100).toFixed(1)}%`;
      out.push(
        `${s.phase} ${s.metric}: change point at run ${c.run} (${trend.runs[c.run - 1]!.label}), ` +
          `${c.movement} ${shift}`,
      );
    }
    if (s.newest === 'regressed' || s.newest === 'better') out.push(`${s.phase} ${s.metric}: newest run ${s.newest}`);
    return out;
  });
}

function report(title: string, trend: Trend): void {
  const flags = flagged(trend);
  console.log(`\n=== ${title} ===\n${formatTrend(trend, 'table')}`);
  console.log(`\nFlagged (${flags.length}):${flags.length === 0 ? ' nothing' : ''}`);
  for (const flag of flags) console.log(`  ${flag}`);
  console.log(`--fail-on-regression would exit ${trend.regressions > 0 ? 99 : 0}`);
}

const cluster = await EmbeddedCluster.start({ nodes: 1 });
try {
  console.log(`embedded cluster ${cluster.bootstrapServers}; results in ${dir}`);
  const files: ResultFile[] = [];
  for (let i = 1; i <= runs; i++) files.push(await runOnce(cluster, i, `run-${i}`, scenarioFor(i)));
  const slowedProps = { 'linger.ms': values['linger-ms'], acks: 'all' };
  files.push(await runOnce(cluster, runs + 1, 'slowed', scenarioFor(runs + 1, slowedProps)));
  const options = { order: 'time', labels: { kind: 'git' }, maxRegression: 0.05 } as const;
  report(`kload trend over the ${runs} ordinary runs`, buildTrend(files.slice(0, runs), options));
  const all = buildTrend(files, options);
  report(`kload trend over all ${runs + 1} runs (the last one slowed)`, all);
  const page = await writeTrendPage(all, join(dir, 'trend.html'));
  console.log(`\nHTML: ${page.path}; re-run: node bin/kload.cjs trend ${dir}/*.json --label-from git`);
} finally {
  await cluster.stop();
}
