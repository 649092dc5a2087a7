/** results/bench/peers-<timestamp>.json and .md: the tables, every run, and how they were made. */
import { spawnSync } from 'node:child_process';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/write-file-atomic.js';
import { librdkafkaVersion } from '../../src/kafka/rdkafka.js';
import type { ConsumerCaseReport } from './consumer-types.js';
import { peersMarkdown } from './report-markdown.js';
import type { BenchOptions, CaseReport } from './types.js';
import { redactProperties } from '../../src/result/redact.js';

/** 2: consumer cases (`consumerCases`), options.modes, the kload-binding tool. */
export const PEERS_REPORT_SCHEMA_VERSION = 2;

export interface PeersReport {
  schemaVersion: typeof PEERS_REPORT_SCHEMA_VERSION;
  startedAt: string;
  finishedAt: string;
  options: BenchOptions;
  environment: PeersEnvironment;
  /** Producer cases (empty without --mode producer). */
  cases: CaseReport[];
  /** Consumer cases, one per message size (empty without --mode consumer). */
  consumerCases: ConsumerCaseReport[];
  /** Runs that failed, with the error: they are in no table (tool "fill": a consumer topic's fill). */
  failures: { caseId: string; tool: string; round: number; error: string }[];
}

export interface PeersEnvironment {
  kload: string;
  node: string;
  librdkafka: string;
  /** Broker version when the bench started the embedded cluster, else null. */
  kafka: string | null;
  /** Version of the kafka-tools jar (ProducerPerformance, ConsumerPerformance); null when Java was not run. */
  kafkaTools: string | null;
  java: string | null;
  os: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  brokers: string;
  cluster: 'embedded' | 'external';
}

export function describeBenchEnvironment(
  x: Pick<PeersEnvironment, 'kload' | 'kafka' | 'kafkaTools' | 'brokers' | 'cluster'> & { javaPath: string | null },
): PeersEnvironment {
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
  const saved: PeersReport = {
    ...report,
    options: { ...report.options, extraProperties: redactProperties(report.options.extraProperties) },
  };
  await writeFileAtomic(json, `${JSON.stringify(saved, null, 2)}\n`);
  await writeFileAtomic(markdown, `${peersMarkdown(saved)}\n`);
  return { json, markdown };
}
