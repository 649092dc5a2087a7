/**
 * What does security cost? The same unpaced scenario on a 1-node embedded cluster, once over
 * PLAINTEXT and once over SASL_SSL (SCRAM-SHA-512, TLS), for 100 B and 1 KiB messages. The target
 * is SASL_SSL within 30% of PLAINTEXT. The clusters run one after the other, never both at once:
 * on a small machine they would share its cores and each would slow the other.
 *
 *   npm run bench:security [-- --seconds 10] [-- --sizes 100,1024]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedCluster } from '../src/cluster/embedded-cluster.js';
import type { SecurityProtocol } from '../src/cluster/security.js';
import type { RunResult } from '../src/result/result-types.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, sizes: { type: 'string', default: '100,1024' } },
});
const seconds = Number(values.seconds);
const sizes = values.sizes.split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'kload-bench-security-'));
const bin = join(process.cwd(), 'bin', 'kload.cjs');

interface Measured {
  msgsPerSec: number;
  mbPerSec: number;
  publishP99Ms: number;
}

function scenarioFile(name: string, size: number): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name,
      topics: [{ name: `bench-security-${name}-${process.pid}`, partitions: 6 }],
      producers: { count: 2, threads: 1, message: { size }, properties: { acks: '1', 'linger.ms': '5' } },
      phases: [
        { type: 'warmup', duration: '3s' },
        { name: 'measured', type: 'max', duration: `${seconds}s` },
      ],
    }),
  );
  return file;
}

function kload(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kload ${args[0]} exit ${code}:\n${out}`))));
  });
}

async function measure(protocol: SecurityProtocol | 'plaintext', size: number, cluster: EmbeddedCluster) {
  const name = `${protocol}-${size}`;
  const out = join(dir, name);
  const config = cluster.security ? ['--client-config', cluster.security.clientConfigFile] : [];
  await kload(['run', scenarioFile(name, size), '--brokers', cluster.bootstrapServers, ...config, '--out', out]);
  const file = readdirSync(out).find((f) => f.endsWith('.json'))!;
  const phase = (JSON.parse(readFileSync(join(out, file), 'utf8')) as RunResult).phases.find(
    (p) => p.name === 'measured',
  )!;
  return {
    msgsPerSec: phase.achievedRate,
    mbPerSec: (phase.achievedRate * size) / 1e6,
    publishP99Ms: phase.publishLatencyUs.p99 / 1000,
  } satisfies Measured;
}

const results = new Map<string, Measured>();
for (const protocol of ['plaintext', 'sasl_ssl'] as const) {
  const cluster = await EmbeddedCluster.start({
    nodes: 1,
    ...(protocol === 'plaintext' ? {} : { security: { protocol } }),
  });
  try {
    for (const size of sizes) results.set(`${protocol}-${size}`, await measure(protocol, size, cluster));
  } finally {
    await cluster.stop();
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
console.log(`\nmax phase ${seconds} s, 2 producers, acks=1, linger.ms=5, 6 partitions, 1 node\n`);
console.log('size     PLAINTEXT msg/s  MB/s   p99 ms  SASL_SSL msg/s  MB/s   p99 ms  SASL_SSL / PLAINTEXT');
for (const size of sizes) {
  const plain = results.get(`plaintext-${size}`)!;
  const secured = results.get(`sasl_ssl-${size}`)!;
  const ratio = secured.msgsPerSec / plain.msgsPerSec;
  console.log(
    [
      `${size} B`.padEnd(8),
      fmt(plain.msgsPerSec).padStart(15),
      fmt(plain.mbPerSec, 1).padStart(5),
      fmt(plain.publishP99Ms, 1).padStart(8),
      fmt(secured.msgsPerSec).padStart(15),
      fmt(secured.mbPerSec, 1).padStart(5),
      fmt(secured.publishP99Ms, 1).padStart(8),
      `${fmt(ratio * 100, 0)}%${ratio >= 0.7 ? '' : ' (beyond the 30% target)'}`.padStart(21),
    ].join(' '),
  );
}
