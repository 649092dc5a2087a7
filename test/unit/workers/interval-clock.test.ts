import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import type { IntervalDelta } from '../../../src/metrics/interval-types.js';
import { IntervalReporter } from '../../../src/workers/interval-clock.js';
import type { WorkerMessage } from '../../../src/workers/protocol.js';
import { buildTimeline } from '../../../src/workers/schedule.js';

const SECOND_US = 1_000_000;
const phases = ['first', 'second'].map((name) => ({
  name,
  type: 'max' as const,
  durationMs: 2000,
  recorded: true,
  maxInFlight: 10,
  schedule: null,
}));

/** Drives a reporter and returns what it posted, in order. */
async function posted(drive: (r: IntervalReporter) => void): Promise<{ phaseIndex: number; delta: IntervalDelta }[]> {
  const channel = new MessageChannel();
  const out: { phaseIndex: number; delta: IntervalDelta }[] = [];
  channel.port2.on('message', (m: WorkerMessage) => {
    if (m.type === 'interval') out.push({ phaseIndex: m.phaseIndex, delta: m.delta });
  });
  const reporter = new IntervalReporter('producer', 0, buildTimeline(phases), SECOND_US, channel.port1);
  drive(reporter);
  reporter.flush();
  await new Promise((resolve) => setTimeout(resolve, 20));
  channel.port1.close();
  return out;
}

const count = (encoded: string | null | undefined) => (encoded ? decodeHistogram(encoded).totalCount : 0);

test("a phase's late acks count as the next phase's acks but keep their latency in their own phase", async () => {
  const out = await posted((r) => {
    r.tick(1.5 * SECOND_US);
    r.countAcked(100, 0, 1.5 * SECOND_US, 500, 400);
    // The second phase has begun (at 2 s); an ack of a first-phase message arrives in it.
    r.tick(2.2 * SECOND_US);
    r.countAcked(100, 0, 2.2 * SECOND_US, 700_000, 600_000);
    r.countAcked(100, 1, 2.3 * SECOND_US, 300, 200);
  });
  const byKey = (phaseIndex: number, index: number) =>
    out.filter((o) => o.phaseIndex === phaseIndex && o.delta.index === index).map((o) => o.delta);
  assert.deepEqual(
    byKey(0, 1).map((d) => [d.acked, count(d.publishHistogram), count(d.serviceHistogram)]),
    [[1, 1, 1]],
  );
  // Index 2 of the first phase lies past its end: latency only, no counts.
  assert.deepEqual(
    byKey(0, 2).map((d) => [d.acked, d.sent, count(d.publishHistogram)]),
    [[0, 0, 1]],
  );
  const lateMax = decodeHistogram(byKey(0, 2)[0]!.publishHistogram!).maxValue;
  assert.ok(Math.abs(lateMax - 700_000) / 700_000 < 0.001, `late ack's latency kept: ${lateMax}`);
  // Both acks at 2.2–2.3 s are the second phase's throughput; only its own message's latency is.
  assert.deepEqual(
    byKey(1, 0).map((d) => [d.acked, count(d.publishHistogram)]),
    [[2, 1]],
  );
});

test('schedule delay and end-to-end latency are kept per interval as well', async () => {
  const out = await posted((r) => {
    r.countSent(0, 0.1 * SECOND_US, 50);
    r.countSent(0, 0.2 * SECOND_US, null);
    r.countConsumed(1);
    r.recordEndToEnd(0, 0.3 * SECOND_US, 9_000);
  });
  assert.equal(out.length, 1);
  const d = out[0]!.delta;
  assert.deepEqual(
    [d.sent, d.consumed, count(d.scheduleDelayHistogram), count(d.endToEndHistogram), d.publishHistogram ?? null],
    [2, 1, 1, 1, null],
  );
});

test('an interval with nothing in it posts nothing', async () => {
  assert.deepEqual(await posted((r) => r.tick(5 * SECOND_US)), []);
});
