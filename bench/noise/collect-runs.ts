/**
 * Runs the base (A) and changed (B) scenarios one after the other on one cluster until the time
 * budget is spent, two A runs per B run (false alarms need more pairs than detection), each on
 * fresh topics, each saved as soon as it ends so the analysis can be re-run on the same runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedCluster } from '../../src/cluster/embedded-cluster.js';
import { repeatScenario } from '../../src/coordinator/repeat-scenario.js';
import { deleteTopic } from '../../src/kafka/admin.js';
import { runScenario } from '../../src/library/run.js';
import type { RunResult } from '../../src/result/result-types.js';
import { BASE_LOAD, noiseScenario, type NoiseLoad } from './noise-scenario.js';

export interface SavedRun {
  arm: 'A' | 'B';
  result: RunResult;
}

export async function collectRuns(
  cluster: EmbeddedCluster,
  change: NoiseLoad,
  budgetMs: number,
  out: string,
): Promise<SavedRun[]> {
  mkdirSync(out, { recursive: true });
  const runs: SavedRun[] = [];
  const began = Date.now();
  const runId = Date.now().toString(36);
  for (let i = 0; Date.now() - began < budgetMs; i++) {
    const arm = i % 3 === 2 ? 'B' : 'A';
    const scenario = repeatScenario(noiseScenario(arm === 'A' ? BASE_LOAD : change), runId, i + 1);
    const result = await runScenario(scenario, { cluster });
    for (const topic of scenario.topics) await deleteTopic(cluster.bootstrapServers, topic.name).catch(() => {});
    for (const phase of result.phases) delete phase.intervalHistograms;
    runs.push({ arm, result });
    writeFileSync(join(out, `${String(i + 1).padStart(3, '0')}-${arm}.json`), JSON.stringify(result));
    const seconds = ((Date.now() - began) / 1000).toFixed(0);
    console.error(`run ${i + 1} (${arm}) ${result.status} after ${seconds} s`);
  }
  return runs;
}
