/** results/bench/peers-<timestamp>.json and .md: the tables, every run, and how they were made. */
import { spawnSync } from 'node:child_process';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/write-file-atomic.js';
import { librdkafkaVersion } from '../../src/kafka/rdkafka.js';
import { formatCaseMarkdown } from './format.js';
import { producerProperties } from './options.js';
import type { BenchOptions, CaseReport } from './types.js';
import { redactProperties } from '../../src/result/redact.js';

export const PEERS_REPORT_SCHEMA_VERSION = 1;

export interface PeersReport {
  schemaVersion: typeof PEERS_REPORT_SCHEMA_VERSION;
  startedAt: string;
  finishedAt: string;
  options: BenchOptions;
  environment: PeersEnvironment;
  cases: CaseReport[];
  /** Runs that failed, with the error: they are in no table. */
  failures: { caseId: string; tool: string; round: number; error: string }[];
}

export interface PeersEnvironment {
  kload: string;
  node: string;
  librdkafka: string;
  /** Broker version when the bench started the embedded cluster, else null. */
  kafka: string | null;
  /** Version of the kafka-tools jar (ProducerPerformance); null when Java was not run. */
  kafkaTools: string | null;
  java: string | null;
  os: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  brokers: string;
  cluster: 'embedded' | 'external';
}

export function describeBenchEnvironment(x: Pick<PeersEnvironment, 'kload' | 'kafka' | 'kafkaTools' | 'brokers' | 'cluster'> & { javaPath: string | null }): PeersEnvironment {
  const { javaPath, ...rest } = x;
  const cpu = cpus();
  return {
    ...rest,
    node: process.version,
    librdkafka: librdkafkaVersion,
    java: javaPath ? javaVersion(javaPath) : null,
    os: `${osType()} ${release()}`,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpuCount: cpu.length,
    totalMemoryBytes: totalmem(),
  };
}

function javaVersion(java: string): string {
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  return `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n')[0]?.trim() ?? 'unknown';
}

export async function writePeersReport(report: PeersReport): Promise<{ json: string; markdown: string }> {
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const json = join(report.options.outDir, `peers-${stamp}.json`);
  const markdown = join(report.options.outDir, `peers-${stamp}.md`);
  // --property may carry credentials (sasl.password=…): the files get what `kload run` saves.
  const saved: PeersReport = { ...report, options: { ...report.options, extraProperties: redactProperties(report.options.extraProperties) } };
  await writeFileAtomic(json, `${JSON.stringify(saved, null, 2)}\n`);
  await writeFileAtomic(markdown, `${peersMarkdown(saved)}\n`);
  return { json, markdown };
}

export function peersMarkdown(r: PeersReport): string {
  const e = r.environment;
  const o = r.options;
  const acks = [...new Set(o.cases.map((c) => c.acks))].join('|');
  const props = Object.entries({ ...producerProperties(o, '1'), acks }).map(([k, v]) => `${k}=${v}`).join(', ');
  return [
    `# kload vs kafka-producer-perf-test vs rdkafka_performance`,
    '',
    `${r.startedAt} · ${e.cpuCount} × ${e.cpuModel} · Kafka ${e.kafka ?? 'unknown'} (${e.cluster}, ${e.brokers}) · kload ${e.kload} on Node ${e.node}, librdkafka ${e.librdkafka} · ${e.java ?? 'no Java'}, kafka-tools ${e.kafkaTools ?? '-'}`,
    '',
    `- ${o.messages.toLocaleString('en-US')} messages per run, ${o.rounds} round(s) with the tool order reversed every other round, a fresh ${o.partitions}-partition topic per run.`,
    `- Producer properties for every tool: ${props}.`,
    '- kload runs one `max` phase, no warmup, through `kload run` in its own process; its phase is timed, sized to send about the same number of messages (column msgs).',
    '- msg/s: kload acked / phase duration; ProducerPerformance records/sec (start to flush); rdkafka_performance delivered / (first produce to last delivery report).',
    '- MB/s = msg/s × payload bytes / 10^6 for every tool. CPU us/msg = user + system CPU of the whole process, start-up included, / messages. p99: send to ack (ProducerPerformance in whole ms, from a sample).',
    '- vs kload-1t: median msg/s over kload-1t\'s. Scaling eff. = msg/s at t threads / (t × msg/s at 1 thread).',
    '',
    ...r.cases.flatMap((c) => [formatCaseMarkdown(c), '']),
    ...(r.failures.length > 0 ? ['## Failed runs', '', ...r.failures.map((f) => `- ${f.caseId} ${f.tool} round ${f.round + 1}: ${f.error.split('\n')[0]}`)] : []),
  ].join('\n');
}
