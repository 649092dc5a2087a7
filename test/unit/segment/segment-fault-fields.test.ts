import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeqBitmap } from '../../../src/metrics/seq-bitmap.js';
import type { SegmentResult } from '../../../src/result/segment-types.js';
import {
  checkSegment,
  decodeConsumers,
  decodeProducers,
  encodeConsumers,
  encodeProducers,
} from '../../../src/segment/segment-codec.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../../../src/workers/protocol.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';
import { segmentHeader, testEnvironment } from '../../helpers/segment-fixture.js';
import { consumerPhase, producerPhase } from '../coordinator/worker-results-fixture.js';

const scenario = scenarioWith({
  phases: [{ name: 'steady', type: 'constant', durationMs: 10_000, rateMsgsPerSec: 200 }],
  consumers: { groups: ['g'] },
});

function bitmap(n: number): Uint8Array {
  const b = new SeqBitmap();
  for (let s = 0; s < n; s++) b.set(s);
  return b.bytes();
}

const producer: ProducerWorkerResult = {
  role: 'producer',
  workerId: 0,
  stoppedEarly: false,
  phases: [producerPhase(100, {}, 1000)],
  producers: [{ producerId: 0, phaseStartSeq: [0, 100], acked: bitmap(100), intervalStartSeq: [0, 20, 40, 60, 80] }],
  ackGaps: [
    {
      partition: 1,
      firstAckUs: 1200,
      lastAckUs: 9_990_000,
      gapsUs: [[2_000_000, 5_100_000]],
      openAtEnd: false,
      dropped: 0,
    },
  ],
};

const consumer: ConsumerWorkerResult = {
  role: 'consumer',
  workerId: 1,
  foreign: 0,
  phases: [consumerPhase(100, 3000, { monotonic: 100, wall: 0 })],
  groups: [{ group: 'g', consumed: [{ producerId: 0, seqs: bitmap(100) }] }],
  duplicatedByInterval: [[3, 2]],
};

function segmentFile(p: ProducerWorkerResult[], c: ConsumerWorkerResult[]): unknown {
  const s: SegmentResult = {
    ...segmentHeader(1),
    segment: { index: 1, count: 1 },
    agent: null,
    scenario,
    environment: testEnvironment(1),
    clock: null,
    producers: encodeProducers(p),
    consumers: encodeConsumers(c),
    intervals: [[]],
    lag: [[]],
    drained: true,
    clientErrors: [],
  };
  return JSON.parse(JSON.stringify(s));
}

test('ack gaps, interval maps and re-reads by interval survive a segment file', () => {
  const read = checkSegment(segmentFile([producer], [consumer]), 'segment');
  const [p] = decodeProducers(read.producers, 0);
  const [c] = decodeConsumers(read.consumers, 0);
  assert.deepEqual(p!.ackGaps, producer.ackGaps);
  assert.deepEqual(p!.producers[0]!.intervalStartSeq, [0, 20, 40, 60, 80]);
  assert.deepEqual(c!.duplicatedByInterval, [[3, 2]]);
});

test('segments without them (older kload) still read, and decode without them', () => {
  const { ackGaps: _gaps, ...bare } = producer;
  const { duplicatedByInterval: _dups, ...bareConsumer } = consumer;
  const old = { ...bare, producers: [{ ...bare.producers[0]!, intervalStartSeq: undefined }] };
  const read = checkSegment(segmentFile([old], [bareConsumer]), 'segment');
  const [p] = decodeProducers(read.producers, 0);
  assert.equal(p!.ackGaps, undefined);
  assert.equal(p!.producers[0]!.intervalStartSeq, undefined);
  assert.equal(decodeConsumers(read.consumers, 0)[0]!.duplicatedByInterval, undefined);
});

test('a damaged ack gap is refused with its field', () => {
  const file = segmentFile([producer], [consumer]) as { producers: { ackGaps: { gapsUs: unknown }[] }[] };
  file.producers[0]!.ackGaps[0]!.gapsUs = [[1, 'x']];
  assert.throws(() => checkSegment(file, 'seg.json'), /ackGaps/);
});
