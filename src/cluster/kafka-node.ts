import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NodePorts } from './node-config.js';
import { recordPid } from './pid-record.js';

export interface KafkaNodeSpec extends NodePorts {
  java: string;
  classpath: string;
  /** Holds server.properties, log4j2.properties, node.log and the data dir. */
  dir: string;
  heapMb: number;
  /** A detached node outlives this process (for `kload cluster start --detach`). */
  detached: boolean;
}

/** One broker+controller JVM. Knows how to start, signal and stop itself; nothing about clusters. */
/**
 * The JVM options Kafka's own start script (kafka-run-class.sh) gives a broker: G1 aiming at 20 ms
 * pauses, among others. A plain `java` gets G1's 200 ms default; with them the seed example's
 * steady p99 on three nodes measured 67/78/87 ms against 103/80/87 ms (README, bench:seed).
 */
const KAFKA_JVM_PERFORMANCE_OPTS = [
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-XX:MaxInlineLevel=15',
  '-Djava.awt.headless=true',
];

export class KafkaNode {
  readonly spec: KafkaNodeSpec;
  private child: ChildProcess | null = null;
  private exitCode: number | null = null;
  private exitSignal: string | null = null;
  private pidValue: number | null = null;

  constructor(spec: KafkaNodeSpec) {
    this.spec = spec;
  }

  get id(): number {
    return this.spec.nodeId;
  }

  get pid(): number | null {
    return this.pidValue;
  }

  get logFile(): string {
    return join(this.spec.dir, 'node.log');
  }

  get propertiesFile(): string {
    return join(this.spec.dir, 'server.properties');
  }

  /** Exit description if the process has ended, else null. */
  get exited(): string | null {
    if (this.exitSignal !== null) return `killed by ${this.exitSignal}`;
    if (this.exitCode !== null) return `exited with code ${this.exitCode}`;
    // An adopted node (detached cluster) is not our child: only its pid can tell.
    if (this.pidValue !== null && this.child === null && !isAlive(this.pidValue)) return 'exited';
    return null;
  }

  start(): void {
    this.exitCode = null;
    this.exitSignal = null;
    const log = openSync(this.logFile, 'a');
    const args = [
      `-Xms${Math.min(256, this.spec.heapMb)}m`,
      `-Xmx${this.spec.heapMb}m`,
      ...KAFKA_JVM_PERFORMANCE_OPTS,
      `-Dlog4j2.configurationFile=${join(this.spec.dir, 'log4j2.properties')}`,
      `-Dkafka.logs.dir=${this.spec.dir}`,
      '-cp',
      this.spec.classpath,
      'kafka.Kafka',
      this.propertiesFile,
    ];
    const child = spawn(this.spec.java, args, { stdio: ['ignore', log, log], detached: this.spec.detached });
    closeSync(log);
    this.child = child;
    this.pidValue = child.pid ?? null;
    recordPid(child.pid, this.propertiesFile);
    child.on('exit', (code, signal) => {
      this.exitCode = code;
      this.exitSignal = signal;
      this.child = null;
    });
    if (this.spec.detached) child.unref();
  }

  /** Re-attaches to a node started by another kload process (detached cluster). */
  adopt(pid: number): void {
    this.pidValue = pid;
  }

  signal(sig: NodeJS.Signals): void {
    if (this.pidValue !== null && isAlive(this.pidValue)) process.kill(this.pidValue, sig);
  }

  /** SIGTERM (Kafka shuts down cleanly), then SIGKILL after the deadline. Resumes a paused node first. */
  async stop(deadlineMs = 20_000): Promise<void> {
    const pid = this.pidValue;
    if (pid === null || !isAlive(pid)) return;
    process.kill(pid, 'SIGCONT');
    process.kill(pid, 'SIGTERM');
    if (await waitForExit(pid, deadlineMs)) return;
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5000);
  }

  async kill(): Promise<void> {
    const pid = this.pidValue;
    if (pid === null || !isAlive(pid)) return;
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5000);
  }

  /** Synchronous last resort for process 'exit' hooks: no JVM may outlive a crashed test. */
  killNow(): void {
    if (this.pidValue !== null && isAlive(this.pidValue)) process.kill(this.pidValue, 'SIGKILL');
  }

  logTail(lines = 25): string {
    if (!existsSync(this.logFile)) return '(no log written)';
    return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers signal 0; /proc tells whether it has really run to the end.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

async function waitForExit(pid: number, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}
