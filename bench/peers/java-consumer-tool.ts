/**
 * Kafka's own consumer benchmark, `org.apache.kafka.tools.ConsumerPerformance` (what
 * kafka-consumer-perf-test.sh runs), from the same kafka-tools classpath as ProducerPerformance.
 */
import type { ConsumerRunContext, MeasuredConsumerRun } from './consumer-types.js';
import { JVM_OPTIONS, type JavaPerfTool } from './java-perf-tool.js';
import { exitError, runTimed } from './timed-process.js';

export const JAVA_CONSUMER = 'kafka-consumer-perf-test';

/**
 * A fresh group reads from the earliest offset unless --from-latest is given. --timeout is the
 * longest wait between two polls that return records (default 10 s); generous here, since the
 * group join comes before the first. --num-records replaces 4.x's deprecated --messages.
 */
export function javaConsumerArgs(tool: JavaPerfTool, ctx: ConsumerRunContext): string[] {
  return [
    ...JVM_OPTIONS,
    '-cp',
    tool.classpath,
    'org.apache.kafka.tools.ConsumerPerformance',
    '--bootstrap-server',
    ctx.brokers,
    '--topic',
    ctx.filled.topic,
    '--group',
    ctx.group,
    '--num-records',
    String(ctx.filled.messages),
    '--timeout',
    '30000',
  ];
}

export async function runJavaConsumer(tool: JavaPerfTool, ctx: ConsumerRunContext): Promise<MeasuredConsumerRun> {
  const timed = await runTimed(tool.java, javaConsumerArgs(tool, ctx), {
    workDir: ctx.workDir,
    timeoutMs: ctx.timeoutMs,
  });
  const s = parseConsumerPerformance(timed.stdout);
  if (timed.exitCode !== 0 || !s) throw exitError('ConsumerPerformance', timed);
  const cpuSec = timed.userSec + timed.systemSec;
  const notes: string[] = [];
  if (s.messages < ctx.filled.messages)
    notes.push(`${ctx.filled.messages - s.messages} of ${ctx.filled.messages} not read`);
  const warnings = `${timed.stdout}\n${timed.stderr}`.split('\n').filter((l) => /WARNING|ERROR|Exception/.test(l));
  if (warnings.length > 0) notes.push(`output: ${warnings[0]!.slice(0, 200)}`);
  return {
    tool: JAVA_CONSUMER,
    messages: s.messages,
    durationSec: s.fetchMs / 1000,
    // fetch.nMsg.sec: the read after the group join, the window closest to the others' first-to-last.
    msgsPerSec: s.fetchMsgsPerSec,
    mbPerSec: (s.fetchMsgsPerSec * ctx.filled.messageBytes) / 1e6,
    cpuSec,
    cpuUsPerMsg: s.messages > 0 ? (cpuSec / s.messages) * 1e6 : NaN,
    peakRssMb: timed.peakRssMb,
    wallSec: timed.wallSec,
    kload: null,
    extra: { rebalanceMs: s.rebalanceMs, totalMsgsPerSec: s.msgsPerSec },
    notes,
  };
}

export interface ConsumerPerformanceSummary {
  /** data.consumed.in.nMsg */
  messages: number;
  /** nMsg.sec: over start to end, the group join included. */
  msgsPerSec: number;
  /** rebalance.time.ms: the join; fetch.time.ms = the rest of the run. */
  rebalanceMs: number;
  fetchMs: number;
  fetchMsgsPerSec: number;
}

/**
 * A header line, then one line of values (a WARNING line may come between when it timed out):
 * `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
 * rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec` and
 * `2026-12-02 02:40:34:939, 2026-12-02 02:40:35:827, 19.0735, 21.4792, 200000, 225225.2252, 386,
 * 502, 37.9950, 398406.3745`. MB there is MiB; the bench recomputes MB/s from msg/s.
 */
export function parseConsumerPerformance(stdout: string): ConsumerPerformanceSummary | null {
  const lines = stdout.split('\n').map((l) => l.trim());
  const at = lines.findIndex((l) => l.startsWith('start.time,') && l.includes('fetch.nMsg.sec'));
  if (at < 0) return null;
  const names = lines[at]!.split(',').map((s) => s.trim());
  for (const line of lines.slice(at + 1)) {
    const cells = line.split(',').map((s) => s.trim());
    if (cells.length !== names.length) continue;
    const get = (name: string) => Number(cells[names.indexOf(name)]);
    const s = {
      messages: get('data.consumed.in.nMsg'),
      msgsPerSec: get('nMsg.sec'),
      rebalanceMs: get('rebalance.time.ms'),
      fetchMs: get('fetch.time.ms'),
      fetchMsgsPerSec: get('fetch.nMsg.sec'),
    };
    if (Object.values(s).every(Number.isFinite)) return s;
  }
  return null;
}
