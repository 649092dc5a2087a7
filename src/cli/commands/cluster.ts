import type { Argv, CommandModule } from 'yargs';
import { KloadError } from '../../errors.js';
import { clusterStatus, startDetachedCluster, stopDetachedCluster } from '../../cluster/cluster-control.js';
import { EmbeddedCluster } from '../../cluster/embedded-cluster.js';
import { ensureKafkaJars } from '../../cluster/kafka-jars.js';
import { SECURITY_PROTOCOLS, type ClusterSecurity, type SecurityProtocol } from '../../cluster/security.js';
import { parseKeyValues } from '../key-values.js';

interface StartArgs {
  nodes: number;
  detach: boolean;
  port?: number;
  heap: number;
  'broker-property': string[];
  'start-timeout': number;
  security?: SecurityProtocol;
  mtls: boolean;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

const start: CommandModule<object, StartArgs> = {
  command: 'start',
  describe: 'Start an embedded Apache Kafka cluster (KRaft) on 127.0.0.1',
  builder: (y: Argv) =>
    y
      .option('nodes', {
        type: 'number',
        choices: [1, 3],
        default: 1,
        describe: '1 node, or 3 nodes with replication factor 3 and min.insync.replicas=2',
      })
      .option('detach', {
        type: 'boolean',
        default: false,
        describe: 'Return once the cluster is up; `kload cluster stop` stops it',
      })
      .option('port', {
        type: 'number',
        describe: 'First broker port (node i: port+2i, controller port+2i+1). Default: free ports',
      })
      .option('heap', { type: 'number', default: 512, describe: 'JVM heap per node, in MB' })
      .option('broker-property', {
        type: 'string',
        array: true,
        default: [],
        describe: 'Extra broker property key=value (repeatable)',
      })
      .option('start-timeout', {
        type: 'number',
        default: 90,
        describe: 'Seconds to wait for every broker to register',
      })
      .option('security', {
        type: 'string',
        choices: SECURITY_PROTOCOLS,
        describe: 'Secure the client listener (throwaway CA, SCRAM-SHA-512 users, ACLs); writes client.properties',
      })
      .option('mtls', {
        type: 'boolean',
        default: false,
        describe: 'With --security ssl|sasl_ssl: brokers require a client certificate',
      })
      .example('$0 cluster start', 'One node in the foreground until Ctrl-C')
      .example('$0 cluster start --nodes 3 --detach', 'A production-like 3-node cluster in the background')
      .example('$0 cluster start --broker-property num.io.threads=16', 'Tune the brokers')
      .example('$0 cluster start --security sasl_ssl --detach', 'SASL_SSL; run with the printed --client-config')
      .example('$0 cluster start --security ssl --mtls', 'TLS with client certificates') as Argv<StartArgs>,
  handler: async (args) => {
    const options = {
      nodes: args.nodes as 1 | 3,
      basePort: args.port,
      heapMb: args.heap,
      brokerProperties: parseKeyValues(args['broker-property'], '--broker-property'),
      startTimeoutMs: args['start-timeout'] * 1000,
      log: say,
      ...(args.security ? { security: { protocol: args.security, mtls: args.mtls } } : {}),
    };
    if (args.mtls && !args.security) {
      throw new KloadError('INVALID_ARGUMENT', '--mtls needs --security ssl or --security sasl_ssl');
    }
    const began = Date.now();
    if (args.detach) {
      const cluster = await startDetachedCluster(options);
      say(
        `Kafka ${cluster.kafkaVersion}: ${cluster.nodes.length} node(s) up ` +
          `in ${((Date.now() - began) / 1000).toFixed(1)} s.`,
      );
      say(`bootstrap servers: ${cluster.bootstrapServers}`);
      if (cluster.security) saySecurity(cluster.security);
      say('Stop it with: kload cluster stop');
      return;
    }
    const cluster = await EmbeddedCluster.start(options);
    say(
      `Kafka ${cluster.kafkaVersion}: ${cluster.nodes.length} node(s) up ` +
        `in ${((Date.now() - began) / 1000).toFixed(1)} s.`,
    );
    say(`bootstrap servers: ${cluster.bootstrapServers}`);
    if (cluster.security) saySecurity(cluster.security);
    say(`logs: ${cluster.nodes.map((n) => n.logFile).join(' ')}`);
    say('Press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    say('Stopping ...');
    await cluster.stop();
    say('Stopped; data removed.');
  },
};

/** Paths only: the passwords stay in the files. */
function saySecurity(security: ClusterSecurity): void {
  say(`security: ${describeSecurity(security)}`);
  say(`client config: ${security.clientConfigFile}`);
  if (security.readerConfigFile) say(`limited user (read only) config: ${security.readerConfigFile}`);
}

function describeSecurity(security: Pick<ClusterSecurity, 'protocol' | 'mtls'>): string {
  return `${security.protocol.toUpperCase()}${security.mtls ? ' with client certificates (mTLS)' : ''}, ACLs on`;
}

const status: CommandModule = {
  command: 'status',
  describe: 'Show the detached embedded cluster (exit 3 when none is running)',
  handler: async () => {
    const s = await clusterStatus();
    const alive = s.nodes.filter((n) => n.alive).length;
    say(`Kafka ${s.state.kafkaVersion}, started ${s.state.startedAt}`);
    say(`bootstrap servers: ${s.state.bootstrapServers}`);
    if (s.state.security)
      say(`security: ${describeSecurity(s.state.security)}, client config: ${s.state.security.clientConfigFile}`);
    for (const n of s.nodes)
      say(`  node ${n.nodeId}: pid ${n.pid}, port ${n.brokerPort}, ${n.alive ? 'running' : 'not running'}`);
    say(`brokers answering metadata: ${s.brokersInMetadata ?? 'none'}`);
    if (alive === 0) {
      throw new KloadError('CLUSTER_NOT_RUNNING', 'The recorded cluster has no running node.', {
        hint: '`kload cluster stop` cleans up its state.',
      });
    }
  },
};

const stop: CommandModule = {
  command: 'stop',
  describe: 'Stop the detached embedded cluster and remove its data',
  handler: async () => {
    const state = await stopDetachedCluster();
    say(`Stopped ${state.nodes.length} node(s) (${state.bootstrapServers}); data removed.`);
  },
};

const fetch: CommandModule = {
  command: 'fetch',
  describe: 'Fetch the pinned Kafka jars with Maven into the cache (done automatically on first start)',
  handler: () => {
    const began = Date.now();
    const dist = ensureKafkaJars(process.env, say);
    say(
      `Kafka ${dist.version} ready (${dist.source}) ` +
        `in ${((Date.now() - began) / 1000).toFixed(1)} s: ${dist.classpath}`,
    );
  },
};

export const clusterCommand: CommandModule = {
  command: 'cluster <command>',
  describe: 'Start, inspect and stop the embedded Kafka cluster',
  builder: (y: Argv) =>
    y
      .command(start)
      .command(status)
      .command(stop)
      .command(fetch)
      .demandCommand(1, 'Name one: start, status, stop, fetch.'),
  handler: () => {},
};
