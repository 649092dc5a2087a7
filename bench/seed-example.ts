/**
 * Does the classic example hold its latency on the embedded 3-node cluster? Runs
 * scenarios/seed-example.yaml (keyed JSON, acks=all, 1,000 msg/s) the way the README tells a new
 * user to, each run on its own temporary 3-node cluster, and prints the steady phase's figures.
 * The target is publish p99 below 100 ms in every run. Nothing else should run on the machine:
 * three JVMs and the generator already share its cores.
 *
 *   npm run bench:seed [-- --runs 3] [-- --scenario scenarios/seed-example.yaml]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PhaseResult, RunResult } from '../src/result/result-types.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    scenario: { type: 'string', default: join('scenarios', 'seed-example.yaml') },
  },
});
const runs = Number(values.runs);
const bin = join(process.cwd(), 'bin', 'kload.cjs');
const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);

function run(out: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', values.scenario, '--out', out], { stdio: 'ignore' });
    child.on('exit', (code) => resolve(code));
  });
}

function line(label: string, p: PhaseResult): string {
  const firstSeconds = p.intervals.slice(0, 3).map((i) => (i.publishP99Us / 1000).toFixed(0));
  return (
    `${label.padEnd(6)} ${p.name.padEnd(8)} ${p.achievedRate.toFixed(0).padStart(6)} msg/s` +
    `  pub p50 ${ms(p.publishLatencyUs.p50)}  p99 ${ms(p.publishLatencyUs.p99)}  max ${ms(p.publishLatencyUs.max)}` +
    `  e2e p99 ${ms(p.endToEndLatencyUs.p99)} ms  first seconds' p99 ${firstSeconds.join('/')} ms` +
    (p.generatorBound ? '  (generator-bound)' : '')
  );
}

const passes: boolean[] = [];
for (let i = 1; i <= runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'kload-bench-seed-'));
  const code = await run(dir);
  const file = readdirSync(dir).find((f) => f.endsWith('.json'));
  if (!file) {
    console.log(`run ${i}: exit ${code}, no result`);
    passes.push(false);
    continue;
  }
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RunResult;
  for (const p of result.phases) console.log(line(`run ${i}`, p));
  const measured = result.phases.filter((p) => p.recorded);
  passes.push(measured.every((p) => p.publishLatencyUs.p99 < 100_000));
}
console.log(`publish p99 < 100 ms in ${passes.filter(Boolean).length} of ${runs} runs (${values.scenario})`);
