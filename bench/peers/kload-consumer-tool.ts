/** Runs kload-consumer-child.js under GNU time as the `kload consumer (<driver>)` rows. */
import { fileURLToPath } from 'node:url';
import type { ClientDriver } from '../../src/scenario/types.js';
import type { ConsumerRunContext, MeasuredConsumerRun } from './consumer-types.js';
import type { KloadConsumerSpec, KloadConsumerSummary } from './kload-consumer-child.js';
import { exitError, runTimed } from './timed-process.js';

const CHILD = fileURLToPath(new URL('./kload-consumer-child.js', import.meta.url));

export const KLOAD_CONSUMER_NATIVE = 'kload consumer (native)';
export const KLOAD_CONSUMER_BINDING = 'kload consumer (node-rdkafka)';

export async function runKloadConsumer(client: ClientDriver, ctx: ConsumerRunContext): Promise<MeasuredConsumerRun> {
  const f = ctx.filled;
  const spec: KloadConsumerSpec = {
    brokers: ctx.brokers,
    topic: f.topic,
    group: ctx.group,
    client,
    runId: f.runId,
    messages: f.messages,
    endOffsets: f.endOffsets,
    deadlineMs: ctx.timeoutMs,
  };
  // The child's own deadline comes first, so a slow read still reports what it read.
  const timed = await runTimed(process.execPath, [CHILD, JSON.stringify(spec)], {
    workDir: ctx.workDir,
    timeoutMs: ctx.timeoutMs + 60_000,
  });
  const s = parseSummary(timed.stdout);
  if (timed.exitCode !== 0 || !s) throw exitError('kload consumer', timed);
  const durationSec = (s.lastUs - s.firstUs) / 1e6;
  const msgsPerSec = s.read / durationSec;
  const cpuSec = timed.userSec + timed.systemSec;
  const notes: string[] = [];
  if (s.stoppedBy === 'deadline')
    notes.push(`stopped at the ${Math.round(ctx.timeoutMs / 1000)} s deadline before reaching the end offsets`);
  if (s.consumed !== f.messages) notes.push(`${s.consumed} of ${f.messages} fill messages counted`);
  if (s.foreign > 0) notes.push(`${s.foreign} messages without the fill's stamp`);
  if (s.lost + s.duplicated + s.outOfOrder > 0)
    notes.push(`integrity: ${s.lost} lost, ${s.duplicated} duplicated, ${s.outOfOrder} out of order`);
  if (s.wallClock !== s.consumed)
    notes.push(`${s.consumed - s.wallClock} ages taken on the monotonic clock (expected none)`);
  notes.push(...s.clientErrors.map((e) => `client error: ${e}`));
  return {
    tool: client === 'native' ? KLOAD_CONSUMER_NATIVE : KLOAD_CONSUMER_BINDING,
    messages: s.read,
    durationSec,
    msgsPerSec,
    mbPerSec: (msgsPerSec * f.messageBytes) / 1e6,
    cpuSec,
    cpuUsPerMsg: s.read > 0 ? (cpuSec / s.read) * 1e6 : NaN,
    peakRssMb: timed.peakRssMb,
    wallSec: timed.wallSec,
    kload: {
      e2eP50Us: s.e2eP50Us,
      e2eP99Us: s.e2eP99Us,
      lost: s.lost,
      duplicated: s.duplicated,
      outOfOrder: s.outOfOrder,
      foreign: s.foreign,
      client: s.client,
    },
    extra: {},
    notes,
  };
}

function parseSummary(stdout: string): KloadConsumerSummary | null {
  try {
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as KloadConsumerSummary;
  } catch {
    return null;
  }
}
