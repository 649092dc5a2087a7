/** One case: every round, every tool once per round on its own fresh topic, in alternating order. */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFreshTopic, deleteQuietly, topicName } from './fresh-topic.js';
import { producerProperties } from './options.js';
import { roundOrder } from './summarise.js';
import type { BenchTool } from './tools.js';
import type { BenchCase, BenchOptions, RunContext, ToolRun } from './types.js';

export interface RunFailure {
  caseId: string;
  tool: string;
  round: number;
  error: string;
}

export interface CaseRunInput {
  options: BenchOptions;
  benchCase: BenchCase;
  brokers: string;
  tools: BenchTool[];
  log: (line: string) => void;
}

/** A failed run is logged and returned in `failures`; the other runs go on. */
export async function runCase(x: CaseRunInput): Promise<{ runs: ToolRun[]; failures: RunFailure[] }> {
  const { options: o, benchCase } = x;
  const runs: ToolRun[] = [];
  const failures: RunFailure[] = [];
  for (let round = 0; round < o.rounds; round++) {
    const order = roundOrder(x.tools, round);
    for (const [position, tool] of order.entries()) {
      const topic = topicName(benchCase.id, tool.name, round);
      const workDir = mkdtempSync(join(tmpdir(), 'kload-bench-peers-'));
      const ctx: RunContext = {
        brokers: x.brokers,
        topic,
        partitions: o.partitions,
        replicationFactor: o.replicationFactor,
        benchCase,
        messages: o.messages,
        producerProperties: producerProperties(o, benchCase.acks),
        workDir,
      };
      const label = `${benchCase.id} round ${round + 1}/${o.rounds} ${tool.name}`;
      try {
        await createFreshTopic(x.brokers, topic, o.partitions, o.replicationFactor);
        const loadAvg1m = loadavg()[0] ?? NaN;
        const measured = await tool.run(ctx);
        const run: ToolRun = { ...measured, round, position, loadAvg1m };
        runs.push(run);
        x.log(`  ${label}: ${progressLine(run)}`);
        rmSync(workDir, { recursive: true, force: true });
      } catch (err) {
        const error = (err as Error).message;
        failures.push({ caseId: benchCase.id, tool: tool.name, round, error });
        x.log(`  ${label}: FAILED (files kept in ${workDir}): ${error}`);
      } finally {
        await deleteQuietly(x.brokers, topic, x.log);
      }
    }
  }
  return { runs, failures };
}

function progressLine(r: ToolRun): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  return (
    `${n(r.msgsPerSec)} msg/s, ${r.cpuUsPerMsg.toFixed(2)} us CPU/msg, ${r.peakRssMb.toFixed(0)} MB RSS, ` +
    `p99 ${r.p99Ms === null ? '-' : `${r.p99Ms.toFixed(1)} ms`} ` +
    `(${n(r.messages)} msgs in ${r.durationSec.toFixed(1)} s, load ${r.loadAvg1m.toFixed(1)})` +
    (r.notes.length > 0 ? ` [${r.notes.join('; ')}]` : '')
  );
}
