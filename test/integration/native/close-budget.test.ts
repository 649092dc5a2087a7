import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { createConsumedBatch, loadNative } from '../../../src/native/addon.js';
import { createTopics, waitForLeaders } from '../../../src/kafka/admin.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { nativeConsumerConf } from './native-io.js';

// A thread blocked in rd_kafka_consumer_close() can be neither joined nor terminated: a broker
// that stops answering must not hang the run (or the test suite) at its end. (Serving the close
// on a queue of our own with rd_kafka_queue_poll_callback() was tried: librdkafka asserts on the
// first op without a callback, mid-run.)
test('a consumer in a group closes promptly when the broker stops answering', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const topic = randomTopic('close-budget');
  await createTopics(cluster.bootstrapServers, [{ name: topic, partitions: 2, replicationFactor: 1 }]);
  await waitForLeaders(cluster.bootstrapServers, topic);
  const { NativeConsumer } = loadNative();
  const c = new NativeConsumer(nativeConsumerConf(cluster.bootstrapServers, topic, { 'group.id': `g-${topic}` }));
  c.connect(10_000);
  c.subscribe([topic]);
  const out = createConsumedBatch(16);
  const joinBy = Date.now() + 30_000;
  while (c.assignedPartitions() < 2) {
    assert.ok(Date.now() < joinBy, 'joined the group');
    c.consumeBatch(out, 16);
    await new Promise((r) => setTimeout(r, 20));
  }
  cluster.pauseNode(1);
  try {
    const t0 = Date.now();
    c.close();
    const tookMs = Date.now() - t0;
    assert.ok(tookMs < 12_000, `close took ${tookMs} ms`);
  } finally {
    cluster.resumeNode(1);
  }
});
