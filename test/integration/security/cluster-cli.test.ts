import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readPropertiesFile } from '../../../src/coordinator/client-properties.js';
import { runCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult } from '../../helpers/scenario-files.js';
import { smallScenario } from './secured-cluster.js';
import { isolatedEnv } from '../../helpers/isolated-env.js';

test('cluster start --security sasl_ssl --detach prints a client.properties that kload run accepts', async (t) => {
  const env = isolatedEnv();
  const started = await runCli(['cluster', 'start', '--security', 'sasl_ssl', '--detach'], { env });
  t.after(() => runCli(['cluster', 'stop'], { env }));
  assert.equal(started.code, 0, started.stderr);
  assert.match(started.stdout, /^security: SASL_SSL, ACLs on$/m);
  const clientConfig = /^client config: (.+)$/m.exec(started.stdout)?.[1];
  assert.ok(clientConfig && existsSync(clientConfig), started.stdout);
  const password = readPropertiesFile(clientConfig)['sasl.password']!;
  assert.doesNotMatch(started.stdout + started.stderr, new RegExp(password), 'the password is not printed');

  const status = await runCli(['cluster', 'status'], { env });
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /brokers answering metadata: 1/);

  const scenario = smallScenario(randomTopic('detached'));
  const refused = await runCli(['run', scenario, '--out', tempDir('out')], { env });
  assert.equal(refused.code, 3, refused.stderr);
  assert.match(refused.stderr, new RegExp(`hint: Pass --client-config ${clientConfig}`));

  const out = tempDir('out');
  const r = await runCli(['run', scenario, '--client-config', clientConfig, '--out', out], { env });
  assert.equal(r.code, 0, r.stderr);
  const steady = readOnlyResult(out).phases.find((p) => p.name === 'steady')!;
  assert.equal(steady.consumed, steady.acked);
  assert.equal(steady.integrity?.lost, 0);

  const stopped = await runCli(['cluster', 'stop'], { env });
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.ok(!existsSync(clientConfig), 'stop removes the certificates and passwords with the data');
});

test('cluster start --mtls without --security is refused before anything starts', async () => {
  const r = await runCli(['cluster', 'start', '--mtls'], { env: isolatedEnv() });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--mtls needs --security ssl or --security sasl_ssl/);
});
