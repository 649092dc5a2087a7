import { cpus, release, totalmem, type as osType } from 'node:os';
import { librdkafkaVersion } from '../kafka/rdkafka.js';
import { redactProperties } from '../report/redact.js';
import type { Environment } from '../report/result-types.js';
import type { ClusterTarget } from './cluster-target.js';

export function describeEnvironment(input: {
  cluster: ClusterTarget;
  producerProperties: Record<string, string>;
  consumerProperties: Record<string, string>;
  producerThreads: number;
  consumerThreads: number;
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
    cluster: input.cluster.kind,
    producerProperties: redactProperties(input.producerProperties),
    consumerProperties: redactProperties(input.consumerProperties),
    producerThreads: input.producerThreads,
    consumerThreads: input.consumerThreads,
  };
}
