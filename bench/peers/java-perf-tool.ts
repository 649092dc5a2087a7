/**
 * Kafka's own producer benchmark, `org.apache.kafka.tools.ProducerPerformance` (what
 * kafka-producer-perf-test.sh runs), from the kafka-tools jar at the broker's version.
 */
import { ensureKafkaToolsJars } from '../../src/cluster/kafka-jars.js';
import { findJava } from '../../src/cluster/java.js';
import { exitError, runTimed } from './timed-process.js';
import type { MeasuredRun, RunContext } from './types.js';

/**
 * The JVM options kafka-producer-perf-test.sh (and kafka-consumer-perf-test.sh) give it
 * (KAFKA_HEAP_OPTS=-Xmx512M and kafka-run-class.sh's KAFKA_JVM_PERFORMANCE_OPTS), so the peer is
 * the tool as users run it. The locale is pinned because the summary is printed with %f.
 */
export const JVM_OPTIONS = [
  '-Xmx512M',
  '-server',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-Djava.awt.headless=true',
  '-Duser.language=en',
  '-Duser.country=US',
];

export interface JavaPerfTool {
  java: string;
  classpath: string;
  version: string;
}

export function prepareJavaPerf(log: (line: string) => void): JavaPerfTool {
  const java = findJava();
  const dist = ensureKafkaToolsJars(process.env, log);
  return { java, classpath: dist.classpath, version: dist.version };
}

export function javaPerfArgs(tool: JavaPerfTool, ctx: RunContext): string[] {
  const props = Object.entries(ctx.producerProperties).map(([k, v]) => `${k}=${v}`);
  return [
    ...JVM_OPTIONS,
    '-cp',
    tool.classpath,
    'org.apache.kafka.tools.ProducerPerformance',
    '--bootstrap-server',
    ctx.brokers,
    '--topic',
    ctx.topic,
    '--num-records',
    String(ctx.messages),
    '--record-size',
    String(ctx.benchCase.messageBytes),
    '--throughput',
    '-1',
    // 4.x deprecates --producer-props in favour of --command-property (same key=value list).
    '--command-property',
    ...props,
  ];
}

export async function runJavaPerf(tool: JavaPerfTool, ctx: RunContext): Promise<MeasuredRun> {
  const timed = await runTimed(tool.java, javaPerfArgs(tool, ctx), { workDir: ctx.workDir, timeoutMs: 15 * 60_000 });
  const summary = parseProducerPerformance(timed.stdout);
  if (timed.exitCode !== 0 || !summary) {
    throw exitError('ProducerPerformance', timed);
  }
  const cpuSec = timed.userSec + timed.systemSec;
  const notes: string[] = [];
  if (summary.records < ctx.messages) notes.push(`${ctx.messages - summary.records} records not acknowledged`);
  const errors = timed.stderr.split('\n').filter((l) => /ERROR|Exception/.test(l));
  if (errors.length > 0) notes.push(`stderr: ${errors[0]!.slice(0, 200)}`);
  return {
    tool: 'kafka-producer-perf-test',
    caseId: ctx.benchCase.id,
    topic: ctx.topic,
    messages: summary.records,
    durationSec: summary.records / summary.recordsPerSec,
    msgsPerSec: summary.recordsPerSec,
    // The tool's own "MB/sec" is MiB/s (it divides by 1024 × 1024); recomputed here as 10^6 bytes.
    mbPerSec: (summary.recordsPerSec * ctx.benchCase.messageBytes) / 1e6,
    p99Ms: summary.p99Ms,
    cpuSec,
    cpuUsPerMsg: summary.records > 0 ? (cpuSec / summary.records) * 1e6 : NaN,
    peakRssMb: timed.peakRssMb,
    wallSec: timed.wallSec,
    notes,
  };
}

export interface ProducerPerformanceSummary {
  records: number;
  recordsPerSec: number;
  mibPerSec: number;
  avgLatencyMs: number;
  maxLatencyMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  p999Ms: number;
}

/**
 * The final line, printed after flush():
 * `2000000 records sent, 458715.596330 records/sec (43.75 MB/sec), 345.67 ms avg latency,
 * 781.00 ms max latency, 330 ms 50th, 640 ms 95th, 760 ms 99th, 779 ms 99.9th.`
 * The progress lines every 5 s lack the percentiles; with --warmup-records a second total says
 * "records sent in steady state" and is ignored here (the bench uses no warmup). The latencies
 * are a sample of at most 500,000 records, in whole ms.
 */
export function parseProducerPerformance(stdout: string): ProducerPerformanceSummary | null {
  const re = new RegExp(
    [
      /^(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), /,
      /([\d.]+) ms avg latency, ([\d.]+) ms max latency, /,
      /(\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$/,
    ]
      .map((r) => r.source)
      .join(''),
  );
  for (const line of stdout.split('\n').map((l) => l.trim())) {
    const m = re.exec(line);
    if (!m) continue;
    const n = m.slice(1).map(Number);
    return {
      records: n[0]!,
      recordsPerSec: n[1]!,
      mibPerSec: n[2]!,
      avgLatencyMs: n[3]!,
      maxLatencyMs: n[4]!,
      p50Ms: n[5]!,
      p95Ms: n[6]!,
      p99Ms: n[7]!,
      p999Ms: n[8]!,
    };
  }
  return null;
}
