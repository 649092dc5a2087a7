import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { writeScenario } from '../../helpers/scenario-files.js';
import { writeClientConfig } from './secured-cluster.js';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function assertNoSecret(secrets: string[], r: CliResult, out: string): void {
  const artefacts = [
    { name: 'stdout', text: r.stdout },
    { name: 'stderr', text: r.stderr },
    ...filesUnder(out).map((path) => ({ name: path, text: readFileSync(path, 'latin1') })),
  ];
  for (const { name, text } of artefacts)
    for (const secret of secrets) assert.ok(!text.includes(secret), `${name} holds the secret ${secret}`);
}

test('no secret of the client config or the scenario reaches the result, report, hlog, stdout or stderr', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1, security: { protocol: 'sasl_ssl', mtls: true } });
  t.after(() => cluster.stop());
  const { clientConfig } = cluster.security!;
  const oauthSecret = 'KNOWN-SECRET-xyz';
  const keystoreSecret = 'KNOWN-KEYSTORE-pw';
  // This build rejects sasl.oauthbearer.client.secret (no libcurl), but takes the OAuth config
  // string it never uses here: the mechanism is SCRAM.
  const oauth = { 'sasl.oauthbearer.config': `principal=kload secret=${oauthSecret}` };
  const config = writeClientConfig({ ...clientConfig, ...oauth });
  const topic = randomTopic('redact');
  const scenario = writeScenario(`
name: redaction
topics: [{ name: ${topic}, partitions: 2 }]
producers:
  count: 1
  message: { size: 100 }
  properties: { ssl.keystore.password: ${keystoreSecret} }
consumers: { groups: [${topic}-g], members: 1, properties: { ssl.keystore.password: ${keystoreSecret} } }
phases:
  - { type: constant, duration: 2s, rate: 500 }
`);
  const secrets = [clientConfig['sasl.password']!, clientConfig['ssl.key.password']!, oauthSecret, keystoreSecret];
  const out = tempDir('out');
  const args = ['run', scenario, '--brokers', cluster.bootstrapServers, '--client-config', config, '--out', out];

  await t.test('a run with --html, --hlog and --json', async () => {
    const r = await runCli([...args, '--html', '--hlog', '--json', '--verbose']);
    assert.equal(r.code, 0, r.stderr);
    const files = filesUnder(out).map((f) => f.slice(out.length + 1));
    for (const ext of ['.json', '.html', '.hlog'])
      assert.ok(
        files.some((f) => f.endsWith(ext)),
        files.join(', '),
      );
    assert.match(r.stdout, /\[redacted\]/, 'the result on stdout keeps the keys, redacted');
    assertNoSecret(secrets, r, out);
  });

  await t.test('a run refused for a wrong password', async () => {
    const wrong = 'KNOWN-WRONG-password';
    const bad = writeClientConfig({ ...clientConfig, ...oauth, 'sasl.password': wrong });
    const badOut = tempDir('out');
    const r = await runCli([
      'run',
      scenario,
      '--brokers',
      cluster.bootstrapServers,
      '--client-config',
      bad,
      '--out',
      badOut,
      '--verbose',
    ]);
    assert.equal(r.code, 3, r.stderr);
    assertNoSecret([wrong, oauthSecret, keystoreSecret], r, badOut);
  });
});
