import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { createTopics } from '../../../src/kafka/admin.js';
import { measureClockOffset, type ClockOffset } from '../../../src/kafka/clock-offset.js';
import { wallUs } from '../../../src/workers/clock.js';
import { randomTopic } from '../../helpers/kafka-io.js';

let cluster: EmbeddedCluster;

before(async () => {
  cluster = await EmbeddedCluster.start({ nodes: 1 });
});
after(() => cluster?.stop());

function describe(o: ClockOffset, elapsedMs: number): string {
  const figures = `offset ${o.offsetUs.toFixed(0)} µs ± ${o.boundUs.toFixed(0)} µs`;
  return `${figures} (${o.method}, ${o.probes} probes, ${elapsedMs} ms)`;
}

test("on the broker's own host the offset is zero within a bound under 50 ms", async (t) => {
  const startMs = Date.now();
  const o = await measureClockOffset(cluster.bootstrapServers, {}, { topic: randomTopic('clock') });
  t.diagnostic(describe(o, Date.now() - startMs));
  assert.equal(o.probes, 20);
  assert.ok(Math.abs(o.offsetUs) <= o.boundUs, `|${o.offsetUs}| <= ${o.boundUs}`);
  assert.ok(o.boundUs < 50_000, `bound ${o.boundUs} µs`);
});

test('a wall clock 3 s behind the broker measures an offset of +3 s within the bound', async (t) => {
  const startMs = Date.now();
  const o = await measureClockOffset(
    cluster.bootstrapServers,
    {},
    { topic: randomTopic('clock'), probes: 10, wallClock: () => wallUs() - 3_000_000 },
  );
  t.diagnostic(describe(o, Date.now() - startMs));
  assert.equal(o.probes, 10);
  assert.ok(Math.abs(o.offsetUs - 3_000_000) <= o.boundUs, `|${o.offsetUs} - 3 s| <= ${o.boundUs}`);
  assert.ok(o.boundUs < 50_000, `bound ${o.boundUs} µs`);
});

test('a probe topic that keeps CreateTime is refused instead of measuring our own clock', async () => {
  const topic = randomTopic('clock');
  const spec = {
    name: topic,
    partitions: 1,
    replicationFactor: 1,
    configs: { 'message.timestamp.type': 'CreateTime' },
  };
  await createTopics(cluster.bootstrapServers, [spec]);
  await assert.rejects(measureClockOffset(cluster.bootstrapServers, {}, { topic, probes: 3 }), {
    name: 'KloadError',
    code: 'KAFKA_ERROR',
    message: /does not stamp messages with the broker's clock/,
  });
});
