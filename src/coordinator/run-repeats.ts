/**
 * `kload run --repeats N`: the scenario N times in a row on fresh topics, folded into one result
 * (result/aggregate-repeats.ts) that keeps every repeat, so `kload compare` can judge changes
 * against the spread between runs instead of the much narrower spread inside one run.
 * Stops after a repeat that was interrupted, failed or aborted (--abort-on-fail): its result and
 * the earlier ones are kept, and the aggregate says so in its status.
 */
import { deleteTopic } from '../kafka/admin.js';
import { aggregateRepeats } from '../result/aggregate-repeats.js';
import type { RunResult } from '../result/result-types.js';
import { sweepRunId } from '../sweep/grid.js';
import { repeatScenario } from './repeat-scenario.js';
import { runScenario, type RunOptions, type RunOutcome } from './run-scenario.js';

export async function runRepeats(o: RunOptions, repeats: number): Promise<RunOutcome> {
  if (repeats === 1) return runScenario(o);
  const runId = sweepRunId(new Date());
  const runs: RunResult[] = [];
  let abortedBy: string | null = null;
  for (let repeat = 1; repeat <= repeats; repeat++) {
    o.reporter.info(`Repeat ${repeat} of ${repeats}`);
    const scenario = repeatScenario(o.scenario, runId, repeat);
    const outcome = await runScenario({ ...o, scenario });
    runs.push(outcome.result);
    abortedBy = outcome.abortedBy;
    await dropTopics(o, scenario);
    if (outcome.result.status !== 'complete' || abortedBy !== null || o.signal.aborted) break;
  }
  o.reporter.info(
    `The result is the aggregate of ${runs.length} repeats (histograms added, rates averaged); ` +
      'each repeat is kept in its "repeats" field for kload compare.',
  );
  return { result: aggregateRepeats(runs, o.scenario), abortedBy };
}

/** The repeat's topics were made for it alone; dropping them keeps many repeats from filling the disk. */
async function dropTopics(o: RunOptions, scenario: RunOptions['scenario']): Promise<void> {
  for (const topic of scenario.topics) {
    await deleteTopic(o.cluster.brokers, topic.name, o.clientConfig).catch((error: Error) =>
      o.reporter.warn(`could not delete topic ${topic.name}: ${error.message}`),
    );
  }
}
