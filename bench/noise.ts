/**
 * How often does `kload compare` cry wolf, and does it still catch a real change? Runs a short
 * quickstart-like scenario (bench/noise/noise-scenario.ts) again and again on one embedded
 * cluster, A (paced phase at 2,000 msg/s) twice for every B (1,000 msg/s: a lower rate cap),
 * then compares disjoint A/A pairs (nothing changed: a regression is a false alarm) and B against
 * A (it must be flagged), with 1, 2, 3 and 5 repeats a side, single runs against an A/A noise
 * floor, and the within-run rule kload used before repeats. Targets: A/A false alarms <= 5% at
 * the repeats the README recommends; the change detected in every trial.
 *
 *   npm run bench:noise [-- --minutes 5] [-- --out dir]   runs, saves every run in dir, prints
 *   npm run bench:noise -- --change linger                the real change is linger.ms 5 -> 50 instead
 *   npm run bench:noise -- --from dir [--change linger]   analyses runs saved by an earlier bench
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedCluster } from '../src/cluster/embedded-cluster.js';
import type { RunResult } from '../src/result/result-types.js';
import { ratesOfWithinRunRule, ratesWithFloor, ratesWithRepeats, type RateLine } from './noise/analyse-runs.js';
import { collectRuns, type SavedRun } from './noise/collect-runs.js';
import { BASE_LOAD, CHANGES, noiseScenario } from './noise/noise-scenario.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    out: { type: 'string' },
    from: { type: 'string' },
    change: { type: 'string', default: 'rate' },
  },
});
const chosen = CHANGES[values.change];
if (chosen === undefined) throw new Error(`--change must be one of ${Object.keys(CHANGES).join(', ')}`);
const change = chosen;

async function runsToAnalyse(): Promise<SavedRun[]> {
  if (values.from !== undefined) {
    const dir = values.from;
    return readdirSync(dir)
      .filter((f) => /^\d+-[AB]\.json$/.test(f))
      .sort()
      .map((f) => ({ arm: f.includes('-A') ? 'A' : 'B', result: JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
  }
  const out = values.out ?? mkdtempSync(join(tmpdir(), 'kload-bench-noise-'));
  console.error(`Runs are saved in ${out} (re-analyse with --from ${out})`);
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  try {
    return await collectRuns(cluster, change, Number(values.minutes) * 60_000, out);
  } finally {
    await cluster.stop();
  }
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '   -' : `${((100 * part) / whole).toFixed(0).padStart(3)}%`;
}

function print(line: RateLine): void {
  const culprits = [...line.culprits.entries()].map(([metric, n]) => `${metric} ×${n}`).join(', ');
  console.log(
    `${line.label.padEnd(36)} A/A ${String(line.falseAlarms).padStart(3)}/${String(line.aaPairs).padEnd(3)} ` +
      `false alarms ${percent(line.falseAlarms, line.aaPairs)}   A/B ${String(line.detected).padStart(3)}/` +
      `${String(line.abPairs).padEnd(3)} detected ${percent(line.detected, line.abPairs)}` +
      (line.aaAllPairs > 0
        ? `   all A/A pairs ${line.aaAllFalseAlarms}/${line.aaAllPairs} ` +
          percent(line.aaAllFalseAlarms, line.aaAllPairs)
        : '') +
      (culprits ? `   (${culprits})` : ''),
  );
}

const runs = await runsToAnalyse();
const complete = runs.filter((r) => r.result.status === 'complete');
const a = complete.filter((r) => r.arm === 'A').map((r) => r.result as RunResult);
const b = complete.filter((r) => r.arm === 'B').map((r) => r.result as RunResult);
console.log(
  `${runs.length} runs (${a.length} A: ${JSON.stringify(BASE_LOAD)}, ${b.length} B: ${JSON.stringify(change)}; ` +
    `${runs.length - complete.length} incomplete left out); tolerance 5%; A/A and A/B pairs are disjoint.`,
);
print(ratesOfWithinRunRule(a, b));
for (const calibration of [5, 10]) {
  const floorLine = ratesWithFloor(a, b, calibration);
  if (floorLine !== null) print(floorLine);
}
for (const repeats of [1, 2, 3, 5]) print(ratesWithRepeats(a, b, repeats, noiseScenario(BASE_LOAD)));
