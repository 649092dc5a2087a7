import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { createTopics } from '../../../src/kafka/admin.js';
import { runCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { tempDir } from '../../helpers/paths.js';
import { readOnlyResult } from '../../helpers/scenario-files.js';
import { assertRefused, smallScenario, writeClientConfig } from './secured-cluster.js';

const name =
  'over SASL_SSL a run accounts for every message; ' + 'a wrong password and a denied write are refused clearly';

test(name, async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1, security: { protocol: 'sasl_ssl' } });
  t.after(() => cluster.stop());
  const security = cluster.security!;
  const brokers = ['--brokers', cluster.bootstrapServers];

  await t.test('the printed client.properties runs a scenario with nothing lost', async () => {
    const out = tempDir('out');
    const scenario = smallScenario(randomTopic('sasl'));
    const r = await runCli(['run', scenario, ...brokers, '--client-config', security.clientConfigFile, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const steady = readOnlyResult(out).phases.find((p) => p.name === 'steady')!;
    assert.equal(steady.acked, 1000);
    assert.equal(steady.consumed, steady.acked, 'consumed = acked');
    assert.equal(steady.integrity?.lost, 0);
    assert.equal(readOnlyResult(out).environment.producerProperties['sasl.password'], '[redacted]');
  });

  await t.test('a wrong password ends within seconds with exit 3 and "authentication failed"', async () => {
    const config = writeClientConfig({ ...security.clientConfig, 'sasl.password': 'not-the-password' });
    const scenario = smallScenario(randomTopic('sasl-bad'));
    const r = await runCli(['run', scenario, ...brokers, '--client-config', config, '--out', tempDir('out')]);
    assertRefused(r, 3, /authentication failed/i);
    assert.match(r.stderr, /invalid credentials/, "librdkafka's reason is kept");
    assert.ok(r.durationMs < 20_000, `took ${r.durationMs} ms`);
  });

  /** The limited user's run of a scenario: what ACL denials look like from the CLI. */
  const runAsReader = (scenario: string) =>
    runCli(['run', scenario, ...brokers, '--client-config', security.readerConfigFile!, '--out', tempDir('out')]);

  await t.test('the reader may not write: the run fails naming the topic and "not authorized"', async () => {
    const topic = randomTopic('sasl-denied');
    await createTopics(
      cluster.bootstrapServers,
      [{ name: topic, partitions: 2, replicationFactor: 1 }],
      security.clientConfig,
    );
    const scenario = smallScenario(topic);
    const r = await runAsReader(scenario);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`not authorized to write to topic ${topic}`, 'i'));
    assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  });

  await t.test('the reader may not create a topic either, and is told which', async () => {
    const topic = randomTopic('sasl-nocreate');
    const scenario = smallScenario(topic);
    const r = await runAsReader(scenario);
    assertRefused(r, 1, /ACL/);
    assert.match(r.stderr, new RegExp(`Not authorized to create topic ${topic}`));
  });
});
