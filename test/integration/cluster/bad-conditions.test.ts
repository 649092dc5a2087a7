import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';

const isolated = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  KLOAD_CACHE_DIR: tempDir('cache'),
  ...extra,
});

test('without Java on PATH, cluster start exits non-zero and says so', async () => {
  // A PATH holding only node: no java, no JAVA_HOME.
  const bin = tempDir('bin');
  symlinkSync(process.execPath, join(bin, 'node'));
  const env = isolated({ PATH: bin });
  delete env.JAVA_HOME;
  const r = await runCli(['cluster', 'start'], { env, timeoutMs: 30_000 });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /Java was not found/);
  assert.match(r.stderr, /hint: .*Java 17/);
});

test("when Maven cannot fetch the jars, cluster start exits non-zero with Maven's reason", async () => {
  // Offline against an empty local repository: the real Maven, with nothing it can download.
  const env = isolated({ KLOAD_MAVEN_ARGS: `-o -Dmaven.repo.local=${tempDir('m2')}` });
  const r = await runCli(['cluster', 'start'], { env, timeoutMs: 120_000 });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /Could not fetch the Kafka [\d.]+ jars with Maven/);
  assert.match(r.stderr, /\[ERROR\] (No plugin found|Could not resolve|.*offline)/, "Maven's own reason is shown");
  assert.match(r.stderr, /hint: .*KAFKA_HOME/);
});

test('a fixed port that is already taken is refused before any node starts', async (t) => {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const port = (server.address() as { port: number }).port;
  const r = await runCli(['cluster', 'start', '--port', String(port)], { env: { ...process.env }, timeoutMs: 60_000 });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
});

test(
  'a node that fails to start is reported with the last lines of its log, ' + 'without waiting out the deadline',
  async () => {
    // 1 MB of heap is too small for any JVM: the process dies at once with a clear message.
    const r = await runCli(['cluster', 'start', '--heap', '1'], { env: { ...process.env }, timeoutMs: 60_000 });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Kafka node 1 exited with code \d+ while starting/);
    assert.match(r.stderr, /heap/i, "the JVM's own complaint from the node log is shown");
    assert.ok(r.durationMs < 45_000, `reported after ${r.durationMs} ms`);
  },
);
