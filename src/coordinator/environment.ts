import { cpus, release, totalmem, type as osType } from 'node:os';
import { librdkafkaVersion } from '../kafka/rdkafka.js';
import { redactProperties } from '../result/redact.js';
import type { Environment } from '../result/result-types.js';
import type { ClientDriver } from '../scenario/types.js';
import type { ClusterDescription } from '../result/cluster-description.js';

export function describeEnvironment(input: {
  cluster: ClusterDescription;
  producerProperties: Record<string, string>;
  consumerProperties: Record<string, string>;
  producerThreads: number;
  consumerThreads: number;
  producerClient: ClientDriver;
  consumerClient: ClientDriver | null;
}): Environment {
  const cpu = cpus();
  return {
    node: process.version,
    librdkafka: librdkafkaVersion,
    kafka: input.cluster.kafkaVersion,
    os: `${osType()} ${release()}`,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpuCount: cpu.length,
    totalMemoryBytes: totalmem(),
    brokers: input.cluster.brokers,
    cluster: input.cluster.kind === 'external' ? 'external' : 'embedded',
    producerProperties: redactProperties(input.producerProperties),
    consumerProperties: redactProperties(input.consumerProperties),
    producerThreads: input.producerThreads,
    consumerThreads: input.consumerThreads,
    producerClient: input.producerClient,
    consumerClient: input.consumerClient,
  };
}
