/** The Markdown report: how each half was measured, then its tables. */
import { formatConsumerCaseMarkdown } from './consumer-summary.js';
import { formatCaseMarkdown } from './format.js';
import { producerProperties } from './options.js';
import type { PeersReport } from './write-report.js';

/** One bullet from sentence pieces, so the source stays narrow and the Markdown line whole. */
const bullet = (...parts: string[]): string => `- ${parts.join(' ')}`;

export function peersMarkdown(r: PeersReport): string {
  const e = r.environment;
  const failures = r.failures.map((f) => `- ${f.caseId} ${f.tool} round ${f.round + 1}: ${f.error.split('\n')[0]}`);
  return [
    `# kload vs kafka-producer/consumer-perf-test vs rdkafka_performance`,
    '',
    [
      `${r.startedAt} · ${e.cpuCount} × ${e.cpuModel} · Kafka ${e.kafka ?? 'unknown'} (${e.cluster}, ${e.brokers})`,
      `kload ${e.kload} on Node ${e.node}, librdkafka ${e.librdkafka}`,
      `${e.java ?? 'no Java'}, kafka-tools ${e.kafkaTools ?? '-'}`,
    ].join(' · '),
    '',
    ...(r.options.modes.includes('producer') ? producerSection(r) : []),
    ...(r.options.modes.includes('consumer') ? consumerSection(r) : []),
    ...(failures.length > 0 ? ['## Failed runs', '', ...failures] : []),
  ].join('\n');
}

function producerSection(r: PeersReport): string[] {
  const o = r.options;
  const acks = [...new Set(o.cases.map((c) => c.acks))].join('|');
  const props = Object.entries({ ...producerProperties(o, '1'), acks })
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return [
    '## Producers',
    '',
    bullet(
      `${o.messages.toLocaleString('en-US')} messages per run, ${o.rounds} round(s) with the tool order reversed`,
      `every other round, a fresh ${o.partitions}-partition topic per run.`,
    ),
    bullet(`Producer properties for every tool: ${props}.`),
    bullet(
      'kload runs one `max` phase, no warmup, through `kload run` in its own process; its phase is timed, sized to',
      'send about the same number of messages (column msgs). kload-<t>t rows run the native driver',
      '(`client: native`), kload-1t node-rdkafka the binding (`client: node-rdkafka`).',
    ),
    bullet(
      'msg/s: kload acked / phase duration; ProducerPerformance records/sec (start to flush);',
      'rdkafka_performance delivered / (first produce to last delivery report).',
    ),
    bullet(
      'MB/s = msg/s × payload bytes / 10^6 for every tool. CPU us/msg = user + system CPU of the whole process,',
      'start-up included, / messages. p99: send to ack (ProducerPerformance in whole ms, from a sample).',
    ),
    bullet(
      "vs kload-1t: median msg/s over kload-1t's.",
      'Scaling eff. = msg/s at t threads / (t × msg/s at 1 thread).',
    ),
    '',
    ...r.cases.flatMap((c) => [formatCaseMarkdown(c), '']),
  ];
}

function consumerSection(r: PeersReport): string[] {
  const o = r.options;
  return [
    '## Consumers',
    '',
    bullet(
      `Per message size one fresh ${o.partitions}-partition topic, filled once with`,
      `${o.messages.toLocaleString('en-US')} kload-stamped messages (kload's native producer, acks=all,`,
      'idempotent: exactly N in the log); every tool reads all of it from the beginning with a fresh group, one',
      `consumer, ${o.rounds} round(s) with the order reversed every other round.`,
    ),
    bullet(
      "kload consumer rows run kload's consumer task (src/workers/consumer-task.ts) in a child process with",
      '`client: native` or `client: node-rdkafka`; the peers are ConsumerPerformance (kafka-tools) and',
      '`rdkafka_performance -G` (balanced consumer, its own queued.min.messages=1000000), each with its own defaults.',
    ),
    bullet(
      'msg/s: kload messages / (first message to last); ConsumerPerformance fetch.nMsg.sec (the run minus the',
      'group join); rdkafka_performance msgs/s (first message to the end of its read loop).',
    ),
    bullet('CPU us/msg = user + system CPU of the whole process (start-up and group join included) / messages read.'),
    bullet(
      "age p50/p99 (kload rows): consume time − the fill's send time on the wall clock. On a pre-filled topic this",
      'is how old the messages were when read (it grows with the position in the round), not an end-to-end',
      'latency; it shows every stamp was read and parsed.',
    ),
    bullet(
      'lost/dup (kload rows, summed over rounds): fill messages no read saw / read more than once, from',
      "kload's own integrity check over the consumer task's seq bitmaps.",
    ),
    bullet("vs kload native: median msg/s over `kload consumer (native)`'s."),
    '',
    ...r.consumerCases.flatMap((c) => [formatConsumerCaseMarkdown(c), '']),
  ];
}
