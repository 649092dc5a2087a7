/**
 * One consumer case: a fresh topic for one message size, filled once with N stamped messages;
 * then every round, every consumer tool reads all of it from the beginning with a group of its
 * own, in alternating order. The topic is deleted at the end (2 million 1 KiB messages are 2 GB).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsumerRunContext, ConsumerTool, ConsumerToolRun, FilledTopic } from './consumer-types.js';
import { fillTopic } from './fill-topic.js';
import { deleteQuietly } from './fresh-topic.js';
import type { JavaPerfTool } from './java-perf-tool.js';
import { JAVA_CONSUMER, runJavaConsumer } from './java-consumer-tool.js';
import { KLOAD_CONSUMER_BINDING, KLOAD_CONSUMER_NATIVE, runKloadConsumer } from './kload-consumer-tool.js';
import { producerProperties } from './options.js';
import { RDKAFKA_CONSUMER, runRdkafkaConsumer } from './rdkafka-consumer-tool.js';
import type { RunFailure } from './run-case.js';
import { roundOrder } from './summarise.js';
import type { BenchOptions } from './types.js';

export function consumerTools(
  o: BenchOptions,
  peers: { java: JavaPerfTool | null; rdkafka: string | null },
): ConsumerTool[] {
  const tools: ConsumerTool[] = [];
  if (o.tools.includes('kload'))
    tools.push({ name: KLOAD_CONSUMER_NATIVE, run: (ctx) => runKloadConsumer('native', ctx) });
  if (o.tools.includes('kload-binding'))
    tools.push({ name: KLOAD_CONSUMER_BINDING, run: (ctx) => runKloadConsumer('node-rdkafka', ctx) });
  const java = peers.java;
  if (java) tools.push({ name: JAVA_CONSUMER, run: (ctx) => runJavaConsumer(java, ctx) });
  const rdkafka = peers.rdkafka;
  if (rdkafka) tools.push({ name: RDKAFKA_CONSUMER, run: (ctx) => runRdkafkaConsumer(rdkafka, ctx) });
  return tools;
}

export interface ConsumerCaseInput {
  options: BenchOptions;
  messageBytes: number;
  brokers: string;
  tools: ConsumerTool[];
  log: (line: string) => void;
}

export interface ConsumerCaseOutcome {
  /** Null when the fill failed (then every run is missing and `failures` says why). */
  filled: FilledTopic | null;
  runs: ConsumerToolRun[];
  failures: RunFailure[];
}

/** A failed run is logged and returned in `failures`; the other runs go on. */
export async function runConsumerCase(x: ConsumerCaseInput): Promise<ConsumerCaseOutcome> {
  const { options: o, messageBytes } = x;
  const caseId = `consume-${messageBytes}B`;
  const topic = `kload-peers-${caseId}-${process.pid}`;
  const runs: ConsumerToolRun[] = [];
  const failures: RunFailure[] = [];
  const fillDir = mkdtempSync(join(tmpdir(), 'kload-bench-fill-'));
  try {
    let filled: FilledTopic;
    try {
      filled = await fillTopic({
        brokers: x.brokers,
        caseId,
        topic,
        messageBytes,
        messages: o.messages,
        partitions: o.partitions,
        replicationFactor: o.replicationFactor,
        properties: producerProperties(o, 'all'),
        workDir: fillDir,
      });
      x.log(`  filled ${topic}: ${filled.messages.toLocaleString('en-US')} messages in ${filled.fillSec.toFixed(1)} s`);
    } catch (err) {
      const error = (err as Error).message;
      failures.push({ caseId, tool: 'fill', round: 0, error });
      x.log(`  ${caseId} fill: FAILED: ${error}`);
      return { filled: null, runs, failures };
    }
    // Generous: 60 s for start-up and the group join, then 20,000 msg/s at the least.
    const timeoutMs = 60_000 + filled.messages / 20;
    for (let round = 0; round < o.rounds; round++) {
      for (const [position, tool] of roundOrder(x.tools, round).entries()) {
        const group = `kload-peers-${caseId}-${tool.name}-r${round + 1}-${process.pid}`.replace(
          /[^a-zA-Z0-9._-]/g,
          '-',
        );
        const workDir = mkdtempSync(join(tmpdir(), 'kload-bench-peers-'));
        const ctx: ConsumerRunContext = { brokers: x.brokers, filled, group, workDir, timeoutMs };
        const label = `${caseId} round ${round + 1}/${o.rounds} ${tool.name}`;
        try {
          const loadAvg1m = loadavg()[0] ?? NaN;
          const measured = await tool.run(ctx);
          const run: ConsumerToolRun = { ...measured, caseId, round, position, topic, group, loadAvg1m };
          runs.push(run);
          x.log(`  ${label}: ${progressLine(run)}`);
          rmSync(workDir, { recursive: true, force: true });
        } catch (err) {
          const error = (err as Error).message;
          failures.push({ caseId, tool: tool.name, round, error });
          x.log(`  ${label}: FAILED (files kept in ${workDir}): ${error}`);
        }
      }
    }
    return { filled, runs, failures };
  } finally {
    rmSync(fillDir, { recursive: true, force: true });
    await deleteQuietly(x.brokers, topic, x.log);
  }
}

function progressLine(r: ConsumerToolRun): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const k = r.kload;
  const s = (us: number) => (us / 1e6).toFixed(2);
  const kload = k ? `, age p50 ${s(k.e2eP50Us)} s p99 ${s(k.e2eP99Us)} s, ${k.lost} lost, ${k.duplicated} dup` : '';
  return (
    `${n(r.msgsPerSec)} msg/s, ${r.cpuUsPerMsg.toFixed(2)} us CPU/msg, ${r.peakRssMb.toFixed(0)} MB RSS${kload} ` +
    `(${n(r.messages)} msgs in ${r.durationSec.toFixed(2)} s, ${r.wallSec.toFixed(1)} s wall, ` +
    `load ${r.loadAvg1m.toFixed(1)})` +
    (r.notes.length > 0 ? ` [${r.notes.join('; ')}]` : '')
  );
}
