/**
 * The only module that loads the Kafka client. kload uses @platformatic/rdkafka, the maintained
 * fork of node-rdkafka with the same API, because upstream node-rdkafka (<= 3.6.1) is not
 * context-aware: loading it in a second worker thread fails with "Module did not self-register"
 * and a producer in a worker can abort the process (Blizzard/node-rdkafka #831, #958). kload runs
 * its producers and consumers in worker threads, so it needs the context-aware build.
 */
import { createRequire } from 'node:module';

type RdKafka = typeof import('@platformatic/rdkafka');

const require = createRequire(import.meta.url);
const rdkafka = require('@platformatic/rdkafka') as RdKafka;

export const { librdkafkaVersion, features } = rdkafka;
export const CODES = rdkafka.CODES;

/**
 * Every client object is kept reachable for the life of its thread. In @platformatic/rdkafka
 * 4.1.2 on Node 20, garbage-collecting a client that has connected aborts the process:
 * ~Connection() calls node::RemoveEnvironmentCleanupHook(Isolate::GetCurrent()) from a GC weak
 * callback, where no context is entered, and Node's CHECK(env != nullptr) fails. Clients that
 * are never collected are deleted by the environment cleanup hook at thread exit instead, which
 * is safe. The cost is a few hundred bytes per disconnected client.
 */
const retained: object[] = [];
function retain<T extends object>(client: T): T {
  retained.push(client);
  return client;
}

export function newProducer(conf: ProducerGlobalConfig, topicConf?: ProducerTopicConfig): ProducerClient {
  return retain(new rdkafka.Producer(conf, topicConf));
}

export function newConsumer(conf: ConsumerGlobalConfig, topicConf: ConsumerTopicConfig): ConsumerClient {
  return retain(new rdkafka.KafkaConsumer(conf, topicConf));
}

export function newAdminClient(conf: GlobalConfig): IAdminClient {
  return retain(rdkafka.AdminClient.create(conf));
}
import type {
  ProducerGlobalConfig,
  ProducerTopicConfig,
  ConsumerGlobalConfig,
  ConsumerTopicConfig,
  GlobalConfig,
  IAdminClient,
} from '@platformatic/rdkafka';
export type {
  ProducerTopicConfig,
  ConsumerTopicConfig,
  GlobalConfig,
  LibrdKafkaError,
  Metadata,
  DeliveryReport,
  Message,
  MessageHeader,
  ProducerGlobalConfig,
  ConsumerGlobalConfig,
  IAdminClient,
  NewTopic,
} from '@platformatic/rdkafka';
export type ProducerClient = InstanceType<RdKafka['Producer']>;
export type ConsumerClient = InstanceType<RdKafka['KafkaConsumer']>;
