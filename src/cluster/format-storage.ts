import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { KloadError } from '../errors.js';

/**
 * A KRaft cluster id: 16 random bytes, base64url without padding (what `random-uuid` prints).
 * One id in 64 would start with "-", which the storage tool's argument parser reads as an
 * option ("expected one argument"); Kafka's own Uuid.randomUuid() redraws those too.
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * Runs `kafka-storage format` for one node; each node of the cluster gets the same cluster id.
 * `scramArgs` (`--add-scram 'SCRAM-SHA-512=[name=..,password=..]'`) put SASL users into the
 * bootstrap metadata: KRaft has no ZooKeeper to write them to before the brokers start.
 */
export function formatStorage(
  java: string,
  classpath: string,
  propertiesFile: string,
  clusterId: string,
  log4jFile: string,
  scramArgs: string[] = [],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      java,
      [
        `-Dlog4j2.configurationFile=${log4jFile}`,
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        propertiesFile,
        '--ignore-formatted',
        ...scramArgs,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new KloadError('NODE_FAILED_TO_START', `Could not run the Kafka storage tool: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const tail = output.trim().split('\n').slice(-15).join('\n');
      reject(
        new KloadError(
          'NODE_FAILED_TO_START',
          `Formatting the storage of ${propertiesFile} failed (${signal ?? `exit ${code}`}):\n${tail}`,
          {
            hint: 'A broker property given with --broker-property may be invalid; the lines above come from Kafka.',
          },
        ),
      );
    });
  });
}
