/**
 * kload against Kafka's kafka-producer-perf-test / kafka-consumer-perf-test (ProducerPerformance,
 * ConsumerPerformance) and librdkafka's rdkafka_performance, side by side on the same broker.
 * Producer cases: 100 B and 1 KiB messages × acks=1 and acks=all, the same linger.ms and
 * batch.size for every tool, each run on a fresh topic. Consumer cases: per size one topic
 * pre-filled with kload-stamped messages, read whole by every tool with a fresh group. Every run
 * is its own process under GNU time (CPU and peak RSS are the tool's own). Prints one table per
 * case and writes JSON + Markdown under results/bench/.
 *
 *   npm run bench:peers                                   # 2,000,000 messages × 3 rounds per case
 *   npm run bench:peers -- --messages 200000 --rounds 1   # a quick smoke run
 *   npm run bench:peers -- --mode consumer --sizes 100    # consumers only
 *   npm run bench:peers -- --brokers host:9092 --threads 1,2,4
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedCluster } from '../../src/cluster/embedded-cluster.js';
import { kloadVersion } from '../../src/cli/version.js';
import { consumerTools, runConsumerCase } from './consumer-case.js';
import { formatConsumerCaseText, summariseConsumerCase } from './consumer-summary.js';
import type { ConsumerCaseReport, ConsumerTool } from './consumer-types.js';
import { fillTopic } from './fill-topic.js';
import { formatCaseText } from './format.js';
import { deleteQuietly } from './fresh-topic.js';
import { prepareJavaPerf, type JavaPerfTool } from './java-perf-tool.js';
import { parseBenchOptions, UsageError, USAGE } from './options.js';
import { assertRdkafkaPerf } from './rdkafka-perf-tool.js';
import { runCase, type RunFailure } from './run-case.js';
import { summariseCase } from './summarise.js';
import { assertGnuTime } from './timed-process.js';
import { benchTools } from './tools.js';
import type { BenchOptions, CaseReport } from './types.js';
import type { BenchTool } from './tools.js';
import { describeBenchEnvironment, PEERS_REPORT_SCHEMA_VERSION, writePeersReport } from './write-report.js';

const log = (line: string): void => console.log(line);

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) console.error(`${err.message}\n\n${USAGE}`);
    else console.log(USAGE);
    return err.message ? 2 : 0;
  }
  assertGnuTime();
  const java: JavaPerfTool | null = options.tools.includes('java') ? prepareJavaPerf(log) : null;
  const rdkafka = options.tools.includes('rdkafka') ? assertRdkafkaPerf() : null;
  const cluster = options.brokers ? null : await EmbeddedCluster.start({ nodes: 1, log });
  try {
    const brokers = options.brokers ?? cluster!.bootstrapServers;
    const tools = options.modes.includes('producer') ? benchTools(options, { java, rdkafka }) : [];
    const readers = options.modes.includes('consumer') ? consumerTools(options, { java, rdkafka }) : [];
    const startedAt = new Date().toISOString();
    const environment = describeBenchEnvironment({
      kload: kloadVersion(),
      kafka: cluster?.kafkaVersion ?? null,
      kafkaTools: java?.version ?? null,
      brokers,
      cluster: cluster ? 'embedded' : 'external',
      javaPath: java?.java ?? null,
    });
    const names = [...tools, ...readers].map((t) => t.name);
    const perCase = `${options.messages.toLocaleString('en-US')} messages × ${options.rounds} round(s) per case`;
    log(`bench:peers on ${brokers}: ${names.join(', ')}; ${perCase}`);
    await warmUp(brokers, options);
    const failures: RunFailure[] = [];
    const cases = await producerCases(options, brokers, tools, failures);
    const consumerCases = await consumerCasesOf(options, brokers, readers, failures);
    const paths = await writePeersReport({
      schemaVersion: PEERS_REPORT_SCHEMA_VERSION,
      startedAt,
      finishedAt: new Date().toISOString(),
      options,
      environment,
      cases,
      consumerCases,
      failures,
    });
    log(`\nresults: ${paths.json}\n         ${paths.markdown}`);
    if (failures.length > 0) log(`${failures.length} run(s) failed; see above and the report.`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    await cluster?.stop();
  }
}

async function producerCases(
  options: BenchOptions,
  brokers: string,
  tools: BenchTool[],
  failures: RunFailure[],
): Promise<CaseReport[]> {
  const cases: CaseReport[] = [];
  if (tools.length === 0) return cases;
  for (const benchCase of options.cases) {
    log(`\n${benchCase.id}:`);
    const done = await runCase({ options, benchCase, brokers, tools, log });
    failures.push(...done.failures);
    const report: CaseReport = {
      benchCase,
      rows: summariseCase(
        done.runs,
        tools.map((t) => t.name),
      ),
      runs: done.runs,
    };
    cases.push(report);
    log(`\n${formatCaseText(report)}`);
  }
  return cases;
}

/** One case per message size (acks is the producers' matter: the fill writes with acks=all). */
async function consumerCasesOf(
  options: BenchOptions,
  brokers: string,
  readers: ConsumerTool[],
  failures: RunFailure[],
): Promise<ConsumerCaseReport[]> {
  const cases: ConsumerCaseReport[] = [];
  if (readers.length === 0) return cases;
  const sizes = [...new Set(options.cases.map((c) => c.messageBytes))];
  for (const messageBytes of sizes) {
    log(`\nconsume-${messageBytes}B:`);
    const done = await runConsumerCase({ options, messageBytes, brokers, tools: readers, log });
    failures.push(...done.failures);
    if (!done.filled) continue;
    const report: ConsumerCaseReport = {
      filled: done.filled,
      rows: summariseConsumerCase(
        done.runs,
        readers.map((t) => t.name),
      ),
      runs: done.runs,
    };
    cases.push(report);
    log(`\n${formatConsumerCaseText(report)}`);
  }
  return cases;
}

// Without a handler Ctrl-C skips 'exit' hooks, and the embedded broker's cleanup is one.
process.once('SIGINT', () => process.exit(130));
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error & { hint?: string }) => {
    console.error(err.hint ? `${err.message}\n${err.hint}` : err.message);
    process.exit(1);
  },
);

/**
 * A fresh broker runs its first few seconds of produce requests 2-4x slower (JIT, page cache):
 * whichever tool went first in round 1 paid for it (kload-1t measured 94k msg/s first, 436k
 * last). One untimed fill of a scratch topic takes that cost before any tool is measured.
 */
async function warmUp(brokers: string, o: BenchOptions): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'kload-bench-warmup-'));
  const topic = `kload-peers-warmup-${process.pid}`;
  log('warming the broker up (1,000,000 untimed messages) ...');
  try {
    await fillTopic({
      brokers,
      caseId: 'warmup',
      topic,
      messageBytes: 100,
      messages: 1_000_000,
      partitions: o.partitions,
      replicationFactor: o.replicationFactor,
      properties: o.extraProperties,
      workDir,
    });
  } finally {
    await deleteQuietly(brokers, topic, log);
    rmSync(workDir, { recursive: true, force: true });
  }
}
