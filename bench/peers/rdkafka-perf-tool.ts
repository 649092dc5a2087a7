/**
 * librdkafka's C benchmark, `examples/rdkafka_performance`, which `npm install` builds beside the
 * librdkafka that kload itself runs on (statically linked into it, so no LD_LIBRARY_PATH).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { exitError, runTimed } from './timed-process.js';
import type { MeasuredRun, RunContext } from './types.js';

export function rdkafkaPerfPath(): string {
  return join(
    packageRoot(),
    'node_modules',
    '@platformatic',
    'rdkafka',
    'deps',
    'librdkafka',
    'examples',
    'rdkafka_performance',
  );
}

export function assertRdkafkaPerf(): string {
  const path = rdkafkaPerfPath();
  if (!existsSync(path)) {
    const fix = 'run `bash scripts/install.sh`, or `npm ci`';
    throw new Error(`${path} is missing: it is built by \`npm install\` with librdkafka (${fix}).`);
  }
  return path;
}

/**
 * `-q` drops the per-second progress lines (verbosity 0 keeps only the final, forced summary).
 * The tool sets linger.ms=1000, message.send.max.retries=3 and retry.backoff.ms=500 itself
 * before parsing flags; the -X properties come later and win. It also sets a few consumer
 * properties on every run, so stderr always holds four harmless CONFWARN lines.
 */
export function rdkafkaPerfArgs(ctx: RunContext): string[] {
  const props = Object.entries(ctx.producerProperties).flatMap(([k, v]) => ['-X', `${k}=${v}`]);
  return [
    '-P',
    '-q',
    '-t',
    ctx.topic,
    '-b',
    ctx.brokers,
    '-s',
    String(ctx.benchCase.messageBytes),
    '-c',
    String(ctx.messages),
    ...props,
  ];
}

export async function runRdkafkaPerf(binary: string, ctx: RunContext): Promise<MeasuredRun> {
  const timed = await runTimed(binary, rdkafkaPerfArgs(ctx), { workDir: ctx.workDir, timeoutMs: 15 * 60_000 });
  const summary = parseRdkafkaPerformance(timed.stdout);
  if (timed.exitCode !== 0 || !summary) {
    throw exitError('rdkafka_performance', timed);
  }
  const cpuSec = timed.userSec + timed.systemSec;
  const notes: string[] = [];
  if (summary.failed > 0) notes.push(`${summary.failed} failed deliveries`);
  if (summary.delivered < ctx.messages) notes.push(`${ctx.messages - summary.delivered} not delivered`);
  // Back-pressure, not an error: the tool retries after a 10 ms poll (queue.buffering.max.messages).
  if (summary.produceFailures > 0) notes.push(`${summary.produceFailures} produce() calls met a full queue`);
  return {
    tool: 'rdkafka_performance',
    caseId: ctx.benchCase.id,
    topic: ctx.topic,
    messages: summary.delivered,
    durationSec: summary.elapsedMs / 1000,
    msgsPerSec: summary.msgsPerSec,
    mbPerSec: (summary.msgsPerSec * ctx.benchCase.messageBytes) / 1e6,
    p99Ms: null, // only with -l, which stamps every payload and changes the workload
    cpuSec,
    cpuUsPerMsg: summary.delivered > 0 ? (cpuSec / summary.delivered) * 1e6 : NaN,
    peakRssMb: timed.peakRssMb,
    wallSec: timed.wallSec,
    notes,
  };
}

export interface RdkafkaPerformanceSummary {
  produced: number;
  bytes: number;
  delivered: number;
  failed: number;
  elapsedMs: number;
  msgsPerSec: number;
  /** Delivered payload bytes per µs, i.e. 10^6 bytes/s. */
  mbPerSec: number;
  /** produce() calls refused with a full queue (the tool counts them as tx_err and retries). */
  produceFailures: number;
}

/**
 * The last summary, printed after every delivery report arrived:
 * `% 2000000 messages produced (200000000 bytes), 2000000 delivered (offset 333145, 0 failed)
 * in 2345ms: 852878 msgs/s and 85.29 MB/s, 0 produce failures, 0 in queue, no compression`.
 * Elapsed runs from just before the first produce() to the last delivery report; msgs/s is
 * delivered × 10^6 / elapsed µs, integer.
 */
export function parseRdkafkaPerformance(stdout: string): RdkafkaPerformanceSummary | null {
  const re = new RegExp(
    [
      /^% (\d+) messages produced \((\d+) bytes\), (\d+) delivered \(offset -?\d+, (\d+) failed\) /,
      /in (\d+)ms: (\d+) msgs\/s and ([\d.]+) MB\/s, (\d+) produce failures/,
    ]
      .map((r) => r.source)
      .join(''),
  );
  let last: RdkafkaPerformanceSummary | null = null;
  for (const line of stdout.split('\n')) {
    const m = re.exec(line.trim());
    if (!m) continue;
    const n = m.slice(1).map(Number);
    last = {
      produced: n[0]!,
      bytes: n[1]!,
      delivered: n[2]!,
      failed: n[3]!,
      elapsedMs: n[4]!,
      msgsPerSec: n[5]!,
      mbPerSec: n[6]!,
      produceFailures: n[7]!,
    };
  }
  return last;
}
