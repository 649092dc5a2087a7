/**
 * kload as a peer: a one-phase scenario (`max`, no warmup: every tool starts cold) run through
 * the real CLI in its own process, so CPU and RSS are kload's alone. kload's phases are timed,
 * not counted, so the phase is sized to send about as many messages as the other tools send.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../../src/result/result-types.js';
import type { ClientDriver } from '../../src/scenario/types.js';
import { packageRoot } from '../../src/package-root.js';
import { exitError, runTimed, type TimedResult } from './timed-process.js';
import type { MeasuredRun, RunContext } from './types.js';

export interface KloadRunSpec {
  /** The row's name: `kload-<t>t` on the default driver, `kload-1t node-rdkafka` on the binding. */
  tool: string;
  threads: number;
  /** Set explicitly in every scenario, so a change of kload's default cannot relabel a row. */
  client: ClientDriver;
  /** Length of the max phase. */
  seconds: number;
  maxInFlight: number | null;
}

/** The scenario as JSON (kload reads JSON scenarios too), so no YAML quoting questions arise. */
export function kloadScenario(ctx: RunContext, spec: KloadRunSpec): object {
  const phase: Record<string, unknown> = { name: 'max', type: 'max', duration: `${spec.seconds}s` };
  if (spec.maxInFlight !== null) phase.maxInFlight = spec.maxInFlight;
  return {
    name: `peers-${ctx.benchCase.id}-t${spec.threads}-${spec.client}`,
    // Created by the bench already; kload finds it and leaves it as it is.
    topics: [{ name: ctx.topic, partitions: ctx.partitions, replicationFactor: ctx.replicationFactor }],
    producers: {
      count: spec.threads,
      threads: spec.threads,
      client: spec.client,
      message: { size: ctx.benchCase.messageBytes },
      properties: ctx.producerProperties,
    },
    phases: [phase],
  };
}

export async function runKload(ctx: RunContext, spec: KloadRunSpec): Promise<MeasuredRun> {
  const file = join(ctx.workDir, 'scenario.json');
  writeFileSync(file, JSON.stringify(kloadScenario(ctx, spec), null, 2));
  const outDir = join(ctx.workDir, 'out');
  const cli = join(packageRoot(), 'bin', 'kload.cjs');
  const timed = await runTimed(process.execPath, [cli, 'run', file, '--brokers', ctx.brokers, '--out', outDir], {
    workDir: ctx.workDir,
    timeoutMs: (spec.seconds + 120) * 1000,
  });
  const result = readResult(outDir, timed);
  const run = fromResult(spec.tool, ctx, result, timed);
  // The result says which driver ran; a row must never measure another driver than its name says.
  const ran = result.environment.producerClient;
  if (ran !== spec.client) run.notes.push(`result says producerClient ${ran ?? '(absent)'}, expected ${spec.client}`);
  return run;
}

function readResult(outDir: string, timed: TimedResult): RunResult {
  let files: string[] = [];
  try {
    files = readdirSync(outDir).filter((f) => f.endsWith('.json'));
  } catch {
    // no result dir: reported below with the CLI's own output
  }
  if (timed.exitCode !== 0 || files.length !== 1) {
    throw exitError('kload run', timed, `with ${files.length} result file(s)`);
  }
  return JSON.parse(readFileSync(join(outDir, files[0]!), 'utf8')) as RunResult;
}

/**
 * messages/s = acked / phase duration, as kload reports it (sends stop at the phase end; acks
 * after it still count).
 */
export function fromResult(tool: string, ctx: RunContext, result: RunResult, timed: TimedResult): MeasuredRun {
  const phase = result.phases.find((p) => p.type === 'max' && p.recorded);
  if (!phase) throw new Error('kload result has no recorded max phase');
  const ackedAll = result.phases.reduce((sum, p) => sum + p.acked, 0);
  const failed = Object.entries(phase.failed);
  const notes: string[] = [];
  if (result.status !== 'complete') notes.push(`status ${result.status}: ${result.statusReason ?? ''}`);
  if (failed.length > 0) notes.push(`failed: ${failed.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  if (phase.queueFullWaits > 0) notes.push(`${phase.queueFullWaits} produce() calls met a full queue`);
  const msgsPerSec = phase.acked / phase.durationSec;
  const cpuSec = timed.userSec + timed.systemSec;
  return {
    tool,
    caseId: ctx.benchCase.id,
    topic: ctx.topic,
    messages: phase.acked,
    durationSec: phase.durationSec,
    msgsPerSec,
    mbPerSec: (msgsPerSec * ctx.benchCase.messageBytes) / 1e6,
    p99Ms: phase.publishLatencyUs.p99 / 1000,
    cpuSec,
    cpuUsPerMsg: ackedAll > 0 ? (cpuSec / ackedAll) * 1e6 : NaN,
    peakRssMb: timed.peakRssMb,
    wallSec: timed.wallSec,
    notes,
  };
}
