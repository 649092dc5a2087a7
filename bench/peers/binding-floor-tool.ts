/** Runs binding-floor-child.js as a peer row ("node-binding floor"). */
import { fileURLToPath } from 'node:url';
import { runTimed, tail } from './timed-process.js';
import type { MeasuredRun, RunContext } from './types.js';

const CHILD = fileURLToPath(new URL('./binding-floor-child.js', import.meta.url));

/** `maxInFlight`: kload's window in the same bench (--kload-max-in-flight, else its default). */
export async function runBindingFloor(ctx: RunContext, maxInFlight: number): Promise<MeasuredRun> {
  const args = [
    CHILD,
    ctx.brokers,
    ctx.topic,
    String(ctx.benchCase.messageBytes),
    String(ctx.messages),
    JSON.stringify(ctx.producerProperties),
    String(maxInFlight),
  ];
  const timed = await runTimed(process.execPath, args, { workDir: ctx.workDir, timeoutMs: 15 * 60_000 });
  const line = timed.stdout.trim().split('\n').pop() ?? '';
  const summary = parseSummary(line);
  if (timed.exitCode !== 0 || !summary)
    throw new Error(`binding floor exited ${timed.exitCode ?? timed.signal}:\n${tail(timed.stderr + timed.stdout)}`);
  const msgsPerSec = summary.delivered / (summary.elapsedMs / 1000);
  const cpuSec = timed.userSec + timed.systemSec;
  return {
    tool: 'node-binding floor',
    caseId: ctx.benchCase.id,
    topic: ctx.topic,
    messages: summary.delivered,
    durationSec: summary.elapsedMs / 1000,
    msgsPerSec,
    mbPerSec: (msgsPerSec * ctx.benchCase.messageBytes) / 1e6,
    p99Ms: null,
    cpuSec,
    cpuUsPerMsg: summary.delivered > 0 ? (cpuSec / summary.delivered) * 1e6 : NaN,
    peakRssMb: timed.peakRssMb,
    wallSec: timed.wallSec,
    notes: summary.failed > 0 ? [`${summary.failed} failed deliveries`] : [],
  };
}

interface FloorSummary {
  delivered: number;
  failed: number;
  elapsedMs: number;
}

function parseSummary(line: string): FloorSummary | null {
  try {
    return JSON.parse(line) as FloorSummary;
  } catch {
    return null;
  }
}
