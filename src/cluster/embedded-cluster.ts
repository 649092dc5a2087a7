import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KloadError } from '../errors.js';
import { findJava } from './java.js';
import { ensureKafkaJars } from './kafka-jars.js';
import { KafkaNode } from './kafka-node.js';
import { LOG4J2_PROPERTIES, nodeProperties, toPropertiesFile, type NodePorts } from './node-config.js';
import { assertPortsFree, freePort } from './ports.js';
import { formatStorage, newClusterId } from './format-storage.js';
import { waitForBrokers } from './wait-for-brokers.js';
import { waitForNode } from './wait-for-node.js';
import type { ClusterState } from './cluster-state.js';
import { createAcls } from './create-acls.js';
import {
  checkSecurityOptions,
  clientSide,
  nodeSecurity,
  prepareSecurity,
  READER_GRANTS,
  readSecurityState,
  securityState,
  type ClusterSecurity,
  type ClusterSecurityOptions,
  type SecurityMaterial,
} from './security.js';

export interface EmbeddedClusterOptions {
  /** 1 (default) or 3 from `kload cluster start`; a sweep's `brokers` may ask for 1 to 5. */
  nodes?: number;
  /** First broker port; node i uses basePort + 2i (broker) and basePort + 2i + 1 (controller). Default: free ports. */
  basePort?: number;
  heapMb?: number;
  detached?: boolean;
  brokerProperties?: Record<string, string>;
  startTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Secure the client listener: TLS, SASL/SCRAM or both, ACLs on; see security.ts. */
  security?: ClusterSecurityOptions;
}

/**
 * A real Apache Kafka cluster in KRaft mode on 127.0.0.1: every node is a combined
 * broker+controller JVM with its own ports and data dir under one temp directory. Also the fault
 * injector for tests: pause, resume, kill and restart one node by id.
 */
export class EmbeddedCluster {
  readonly nodes: KafkaNode[];
  readonly dir: string;
  readonly kafkaVersion: string;
  readonly startedAt: string;
  /** How clients log in (client.properties and all); null for a PLAINTEXT cluster. */
  readonly security: ClusterSecurity | null;
  private readonly exitHook = () => this.killNowSync();

  private constructor(
    nodes: KafkaNode[],
    dir: string,
    kafkaVersion: string,
    startedAt: string,
    security: ClusterSecurity | null,
  ) {
    this.nodes = nodes;
    this.dir = dir;
    this.kafkaVersion = kafkaVersion;
    this.startedAt = startedAt;
    this.security = security;
  }

  get bootstrapServers(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.spec.brokerPort}`).join(',');
  }

  static async start(options: EmbeddedClusterOptions = {}): Promise<EmbeddedCluster> {
    const env = options.env ?? process.env;
    const log = options.log ?? (() => {});
    const count = options.nodes ?? 1;
    const java = findJava(env);
    const dist = ensureKafkaJars(env, log);
    if (options.security) checkSecurityOptions(options.security);
    const ports = await choosePorts(count, options.basePort, options.security !== undefined);
    const dir = mkdtempSync(join(tmpdir(), 'kload-cluster-'));
    const heapMb = options.heapMb ?? 512;
    const security = options.security ? secure(dir, options.security) : null;
    const nodes = ports.map((p) => {
      const nodeDir = join(dir, `node-${p.nodeId}`);
      mkdirSync(nodeDir, { recursive: true });
      const props = nodeProperties({
        node: p,
        allNodes: ports,
        logDir: join(nodeDir, 'data'),
        overrides: options.brokerProperties,
        security: security ? nodeSecurity(security, p.internalPort!) : undefined,
      });
      writeFileSync(join(nodeDir, 'server.properties'), toPropertiesFile(props));
      writeFileSync(join(nodeDir, 'log4j2.properties'), LOG4J2_PROPERTIES);
      return new KafkaNode({
        ...p,
        java,
        classpath: dist.classpath,
        dir: nodeDir,
        heapMb,
        detached: options.detached ?? false,
      });
    });
    const cluster = new EmbeddedCluster(
      nodes,
      dir,
      dist.version,
      new Date().toISOString(),
      security ? clientSide(security) : null,
    );
    if (!options.detached) process.on('exit', cluster.exitHook);
    try {
      const clusterId = newClusterId();
      await Promise.all(
        nodes.map((n) =>
          formatStorage(
            java,
            dist.classpath,
            n.propertiesFile,
            clusterId,
            join(n.spec.dir, 'log4j2.properties'),
            security?.scramArgs,
          ),
        ),
      );
      log(`Starting ${count} Kafka ${dist.version} node(s) in ${dir} ...`);
      for (const n of nodes) n.start();
      const timeoutMs = options.startTimeoutMs ?? 90_000;
      await waitForBrokers(cluster.bootstrapServers, nodes, timeoutMs, security?.clientConfig);
      if (security?.readerConfig) await createAcls('127.0.0.1', ports[0]!.internalPort!, READER_GRANTS);
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** Re-attaches to a detached cluster from its state file. */
  static fromState(state: ClusterState): EmbeddedCluster {
    const nodes = state.nodes.map((n) => {
      const node = new KafkaNode({
        ...n,
        java: state.java,
        classpath: state.classpath,
        heapMb: state.heapMb,
        detached: true,
      });
      node.adopt(n.pid);
      return node;
    });
    // Stopping must work even when the temp dir (and client.properties with it) is already gone.
    const files = state.security;
    const security = files && existsSync(files.clientConfigFile) ? readSecurityState(files) : null;
    return new EmbeddedCluster(nodes, state.dir, state.kafkaVersion, state.startedAt, security);
  }

  toState(): ClusterState {
    const first = this.nodes[0]!;
    return {
      stateVersion: 1,
      startedAt: this.startedAt,
      kafkaVersion: this.kafkaVersion,
      bootstrapServers: this.bootstrapServers,
      dir: this.dir,
      heapMb: first.spec.heapMb,
      classpath: first.spec.classpath,
      java: first.spec.java,
      nodes: this.nodes.map((n) => ({
        nodeId: n.id,
        pid: n.pid ?? -1,
        brokerPort: n.spec.brokerPort,
        controllerPort: n.spec.controllerPort,
        dir: n.spec.dir,
      })),
      ...(this.security ? { security: securityState(this.security) } : {}),
    };
  }

  node(id: number): KafkaNode {
    const node = this.nodes.find((n) => n.id === id);
    if (!node)
      throw new KloadError(
        'INVALID_ARGUMENT',
        `No node ${id}; this cluster has nodes ${this.nodes.map((n) => n.id).join(', ')}.`,
      );
    return node;
  }

  /** SIGSTOP: the node stays up but answers nothing, like a long GC pause or a hung disk. */
  pauseNode(id: number): void {
    this.node(id).signal('SIGSTOP');
  }

  resumeNode(id: number): void {
    this.node(id).signal('SIGCONT');
  }

  async killNode(id: number): Promise<void> {
    await this.node(id).kill();
  }

  /**
   * Stops the node cleanly if it runs (SIGTERM: a controlled shutdown), starts it again with the
   * same ports and data, and waits until it answers and lists itself. An adopted node (a detached
   * cluster) works too: start() spawns a new process, whose pid toState() then records.
   */
  async restartNode(id: number, timeoutMs = 60_000): Promise<void> {
    const node = this.node(id);
    await node.stop();
    node.start();
    await waitForNode(node, timeoutMs, this.security?.clientConfig);
  }

  /** Stops every node (SIGTERM, then SIGKILL after the deadline) and removes all temp data. */
  async stop(deadlineMs = 20_000): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop(deadlineMs)));
    rmSync(this.dir, { recursive: true, force: true });
    process.removeListener('exit', this.exitHook);
  }

  private killNowSync(): void {
    for (const n of this.nodes) n.killNow();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function secure(dir: string, options: ClusterSecurityOptions): SecurityMaterial {
  try {
    return prepareSecurity(dir, options);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** A secured cluster's nodes also get a free port for the PLAINTEXT inter-broker listener. */
async function choosePorts(count: number, basePort: number | undefined, internal: boolean): Promise<NodePorts[]> {
  const ports: NodePorts[] = [];
  for (let i = 0; i < count; i++) {
    const brokerPort = basePort ? basePort + 2 * i : await freePort();
    const controllerPort = basePort ? basePort + 2 * i + 1 : await freePort();
    const internalPort = internal ? await freePort() : undefined;
    ports.push({ nodeId: i + 1, brokerPort, controllerPort, ...(internalPort ? { internalPort } : {}) });
  }
  if (basePort) await assertPortsFree(ports.flatMap((p) => [p.brokerPort, p.controllerPort]));
  return ports;
}
