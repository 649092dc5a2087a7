/**
 * librdkafka's C benchmark in its balanced-consumer mode, `rdkafka_performance -G <group>` (the
 * same binary as the producer row): subscribe, read N messages one rd_kafka_consumer_poll() at a
 * time, close. `-C` alone is the simple consumer, which needs explicit partitions; -G is the
 * group consumer kload's rows are.
 */
import type { ConsumerRunContext, MeasuredConsumerRun } from './consumer-types.js';
import { exitError, runTimed } from './timed-process.js';

export const RDKAFKA_CONSUMER = 'rdkafka_performance -G';

/**
 * The tool sets auto.offset.reset=earliest, queued.min.messages=1000000 (librdkafka's default
 * is 100000: it prefetches more, which shows in its RSS) and enable.partition.eof=true itself;
 * -q keeps only the final summary and the rebalance lines.
 */
export function rdkafkaConsumerArgs(ctx: ConsumerRunContext): string[] {
  return ['-G', ctx.group, '-q', '-t', ctx.filled.topic, '-b', ctx.brokers, '-c', String(ctx.filled.messages)];
}

export async function runRdkafkaConsumer(binary: string, ctx: ConsumerRunContext): Promise<MeasuredConsumerRun> {
  // It loops until N messages came, so a short topic would hang it: the timeout ends it.
  const timed = await runTimed(binary, rdkafkaConsumerArgs(ctx), { workDir: ctx.workDir, timeoutMs: ctx.timeoutMs });
  const s = parseRdkafkaConsumer(timed.stdout);
  if (timed.exitCode !== 0 || !s) throw exitError('rdkafka_performance -G', timed);
  const cpuSec = timed.userSec + timed.systemSec;
  const notes: string[] = [];
  if (s.messages < ctx.filled.messages)
    notes.push(`${ctx.filled.messages - s.messages} of ${ctx.filled.messages} not read`);
  const errors = timed.stdout.split('\n').filter((l) => /Consume error|% Error/.test(l));
  if (errors.length > 0) notes.push(`${errors.length} consume errors: ${errors[0]!.slice(0, 200)}`);
  // Its msgs/s comes from the window in µs; the printed ms are truncated, so the window is derived.
  const msgsPerSec = s.msgsPerSec;
  return {
    tool: RDKAFKA_CONSUMER,
    messages: s.messages,
    durationSec: msgsPerSec > 0 ? s.messages / msgsPerSec : s.elapsedMs / 1000,
    msgsPerSec,
    mbPerSec: (msgsPerSec * ctx.filled.messageBytes) / 1e6,
    cpuSec,
    cpuUsPerMsg: s.messages > 0 ? (cpuSec / s.messages) * 1e6 : NaN,
    peakRssMb: timed.peakRssMb,
    wallSec: timed.wallSec,
    kload: null,
    extra: {},
    notes,
  };
}

export interface RdkafkaConsumerSummary {
  messages: number;
  bytes: number;
  elapsedMs: number;
  msgsPerSec: number;
}

/**
 * The forced final summary: `% 200000 messages (20000000 bytes) consumed in 152ms: 1313810
 * msgs/s (131.38 MB/s)`. Its window runs from the first message received to the end of the
 * read loop (first to last message); the group join is outside it.
 */
export function parseRdkafkaConsumer(stdout: string): RdkafkaConsumerSummary | null {
  const re = /^% (\d+) messages \((\d+) bytes\) consumed in (\d+)ms: (\d+) msgs\/s/;
  let last: RdkafkaConsumerSummary | null = null;
  for (const line of stdout.split('\n')) {
    const m = re.exec(line.trim());
    if (m) last = { messages: Number(m[1]), bytes: Number(m[2]), elapsedMs: Number(m[3]), msgsPerSec: Number(m[4]) };
  }
  return last;
}
