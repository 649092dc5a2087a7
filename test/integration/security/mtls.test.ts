import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { createCertificateAuthority } from '../../../src/cluster/certificates.js';
import { runCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult } from '../../helpers/scenario-files.js';
import { assertRefused, smallScenario, writeClientConfig } from './secured-cluster.js';

const name =
  'over TLS with client certificates a run accounts for every message; ' +
  'untrusted and missing certificates are refused';

test(name, async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1, security: { protocol: 'ssl', mtls: true } });
  t.after(() => cluster.stop());
  const security = cluster.security!;
  const brokers = ['--brokers', cluster.bootstrapServers];
  const run = (config: string, out = tempDir('out')) =>
    runCli(['run', smallScenario(randomTopic('mtls')), ...brokers, '--client-config', config, '--out', out]);

  await t.test('the printed client.properties runs a scenario with nothing lost', async () => {
    const out = tempDir('out');
    const r = await run(security.clientConfigFile, out);
    assert.equal(r.code, 0, r.stderr);
    const steady = readOnlyResult(out).phases.find((p) => p.name === 'steady')!;
    assert.equal(steady.acked, 1000);
    assert.equal(steady.consumed, steady.acked, 'consumed = acked');
    assert.equal(steady.integrity?.lost, 0);
  });

  await t.test('a CA that did not sign the brokers ends with exit 3 and "certificate verify failed"', async () => {
    const other = createCertificateAuthority(tempDir('ca'), 'other');
    const r = await run(writeClientConfig({ ...security.clientConfig, 'ssl.ca.location': other.certFile }));
    assertRefused(r, 3, /certificate verify failed/i);
    assert.ok(r.durationMs < 20_000, `took ${r.durationMs} ms`);
  });

  await t.test('without a client certificate the handshake fails with exit 3', async () => {
    const {
      'ssl.certificate.location': _c,
      'ssl.key.location': _k,
      'ssl.key.password': _p,
      ...noCert
    } = security.clientConfig;
    const r = await run(writeClientConfig(noCert));
    assertRefused(r, 3, /refused the client certificate/);
  });
});
