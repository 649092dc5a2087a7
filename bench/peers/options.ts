/** Command-line flags of `npm run bench:peers`, checked all at once. */
import { parseArgs } from 'node:util';
import type { Acks, BenchCase, BenchMode, BenchOptions, ToolKind } from './types.js';

export const USAGE = `npm run bench:peers -- [options]
  --brokers host:port        use this cluster (default: start a 1-node embedded cluster)
  --mode producer,consumer   which cases (default both): producer cases per size × acks;
                             consumer cases per size, every tool reading one topic
                             pre-filled with N kload-stamped messages
  --messages N               messages per run, and per consumer topic (default 2000000)
  --rounds N                 rounds, tool order alternating (default 3)
  --threads 1,2,4            kload producer threads, one row each (default 1,2; 1 is always run)
  --sizes 100,1024           message sizes in bytes (default 100,1024)
  --acks 1,all               acks settings of the producer cases (default 1,all)
  --tools kload,kload-binding,java,rdkafka,binding
                             which tools (default all five): kload = kload on its native
                             driver (kload-<t>t rows, kload consumer (native)); kload-binding
                             = kload on node-rdkafka (kload-1t node-rdkafka, kload consumer
                             (node-rdkafka)); java = kafka-producer/consumer-perf-test;
                             rdkafka = rdkafka_performance -P / -G; binding = the same
                             @platformatic/rdkafka calls as kload's node-rdkafka producer
                             and nothing else (producer cases only)
  --partitions N             partitions of each fresh topic (default 6)
  --replication-factor N     (default 1)
  --linger-ms N              linger.ms for every tool (default 5)
  --batch-size BYTES         batch.size for every tool (default 65536)
  --property key=value       another producer property for every tool (repeatable);
                             enable.idempotence=false is set unless given; the consumer
                             topics' fill gets them too, the consumers do not
  --kload-seconds S          fixed kload max-phase length (default: sized to send about N messages)
  --kload-max-in-flight N    kload's maxInFlight per client (default: kload's own)
  --out DIR                  where the JSON and Markdown go (default results/bench)`;

const TOOL_KINDS: ToolKind[] = ['kload', 'kload-binding', 'java', 'rdkafka', 'binding'];
const MODES: BenchMode[] = ['producer', 'consumer'];
const OWN_FLAGS: Record<string, string> = {
  acks: '--acks',
  'linger.ms': '--linger-ms',
  'batch.size': '--batch-size',
  'bootstrap.servers': '--brokers',
};

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      brokers: { type: 'string' },
      mode: { type: 'string', default: MODES.join(',') },
      messages: { type: 'string', default: '2000000' },
      rounds: { type: 'string', default: '3' },
      threads: { type: 'string', default: '1,2' },
      sizes: { type: 'string', default: '100,1024' },
      acks: { type: 'string', default: '1,all' },
      tools: { type: 'string', default: TOOL_KINDS.join(',') },
      partitions: { type: 'string', default: '6' },
      'replication-factor': { type: 'string', default: '1' },
      'linger-ms': { type: 'string', default: '5' },
      'batch-size': { type: 'string', default: '65536' },
      property: { type: 'string', multiple: true, default: [] },
      'kload-seconds': { type: 'string' },
      'kload-max-in-flight': { type: 'string' },
      out: { type: 'string', default: 'results/bench' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError('');
  const problems: string[] = [];
  const positive = (name: string, raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) problems.push(`--${name}: must be a positive integer, got "${raw}"`);
    return n;
  };
  const list = (name: string, raw: string): number[] => raw.split(',').map((s) => positive(name, s.trim()));

  const threads = [...new Set([1, ...list('threads', values.threads!)])].sort((a, b) => a - b);
  const acks = values.acks!.split(',').map((s) => s.trim());
  for (const a of acks) if (a !== '1' && a !== 'all') problems.push(`--acks: each must be 1 or all, got "${a}"`);
  const tools = values.tools!.split(',').map((s) => s.trim());
  for (const t of tools)
    if (!TOOL_KINDS.includes(t as ToolKind)) problems.push(`--tools: unknown "${t}" (known: ${TOOL_KINDS.join(', ')})`);
  const modes = [...new Set(values.mode!.split(',').map((s) => s.trim()))];
  for (const m of modes)
    if (!MODES.includes(m as BenchMode)) problems.push(`--mode: unknown "${m}" (known: ${MODES.join(', ')})`);
  const extraProperties: Record<string, string> = {};
  for (const kv of values.property!) {
    const i = kv.indexOf('=');
    const key = kv.slice(0, i);
    if (i <= 0) problems.push(`--property: expected key=value, got "${kv}"`);
    else if (OWN_FLAGS[key]) problems.push(`--property: ${key} has its own flag, ${OWN_FLAGS[key]}`);
    else extraProperties[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const sizes = list('sizes', values.sizes!);
  const options: BenchOptions = {
    brokers: values.brokers ?? null,
    modes: modes as BenchMode[],
    messages: positive('messages', values.messages!),
    rounds: positive('rounds', values.rounds!),
    threads,
    cases: benchCases(sizes, acks as Acks[]),
    partitions: positive('partitions', values.partitions!),
    replicationFactor: positive('replication-factor', values['replication-factor']!),
    lingerMs: Number(values['linger-ms']),
    batchBytes: positive('batch-size', values['batch-size']!),
    extraProperties,
    kloadSeconds: values['kload-seconds'] === undefined ? null : positive('kload-seconds', values['kload-seconds']),
    kloadMaxInFlight:
      values['kload-max-in-flight'] === undefined
        ? null
        : positive('kload-max-in-flight', values['kload-max-in-flight']),
    tools: tools as ToolKind[],
    outDir: values.out!,
  };
  if (!Number.isFinite(options.lingerMs) || options.lingerMs < 0)
    problems.push(`--linger-ms: must be >= 0, got "${values['linger-ms']}"`);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return options;
}

export function benchCases(sizes: number[], acks: Acks[]): BenchCase[] {
  return sizes.flatMap((bytes) => acks.map((a) => ({ id: `${bytes}B-acks${a}`, messageBytes: bytes, acks: a })));
}

/**
 * The properties every tool gets. Java's producer turns idempotence on by itself with acks=all
 * and librdkafka does not, so it is pinned explicitly unless the user chose.
 */
export function producerProperties(o: BenchOptions, acks: Acks): Record<string, string> {
  return {
    acks,
    'linger.ms': String(o.lingerMs),
    'batch.size': String(o.batchBytes),
    'enable.idempotence': 'false',
    ...o.extraProperties,
  };
}

export class UsageError extends Error {}
