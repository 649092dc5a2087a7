/** Pure: the server.properties of one combined broker+controller node of the embedded cluster. */

export interface NodePorts {
  nodeId: number;
  brokerPort: number;
  controllerPort: number;
  /** Only a secured cluster's nodes: the PLAINTEXT inter-broker listener. */
  internalPort?: number;
}

export interface NodeConfigInput {
  node: NodePorts;
  allNodes: NodePorts[];
  logDir: string;
  /** Properties the user added (`--broker-property k=v`); they win over ours. */
  overrides?: Record<string, string>;
  /** A secured client listener (see security.ts); without it the one listener is PLAINTEXT. */
  security?: NodeSecurity;
}

export interface NodeSecurity {
  /** The client listener's protocol in Kafka's spelling: SSL, SASL_SSL or SASL_PLAINTEXT. */
  protocol: string;
  /** The PLAINTEXT listener the brokers replicate over (clients never learn it). */
  internalPort: number;
  /** Certificates, SASL and the authorizer, from prepareSecurity(). */
  properties: Record<string, string>;
}

/** The cluster-wide min.insync.replicas of an n-node embedded cluster (2 from three nodes on). */
export function embeddedMinInsyncReplicas(nodes: number): number {
  return nodes >= 3 ? 2 : 1;
}

export function nodeProperties(input: NodeConfigInput): Record<string, string> {
  const { node, allNodes, logDir } = input;
  const n = allNodes.length;
  // A 3-node cluster is meant to look like production: RF 3 everywhere, 2 in-sync replicas required.
  const rf = String(Math.min(3, n));
  const minIsr = String(embeddedMinInsyncReplicas(n));
  const voters = allNodes.map((v) => `${v.nodeId}@127.0.0.1:${v.controllerPort}`).join(',');
  return {
    'process.roles': 'broker,controller',
    'node.id': String(node.nodeId),
    'controller.quorum.voters': voters,
    ...listenerProperties(node, input.security),
    'controller.listener.names': 'CONTROLLER',
    'log.dirs': logDir,
    'default.replication.factor': rf,
    'min.insync.replicas': minIsr,
    'offsets.topic.replication.factor': rf,
    'offsets.topic.num.partitions': '10',
    'transaction.state.log.replication.factor': rf,
    'transaction.state.log.min.isr': minIsr,
    'share.coordinator.state.topic.replication.factor': rf,
    'share.coordinator.state.topic.min.isr': minIsr,
    // Benchmarks start consuming right away; the default 3 s rebalance delay would skew them.
    'group.initial.rebalance.delay.ms': '0',
    'num.partitions': '1',
    'auto.create.topics.enable': 'false',
    ...input.security?.properties,
    ...input.overrides,
  };
}

/** The client listener keeps the broker port, so bootstrap servers are the same secured or not. */
function listenerProperties(node: NodePorts, security: NodeSecurity | undefined): Record<string, string> {
  const controller = `CONTROLLER://127.0.0.1:${node.controllerPort}`;
  if (!security) {
    return {
      listeners: `PLAINTEXT://127.0.0.1:${node.brokerPort},${controller}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${node.brokerPort}`,
      'inter.broker.listener.name': 'PLAINTEXT',
      'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    };
  }
  const client = `CLIENT://127.0.0.1:${node.brokerPort}`;
  const internal = `INTERNAL://127.0.0.1:${security.internalPort}`;
  return {
    listeners: `${client},${internal},${controller}`,
    'advertised.listeners': `${client},${internal}`,
    'inter.broker.listener.name': 'INTERNAL',
    'listener.security.protocol.map': `CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,CLIENT:${security.protocol}`,
  };
}

export function toPropertiesFile(props: Record<string, string>): string {
  return (
    Object.entries(props)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n'
  );
}

export const LOG4J2_PROPERTIES = [
  'rootLogger.level=INFO',
  'rootLogger.appenderRef.stdout.ref=STDOUT',
  'appender.stdout.type=Console',
  'appender.stdout.name=STDOUT',
  'appender.stdout.layout.type=PatternLayout',
  'appender.stdout.layout.pattern=[%d] %p %m (%c)%n',
  // The request logger and state-change logger are noisy at INFO and say nothing a user needs.
  'logger.request.name=kafka.request.logger',
  'logger.request.level=WARN',
  'logger.controller.name=org.apache.kafka.controller',
  'logger.controller.level=INFO',
  '',
].join('\n');
