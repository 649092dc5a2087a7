import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KloadError } from '../../../src/errors.js';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import { SeqBitmap } from '../../../src/metrics/seq-bitmap.js';
import { SEGMENT_KIND, type SegmentResult } from '../../../src/result/segment-types.js';
import { mergeSegments } from '../../../src/segment/merge-segments.js';
import { checkSegment, encodeConsumers, encodeProducers } from '../../../src/segment/segment-codec.js';
import type { Phase } from '../../../src/scenario/types.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../../../src/workers/protocol.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';
import { segmentHeader, testEnvironment } from '../../helpers/segment-fixture.js';
import { consumerPhase, histogramOf, producerPhase } from '../coordinator/worker-results-fixture.js';

const phases: Phase[] = [{ name: 'steady', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 200 }];
const scenario = scenarioWith({
  phases,
  producers: { count: 2 },
  consumers: { groups: ['g'] },
  thresholds: ['lost == 0', 'steady: publish.p99 < 8ms'],
});

function bitmap(seqs: number[]): Uint8Array {
  const b = new SeqBitmap();
  for (const s of seqs) b.set(s);
  return b.bytes();
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function producer(producerId: number, acked: number, latencyUs: number): ProducerWorkerResult {
  return {
    role: 'producer',
    workerId: 0,
    stoppedEarly: false,
    phases: [{ ...producerPhase(acked, {}, latencyUs) }],
    producers: [{ producerId, phaseStartSeq: [0, acked], acked: bitmap(range(acked)) }],
  };
}

function consumer(read: { producerId: number; seqs: number[] }[]): ConsumerWorkerResult {
  const consumed = read.reduce((n, r) => n + r.seqs.length, 0);
  return {
    role: 'consumer',
    workerId: 1,
    foreign: 0,
    phases: [consumerPhase(consumed, 3000, { monotonic: 0, wall: consumed })],
    groups: [{ group: 'g', consumed: read.map((r) => ({ producerId: r.producerId, seqs: bitmap(r.seqs) })) }],
  };
}

function segment(index: number, o: Partial<SegmentResult> & { p: ProducerWorkerResult[]; c: ConsumerWorkerResult[] }) {
  const s: SegmentResult = {
    ...segmentHeader(index),
    agent: `agent-${index}`,
    scenario,
    environment: testEnvironment(1),
    clock: { offsetUs: -300, boundUs: 900 * index, method: 'intersection' },
    producers: encodeProducers(o.p),
    consumers: encodeConsumers(o.c),
    intervals: [[]],
    lag: [[]],
    drained: true,
    clientErrors: [],
    ...o,
  };
  return checkSegment(JSON.parse(JSON.stringify(s)), `segment ${index}`);
}

test("the merged p99 is the p99 of every segment's messages together, never an average of p99s", () => {
  // Segment 1: 1,000 fast messages; segment 2: 1,000 slow ones. Half are slow, so p99 is slow.
  const merged = mergeSegments([
    segment(1, { p: [producer(0, 1000, 1000)], c: [] }),
    segment(2, { p: [producer(1, 1000, 10_000)], c: [] }),
  ]);
  const steady = merged.phases[0]!;
  assert.equal(steady.acked, 2000);
  assert.ok(Math.abs(steady.publishLatencyUs.p99 - 10_000) <= 10, `p99 ${steady.publishLatencyUs.p99}`);
  assert.equal(decodeHistogram(steady.publishLatencyUs.histogram).totalCount, 2000);
  assert.deepEqual(
    steady.producerWorkers.map((w) => w.workerId),
    [1000, 2000].map((id) => id - 1000),
    'worker ids stay unique across segments',
  );
  assert.equal(merged.environment.producerThreads, 2);
  const p99 = merged.thresholds.find((t) => t.metric === 'publish.p99')!;
  assert.equal(p99.pass, false, 'thresholds are judged on the merged result');
});

test('integrity is checked across segments: a message produced on one host and read on another is not lost', () => {
  const all = mergeSegments([
    segment(1, { p: [producer(0, 10, 1000)], c: [consumer([{ producerId: 1, seqs: range(10) }])] }),
    segment(2, { p: [producer(1, 10, 1000)], c: [consumer([{ producerId: 0, seqs: range(10) }])] }),
  ]);
  assert.deepEqual(all.phases[0]!.integrity, { lost: 0, unverified: 0, duplicated: 0, outOfOrder: 0 });
  assert.equal(all.phases[0]!.endToEndClock, 'wall');
  assert.equal(all.status, 'complete');
  assert.deepEqual(
    all.distribution?.segments.map((s) => [s.index, s.agent, s.clockBoundUs]),
    [
      [1, 'agent-1', 900],
      [2, 'agent-2', 1800],
    ],
  );
  const short = mergeSegments([
    segment(1, { p: [producer(0, 10, 1000)], c: [consumer([{ producerId: 1, seqs: range(10) }])] }),
    segment(2, { p: [producer(1, 10, 1000)], c: [consumer([{ producerId: 0, seqs: [0, 1, 2, 3, 4, 5, 6, 7, 7] }])] }),
  ]);
  assert.equal(short.phases[0]!.integrity?.lost, 2);
  // One segment's drain was cut short: what nobody read may still have been on its way.
  const cut = mergeSegments([
    segment(1, { p: [producer(0, 10, 1000)], c: [consumer([{ producerId: 1, seqs: range(10) }])] }),
    segment(2, {
      p: [producer(1, 10, 1000)],
      c: [consumer([{ producerId: 0, seqs: [0, 1, 2, 3, 4, 5, 6, 7] }])],
      drained: false,
    }),
  ]);
  assert.deepEqual([cut.phases[0]!.integrity?.lost, cut.phases[0]!.integrity?.unverified], [0, 2]);
});

test('a missing segment, another run or a duplicate is refused with every problem listed', () => {
  const one = segment(1, { p: [producer(0, 10, 1000)], c: [] });
  assert.throws(
    () => mergeSegments([one]),
    (e: unknown) => e instanceof KloadError && e.code === 'INVALID_SEGMENT' && /segment 2 of 2 missing/.test(e.message),
  );
  const other = segment(2, { runId: 43, p: [producer(1, 10, 1000)], c: [] });
  assert.throws(
    () => mergeSegments([one, other, one]),
    (e: unknown) =>
      e instanceof KloadError &&
      /from run 43, not 42/.test(e.message) &&
      /segment 1\/2 is given twice/.test(e.message) &&
      e.exitCode === 2,
  );
});

test('with allowMissing (a dead agent) the merge keeps what was measured and marks the run failed', () => {
  const merged = mergeSegments([segment(1, { p: [producer(0, 10, 1000)], c: [] })], { allowMissing: true });
  assert.equal(merged.status, 'failed');
  assert.match(merged.statusReason ?? '', /no result from segment 2 of 2/);
  assert.deepEqual(merged.distribution?.missingSegments, [2]);
  assert.equal(merged.phases[0]!.acked, 10);
});

test('interval series line up on wall time: a segment that started 2 s later lands 2 intervals later', () => {
  const delta = (index: number, sent: number) => ({
    index,
    sent,
    acked: sent,
    consumed: 0,
    ackedBytes: sent * 100,
    publishHistogram: histogramOf(sent, 1000),
    scheduleDelayHistogram: null,
  });
  const start = Date.parse('2026-12-02T10:00:01Z') * 1000;
  const merged = mergeSegments([
    segment(1, { p: [producer(0, 10, 1000)], c: [], intervals: [[delta(0, 5), delta(1, 5)]] }),
    segment(2, {
      p: [producer(1, 10, 1000)],
      c: [],
      scheduleStartWallUs: start + 2_000_000,
      intervals: [[delta(0, 7), delta(1, 7)]],
    }),
  ]);
  assert.deepEqual(
    merged.phases[0]!.intervals.map((i) => i.sentPerSec),
    [5, 5, 7, 7],
  );
});

test('a file that is not a segment is refused by name before anything is merged', () => {
  assert.throws(() => checkSegment({ schemaVersion: 2, phases: [] }, 'run.json'), /run\.json is not a kload segment/);
  assert.throws(
    () => checkSegment({ kind: SEGMENT_KIND, schemaVersion: 9, scenario: { name: 'x', phases: [] } }, 'x.json'),
    (e: unknown) =>
      e instanceof KloadError && /schemaVersion: 9/.test(e.message) && /producers: must be an array/.test(e.message),
  );
});
