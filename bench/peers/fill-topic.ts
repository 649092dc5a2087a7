/**
 * The consumer cases' topic: created fresh, filled once by fill-child.js with exactly N stamped
 * messages, then checked against the broker's high watermarks (what the consumers must reach).
 */
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { WatermarkReader } from '../../src/kafka/watermarks.js';
import type { FilledTopic } from './consumer-types.js';
import type { FillSpec, FillSummary } from './fill-child.js';
import { createFreshTopic } from './fresh-topic.js';
import { runTimed, tail } from './timed-process.js';

const CHILD = fileURLToPath(new URL('./fill-child.js', import.meta.url));

export interface FillInput {
  brokers: string;
  caseId: string;
  topic: string;
  messageBytes: number;
  messages: number;
  partitions: number;
  replicationFactor: number;
  /** The bench's producer properties (the fill pins acks=all and idempotence itself). */
  properties: Record<string, string>;
  workDir: string;
}

export async function fillTopic(x: FillInput): Promise<FilledTopic> {
  await createFreshTopic(x.brokers, x.topic, x.partitions, x.replicationFactor);
  // Non-zero, and different per topic: a consumer that read another topic's fill would show it as foreign.
  const runId = randomInt(1, 2 ** 32 - 1);
  const spec: FillSpec = {
    brokers: x.brokers,
    topic: x.topic,
    messages: x.messages,
    bytes: x.messageBytes,
    runId,
    properties: x.properties,
  };
  const timed = await runTimed(process.execPath, [CHILD, JSON.stringify(spec)], {
    workDir: x.workDir,
    timeoutMs: 60_000 + x.messages / 10,
  });
  const summary = parseSummary(timed.stdout);
  if (timed.exitCode !== 0 || !summary || summary.delivered !== x.messages) {
    const got = summary
      ? `${summary.delivered} delivered, ${summary.failed} failed; ${summary.errors.slice(0, 3).join('; ')}`
      : 'no summary';
    throw new Error(
      `the fill of ${x.topic} exited ${timed.exitCode ?? timed.signal} (${got}):\n${tail(timed.stderr + timed.stdout)}`,
    );
  }
  const endOffsets = await highWatermarks(x.brokers, x.topic, x.partitions, x.properties);
  const messages = endOffsets.reduce((a, b) => a + b, 0);
  // Idempotence makes the log hold each message once; anything else would skew every row.
  if (messages !== x.messages)
    throw new Error(`${x.topic} holds ${messages} messages after the fill delivered ${x.messages}`);
  return {
    caseId: x.caseId,
    topic: x.topic,
    messageBytes: x.messageBytes,
    partitions: x.partitions,
    messages,
    endOffsets,
    runId,
    fillSec: summary.elapsedMs / 1000,
  };
}

async function highWatermarks(
  brokers: string,
  topic: string,
  partitions: number,
  properties: Record<string, string>,
): Promise<number[]> {
  // A producer client underneath: the producer properties (security extras included) fit it.
  const reader = await WatermarkReader.connect(brokers, properties);
  try {
    return await reader.highWatermarks(topic, partitions);
  } finally {
    await reader.close();
  }
}

function parseSummary(stdout: string): FillSummary | null {
  try {
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as FillSummary;
  } catch {
    return null;
  }
}
