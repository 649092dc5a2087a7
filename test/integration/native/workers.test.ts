import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { createTopics } from '../../../src/kafka/admin.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { consumeNative } from './native-io.js';

test('two worker threads load the addon and produce at once, and the process exits cleanly', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const topic = randomTopic('native-workers');
  await createTopics(cluster.bootstrapServers, [{ name: topic, partitions: 2, replicationFactor: 1 }]);

  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      fileURLToPath(new URL('./workers-child.js', import.meta.url)),
      cluster.bootstrapServers,
      topic,
      '5000',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const started = Date.now();
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
  assert.deepEqual(
    exit,
    { code: 0, signal: null },
    `child exited badly after ${Date.now() - started} ms; stderr: ${stderr}`,
  );
  const results = JSON.parse(stdout.trim()) as { index: number; ok: number }[];
  assert.deepEqual(
    results.map((r) => [r.index, r.ok]),
    [
      [0, 5000],
      [1, 5000],
    ],
  );

  const got = await consumeNative(cluster.bootstrapServers, topic, 10_000);
  for (const producerId of [0, 1]) {
    const seqs = new Set(got.filter((m) => m.stamped === 1 && m.producerId === producerId).map((m) => m.seq));
    assert.equal(seqs.size, 5000, `producer ${producerId}'s messages all arrived`);
  }
});
