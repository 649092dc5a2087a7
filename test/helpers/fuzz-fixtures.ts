/**
 * Valid files of every kind the CLI reads back (run result, sweep result, segment), as JSON
 * text, for the fuzz test to damage. Small on purpose: every mutant is written and parsed again.
 */
import type { SegmentResult } from '../../src/result/segment-types.js';
import { encodeProducers } from '../../src/segment/segment-codec.js';
import { SeqBitmap } from '../../src/metrics/seq-bitmap.js';
import { lawRows, sweepOf } from '../unit/plan/sweep-fixture.js';
import { histogramOf, producerPhase } from '../unit/coordinator/worker-results-fixture.js';
import { latencyDistribution, phaseResult, rampPhase, runResult } from './result-fixture.js';
import { scenarioWith } from './scenario-fixture.js';
import { segmentHeader, testEnvironment } from './segment-fixture.js';

/** A run with a constant and a ramp phase, intervals and one passing threshold. */
export function runResultJson(scale = 1): string {
  const steady = phaseResult({ publishLatencyUs: latencyDistribution(200, scale) });
  const ramp = rampPhase([1000, 1200, 1500, 4000, 9000].map((us) => us * scale));
  const result = runResult([steady, ramp]);
  result.thresholds = [
    {
      expression: 'publish.p99 < 50ms',
      phase: null,
      metric: 'publish.p99',
      actual: result.summary.publishP99Us / 1000,
      operator: '<',
      limit: 50,
      unit: 'ms',
      pass: true,
    },
  ];
  return JSON.stringify(result, null, 2);
}

export function sweepResultJson(): string {
  return JSON.stringify(sweepOf(lawRows()), null, 2);
}

/** Segment `index` of 2 of run 42: one producer that sent and had acknowledged 100 messages. */
export function segmentJson(index: 1 | 2): string {
  const bitmap = new SeqBitmap();
  for (let seq = 0; seq < 100; seq++) bitmap.set(seq);
  const segment: SegmentResult = {
    ...segmentHeader(index),
    agent: null,
    scenario: scenarioWith({
      phases: [{ name: 'steady', type: 'constant', durationMs: 1000, rateMsgsPerSec: 200 }],
      thresholds: ['publish.p99 < 1s'],
    }),
    environment: testEnvironment(0),
    clock: { offsetUs: -300, boundUs: 900, method: 'intersection' },
    producers: encodeProducers([
      {
        role: 'producer',
        workerId: 0,
        stoppedEarly: false,
        phases: [producerPhase(100)],
        producers: [{ producerId: index - 1, phaseStartSeq: [0, 100], acked: bitmap.bytes() }],
      },
    ]),
    consumers: [],
    intervals: [
      [
        {
          index: 0,
          sent: 100,
          acked: 100,
          consumed: 0,
          ackedBytes: 10_000,
          publishHistogram: histogramOf(100, 1000),
          scheduleDelayHistogram: null,
        },
      ],
    ],
    lag: [[]],
    drained: true,
    clientErrors: [],
  };
  return JSON.stringify(segment, null, 2);
}
