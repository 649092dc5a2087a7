import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AbortWatcher } from '../../../src/coordinator/abort-watcher.js';
import { createLatencyHistogram, encodeHistogram, recordUs } from '../../../src/metrics/histogram.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { WorkerMessage } from '../../../src/workers/protocol.js';

const scenario = (thresholds: string[]) =>
  parseScenario(
    `
name: w
topics: [{ name: t }]
producers: {}
phases:
  - { type: warmup, duration: 1s, rate: 100 }
  - { name: steady, type: constant, duration: 10s, rate: 100 }
thresholds: [${thresholds.map((x) => JSON.stringify(x)).join(', ')}]
`,
    'w.yaml',
  );

function interval(phaseIndex: number, ...latenciesUs: number[]): WorkerMessage {
  const h = createLatencyHistogram();
  for (const v of latenciesUs) recordUs(h, v);
  return {
    type: 'interval',
    workerId: 0,
    role: 'producer',
    phaseIndex,
    delta: {
      index: 0,
      sent: 0,
      acked: latenciesUs.length,
      consumed: 0,
      ackedBytes: 0,
      publishHistogram: encodeHistogram(h),
      scheduleDelayHistogram: null,
    },
  };
}

test('a max threshold aborts on the first sample over the limit, and only once', () => {
  const reasons: string[] = [];
  const w = new AbortWatcher(scenario(['publish.max < 10ms']), (r) => reasons.push(r));
  w.observe(interval(1, 5000, 9000));
  assert.equal(reasons.length, 0);
  w.observe(interval(1, 12_000));
  w.observe(interval(1, 15_000));
  assert.equal(reasons.length, 1);
  assert.match(reasons[0]!, /publish\.max < 10ms/);
});

test('a p99 threshold aborts only when more than 1% of the planned messages are already over the limit', () => {
  // steady plans 1,000 messages: 10 slow ones may still pass p99, the 11th cannot.
  const reasons: string[] = [];
  const w = new AbortWatcher(scenario(['publish.p99 < 10ms']), (r) => reasons.push(r));
  w.observe(interval(1, ...Array<number>(10).fill(50_000)));
  assert.equal(reasons.length, 0);
  w.observe(interval(1, 50_000));
  assert.equal(reasons.length, 1);
});

test('warmup latencies never abort a whole-run threshold, and undecidable thresholds are left to the end', () => {
  const reasons: string[] = [];
  const w = new AbortWatcher(scenario(['publish.max < 1ms', 'throughput > 1 msg/s', 'e2e.max < 1ms']), (r) =>
    reasons.push(r),
  );
  w.observe(interval(0, 500_000));
  assert.equal(reasons.length, 0);
});
