import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Collector } from '../../../src/coordinator/collector.js';
import { createLatencyHistogram, encodeHistogram, recordUs } from '../../../src/metrics/histogram.js';
import type { IntervalDelta } from '../../../src/metrics/interval-types.js';
import type { WorkerMessage } from '../../../src/workers/protocol.js';

function assignment(group: string, member: number, partitions: number, workerId = 9): WorkerMessage {
  return { type: 'assignment', workerId, group, member, partitions };
}

function interval(phaseIndex: number, delta: Partial<IntervalDelta>): WorkerMessage {
  return {
    type: 'interval',
    workerId: 0,
    role: 'producer',
    phaseIndex,
    delta: {
      index: 0,
      sent: 0,
      acked: 0,
      consumed: 0,
      ackedBytes: 0,
      publishHistogram: null,
      scheduleDelayHistogram: null,
      ...delta,
    },
  };
}

function histogramOf(...valuesUs: number[]): string {
  const h = createLatencyHistogram();
  for (const v of valuesUs) recordUs(h, v);
  return encodeHistogram(h);
}

test('assigned partitions add up the members of one group only', () => {
  const c = new Collector(1, 1000);
  c.handle(assignment('orders', 0, 2));
  c.handle(assignment('orders', 1, 1));
  c.handle(assignment('audit', 0, 3));
  assert.equal(c.assignedPartitions('orders'), 3);
  assert.equal(c.assignedPartitions('audit'), 3);
  assert.equal(c.assignedPartitions('unknown'), 0);
});

test('a new assignment of a member replaces its previous one (revoked = 0)', () => {
  const c = new Collector(1, 1000);
  c.handle(assignment('g', 0, 6));
  c.handle(assignment('g', 1, 0));
  assert.equal(c.assignedPartitions('g'), 6);
  c.handle(assignment('g', 0, 3));
  c.handle(assignment('g', 1, 3));
  assert.equal(c.assignedPartitions('g'), 6);
  c.handle(assignment('g', 0, 0));
  assert.equal(c.assignedPartitions('g'), 3);
});

test('a group is not counted in another group whose name extends it with a slash', () => {
  const c = new Collector(1, 1000);
  c.handle(assignment('a', 0, 6));
  c.handle(assignment('a/b', 0, 6));
  assert.equal(c.assignedPartitions('a'), 6);
});

test('ready workers are remembered once each', () => {
  const c = new Collector(1, 1000);
  c.handle({ type: 'ready', workerId: 0, role: 'producer' });
  c.handle({ type: 'ready', workerId: 1, role: 'consumer' });
  c.handle({ type: 'ready', workerId: 0, role: 'producer' });
  assert.deepEqual([...c.ready].sort(), [0, 1]);
});

test('client errors are kept, up to 1000', () => {
  const c = new Collector(1, 1000);
  for (let i = 0; i < 1005; i++) c.handle({ type: 'client-error', workerId: 0, message: `broker down ${i}` });
  assert.equal(c.clientErrors.length, 1000);
  assert.equal(c.clientErrors[0], 'broker down 0');
});

test('intervals go to the series of their phase', () => {
  const c = new Collector(2, 1000);
  c.handle(interval(1, { sent: 10, acked: 9 }));
  assert.deepEqual(c.series[0]!.toArray(), []);
  assert.equal(c.series[1]!.toArray()[0]!.ackedPerSec, 9);
});

test('takeWindow sums intervals of every worker and phase since the last call', () => {
  const c = new Collector(2, 1000);
  c.handle(interval(0, { sent: 10, acked: 8, ackedBytes: 800, publishHistogram: histogramOf(100, 200) }));
  c.handle(interval(1, { sent: 5, acked: 5, consumed: 7, ackedBytes: 500, publishHistogram: histogramOf(5000) }));
  const w = c.takeWindow();
  assert.deepEqual(
    { sent: w.sent, acked: w.acked, consumed: w.consumed, ackedBytes: w.ackedBytes },
    { sent: 15, acked: 13, consumed: 7, ackedBytes: 1300 },
  );
  assert.ok(Math.abs(w.publishP99Us - 5000) <= 5, `p99 was ${w.publishP99Us}`);
});

test('takeWindow starts a fresh window: a second call without intervals is all zeros', () => {
  const c = new Collector(1, 1000);
  c.handle(interval(0, { sent: 10, acked: 10, consumed: 3, ackedBytes: 1000, publishHistogram: histogramOf(100_000) }));
  c.takeWindow();
  assert.deepEqual(c.takeWindow(), { sent: 0, acked: 0, consumed: 0, ackedBytes: 0, publishP99Us: 0 });
  c.handle(interval(0, { sent: 1, publishHistogram: histogramOf(50) }));
  const w = c.takeWindow();
  assert.equal(w.sent, 1);
  assert.ok(Math.abs(w.publishP99Us - 50) <= 1, `p99 ${w.publishP99Us} still holds the old window's latency`);
});

test('an interval for an unknown phase still counts in the progress window', () => {
  const c = new Collector(1, 1000);
  c.handle(interval(5, { sent: 4 }));
  assert.equal(c.takeWindow().sent, 4);
});

test('the position of a group on a partition is the furthest any of its workers read', () => {
  const c = new Collector(1, 1000);
  c.handle({ type: 'consumed', workerId: 2, positions: { g: { 0: 10, 1: 5 }, h: { 0: 99 } } });
  c.handle({ type: 'consumed', workerId: 3, positions: { g: { 0: 7, 2: 3 } } });
  assert.deepEqual([...c.positionsOf('g')].sort(), [
    [0, 10],
    [1, 5],
    [2, 3],
  ]);
  assert.deepEqual([...c.positionsOf('none')], []);
});

test('lag sums, over groups and partitions, the messages between each position and the high watermark', () => {
  const c = new Collector(1, 1000);
  c.handle({ type: 'consumed', workerId: 2, positions: { a: { 0: 10, 1: 20 }, b: { 0: 12 } } });
  // a: (12 - 10) + (20 - 20) + (5 - 0); b: (12 - 12) + (20 - 0) + (5 - 0). A position past the watermark counts 0.
  assert.equal(c.lag(['a', 'b'], [12, 20, 5]), 7 + 25);
  assert.equal(c.lag(['a'], [8, 20, 0]), 0);
});
