import assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { before, test } from 'node:test';
import { decodeHistogram, encodeHistogram, loadRecordingEngine } from '../../../src/metrics/histogram.js';
import { createDeliveryReports } from '../../../src/native/addon.js';
import { BatchFiller } from '../../../src/workers/batch-filler.js';
import { nowUs } from '../../../src/workers/clock.js';
import { DeliveryLedger } from '../../../src/workers/delivery-ledger.js';
import { timerIdler } from '../../../src/workers/drivers/idlers.js';
import { IntervalReporter } from '../../../src/workers/interval-clock.js';
import { keySource, payloadSource } from '../../../src/workers/payloads.js';
import type { ProducerClientState } from '../../../src/workers/producer-clients.js';
import { SendTimeline } from '../../../src/workers/send-timeline.js';
import { runProducerLoop } from '../../../src/workers/producer-loop.js';
import { newPhaseTotals } from '../../../src/workers/producer-totals.js';
import type { WorkerPhase } from '../../../src/workers/protocol.js';
import { buildTimeline } from '../../../src/workers/schedule.js';
import { ScriptedDriver } from './scripted-driver.js';

before(() => loadRecordingEngine());

function constant(rate: number, durationMs: number, clients: number): WorkerPhase {
  return {
    name: 'steady',
    type: 'constant',
    durationMs,
    recorded: true,
    maxInFlight: 1000,
    schedule: {
      segments: [{ durationUs: durationMs * 1000, fromRateMsgsPerSec: rate, toRateMsgsPerSec: rate }],
      slots: [...Array(clients).keys()],
      of: clients,
    },
  };
}

function max(durationMs: number, maxInFlight: number): WorkerPhase {
  return { name: 'flat-out', type: 'max', durationMs, recorded: true, maxInFlight, schedule: null };
}

/** Runs the loop over scripted drivers; `settled` counts acks the way the producer task does. */
async function run(phases: WorkerPhase[], drivers: ScriptedDriver[], onTurn?: () => void) {
  const timeline = buildTimeline(phases);
  const totals = timeline.map(() => newPhaseTotals());
  const channel = new MessageChannel();
  const reporter = new IntervalReporter('producer', 0, timeline, 1_000_000, channel.port1);
  const payloads = payloadSource({ type: 'random', compressibility: 0 }, { type: 'fixed', bytes: 100 }, null);
  const clients: ProducerClientState[] = drivers.map((driver, producerId) => ({
    producerId,
    seq: 0,
    sentInPhase: 0,
    driver,
    filler: new BatchFiller(64, payloads, keySource({ type: 'none' }), { runId: 1, producerId, clockDomainId: 1 }),
    ledger: new DeliveryLedger(1024),
    sendTimes: new SendTimeline(1_000_000),
  }));
  const reports = createDeliveryReports(256);
  let settled = 0;
  const idler = {
    idle: (us: number) => {
      onTurn?.();
      return timerIdler.idle(us);
    },
    close: () => {},
  };
  const outcome = await runProducerLoop({
    timeline,
    totals,
    clients,
    reporter,
    startAtUs: nowUs() + 2000,
    stopFlag: new Int32Array(1),
    idler,
    reports,
    settle: (ci, n) => {
      for (let k = 0; k < n; k++) clients[ci]!.ledger.settle();
      settled += n;
    },
    onPhaseStart: () => {},
    onClientErrors: () => {},
  });
  channel.port1.close();
  return { outcome, totals, clients, settled: () => settled };
}

test('a paced phase sends exactly its scheduled messages, each at or after its intended time', async () => {
  const driver = new ScriptedDriver();
  const { totals } = await run([constant(2000, 250, 1)], [driver]);
  assert.equal(driver.sent.length, 500);
  assert.equal(totals[0]!.sent, 500);
  for (const r of driver.sent) assert.ok(r.sentMonoUs >= r.intendedMonoUs, `seq ${r.seq} left before it was due`);
  const gaps = driver.sent.slice(1).map((r, i) => r.intendedMonoUs - driver.sent[i]!.intendedMonoUs);
  assert.ok(
    gaps.every((g) => Math.abs(g - 500) < 1),
    'intended times are 500 µs apart at 2,000 msg/s',
  );
});

test('two clients share the schedule: messages alternate, each client counts its own sequence', async () => {
  const a = new ScriptedDriver();
  const b = new ScriptedDriver();
  await run([constant(1000, 200, 2)], [a, b]);
  assert.equal(a.sent.length + b.sent.length, 200);
  assert.deepEqual(
    a.sent.map((r) => r.seq),
    [...Array(a.sent.length).keys()],
  );
  assert.deepEqual(
    b.sent.map((r) => r.seq),
    [...Array(b.sent.length).keys()],
  );
  assert.equal(Math.abs(a.sent.length - b.sent.length) <= 1, true);
});

test('a full queue stops the client, keeps intended times, counts one wait per stall, and loses nothing', async () => {
  const driver = new ScriptedDriver({ queueLimit: 10, ackAtOnce: false });
  // Acks come back only every few turns: the queue fills and the loop must wait for them.
  let turn = 0;
  const { totals } = await run([constant(5000, 200, 1)], [driver], () => {
    if (++turn % 5 === 0) driver.allow(10);
  });
  assert.equal(driver.sent.length, 1000, 'every scheduled message went out in the end');
  assert.ok(driver.refusals > 0, 'the script refused messages');
  assert.ok(totals[0]!.queueFullWaits > 0);
  assert.ok(totals[0]!.queueFullWaits <= driver.refusals, 'one wait per stall, not per retry');
  assert.deepEqual(
    driver.sent.map((r) => r.seq),
    [...Array(1000).keys()],
    'in order, none twice',
  );
  const gaps = driver.sent.slice(1).map((r, i) => r.intendedMonoUs - driver.sent[i]!.intendedMonoUs);
  assert.ok(
    gaps.every((g) => Math.abs(g - 200) < 1),
    'a stall delays the send, never the intended time',
  );
});

test('late reports show in the schedule delay of the messages that waited', async () => {
  const driver = new ScriptedDriver({ queueLimit: 5, ackAtOnce: false });
  let lastAck = nowUs();
  const { totals } = await run([constant(2000, 300, 1)], [driver], () => {
    if (nowUs() - lastAck > 20_000) {
      driver.allow(100);
      lastAck = nowUs();
    }
  });
  const delay = decodeHistogram(encodeHistogram(totals[0]!.scheduleDelay));
  assert.ok(delay.maxValue >= 10_000, `schedule delay max ${delay.maxValue} µs should show the ~20 ms waits`);
});

test('an unpaced phase never has more in flight than its cap', async () => {
  const driver = new ScriptedDriver({ ackAtOnce: false });
  let turn = 0;
  const { totals } = await run([max(150, 40)], [driver], () => {
    if (++turn % 3 === 0) driver.allow(25);
  });
  assert.ok(driver.maxOutstanding <= 40, `at most 40 in flight, saw ${driver.maxOutstanding}`);
  assert.ok(totals[0]!.sent > 40, 'it kept sending as acks came back');
});
