import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import { aggregateRepeats } from '../../../src/result/aggregate-repeats.js';
import { phaseSamples, resultSamples } from '../../../src/result/phase-samples.js';
import { checkRunResult } from '../../../src/result/read-result.js';
import type { RunResult } from '../../../src/result/result-types.js';
import { interval, latencies, phaseResult, runResult } from '../../helpers/result-fixture.js';

function repeat(rate: number, publishUs: number[], overrides: Partial<RunResult> = {}): RunResult {
  const phase = phaseResult({
    achievedRate: rate,
    acked: rate * 10,
    sent: rate * 10,
    producerWorkers: [{ workerId: 0, sent: rate * 10, acked: rate * 10 }],
    failed: { ERR__MSG_TIMED_OUT: 1 },
    publishLatencyUs: latencies(...publishUs),
    intervals: [interval(1, { ackedPerSec: rate }), interval(2, { ackedPerSec: rate, consumerLag: 4 })],
    intervalHistograms: {
      intervalSec: 1,
      publish: [latencies(...publishUs).histogram, null],
      service: [null, null],
      scheduleDelay: [null, null],
      endToEnd: [null, null],
    },
  });
  return runResult([phase], overrides);
}

const runs = [
  repeat(5000, [1000, 2000], { startedAt: '2026-12-07T06:00:00.000Z', finishedAt: '2026-12-07T06:00:20.000Z' }),
  repeat(4000, [3000], { startedAt: '2026-12-07T06:00:21.000Z', finishedAt: '2026-12-07T06:00:40.000Z' }),
];
const aggregate = aggregateRepeats(runs, runs[0]!.scenario);
const phase = aggregate.phases[0]!;

test('counts add up over the repeats, the achieved rate is their mean, durations add up', () => {
  assert.deepEqual(
    [phase.acked, phase.sent, phase.failed, phase.achievedRate, phase.durationSec],
    [90_000, 90_000, { ERR__MSG_TIMED_OUT: 2 }, 4500, 20],
  );
  assert.deepEqual(phase.producerWorkers, [{ workerId: 0, sent: 90_000, acked: 90_000 }]);
  assert.equal(aggregate.summary.acked, 90_000);
});

test("the aggregate's histograms hold every repeat's samples, so its percentiles are of all messages", () => {
  assert.equal(phase.publishLatencyUs.count, 3);
  assert.equal(decodeHistogram(phase.publishLatencyUs.histogram).totalCount, 3);
  assert.ok(Math.abs(phase.publishLatencyUs.max - 3000) <= 3);
  assert.equal(decodeHistogram(phase.intervalHistograms!.publish[0]!).totalCount, 3);
  assert.equal(phase.intervalHistograms!.publish[1], null);
});

test('interval i of the aggregate is the mean of the repeats’ interval i', () => {
  assert.deepEqual(
    phase.intervals.map((i) => [i.elapsedSec, i.ackedPerSec, i.consumerLag]),
    [
      [1, 4500, null],
      [2, 4500, 4],
    ],
  );
});

test('every repeat is kept whole, in run order, without nested repeats or interval histograms', () => {
  assert.equal(aggregate.repeats?.length, 2);
  assert.deepEqual(
    aggregate.repeats!.map((r) => r.startedAt),
    runs.map((r) => r.startedAt),
  );
  assert.ok(aggregate.repeats!.every((r) => r.repeats === undefined && r.phases[0]!.intervalHistograms === undefined));
  assert.deepEqual(
    [aggregate.startedAt, aggregate.finishedAt],
    ['2026-12-07T06:00:00.000Z', '2026-12-07T06:00:40.000Z'],
  );
});

test('the samples of a phase are its repeats, or the result itself when it has none', () => {
  assert.deepEqual(
    phaseSamples(aggregate, 0).map((p) => p.achievedRate),
    [5000, 4000],
  );
  assert.deepEqual(
    phaseSamples(runs[0]!, 0).map((p) => p.achievedRate),
    [5000],
  );
  assert.equal(resultSamples(runs[1]!)[0], runs[1]);
});

test('a repeats result read back from JSON passes the result shape check', () => {
  assert.doesNotThrow(() => checkRunResult(JSON.parse(JSON.stringify(aggregate)), 'repeats.json'));
});

test('a repeat that itself nests repeats is refused as damaged', () => {
  const nested = { ...aggregate, repeats: [aggregate] };
  assert.throws(() => checkRunResult(JSON.parse(JSON.stringify(nested)), 'x.json'), /repeats\[0\]\.repeats/);
});

test('an interrupted repeat makes the aggregate interrupted, naming the repeat', () => {
  const cut = repeat(100, [1], { status: 'interrupted', statusReason: 'stopped by SIGINT' });
  const result = aggregateRepeats([runs[0]!, cut], runs[0]!.scenario);
  assert.deepEqual([result.status, result.statusReason], ['interrupted', 'repeat 2 of 2: stopped by SIGINT']);
});
