import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  consumerLagChart,
  latencyOverTimeChart,
  spectrumChart,
  throughputChart,
} from '../../../../src/report/html/chart-specs.js';
import { SERIES_COLORS } from '../../../../src/report/html/palette.js';
import { phaseTimeSeries } from '../../../../src/report/html/time-series.js';
import { latencies, phaseResult, realisticRunResult } from '../../../helpers/result-fixture.js';

const steady = () => realisticRunResult().phases[1]!;

test('the throughput chart has sent, acked, consumed and a dashed target, one column each', () => {
  const spec = throughputChart('t', phaseTimeSeries(steady()))!;
  assert.deepEqual(
    spec.series.map((s) => s.label),
    ['sent', 'acked', 'consumed', 'target'],
  );
  assert.equal(spec.series[3]?.dashed, true);
  assert.equal(spec.series[0]?.color, SERIES_COLORS.sent);
  assert.equal(spec.data.length, 1 + spec.series.length);
  assert.ok(spec.data.every((column) => column.length === 10));
  assert.match(spec.yLabel, /messages \/ s/);
});

test('the latency chart is on a log axis and shows a missing latency as a gap, not zero', () => {
  const p = phaseResult({
    intervals: [
      {
        elapsedSec: 1,
        sentPerSec: 10,
        ackedPerSec: 0,
        consumedPerSec: 0,
        ackedMBPerSec: 0,
        publishP50Us: 0,
        publishP99Us: 0,
        publishMaxUs: 0,
        scheduleDelayP99Us: 0,
        targetPerSec: 10,
        consumerLag: null,
      },
      {
        elapsedSec: 2,
        sentPerSec: 10,
        ackedPerSec: 10,
        consumedPerSec: 10,
        ackedMBPerSec: 0,
        publishP50Us: 900,
        publishP99Us: 2000,
        publishMaxUs: 3000,
        scheduleDelayP99Us: 40,
        targetPerSec: 10,
        consumerLag: null,
      },
    ],
  });
  const spec = latencyOverTimeChart('l', phaseTimeSeries(p))!;
  assert.equal(spec.logY, true);
  assert.deepEqual(
    spec.series.map((s) => s.label),
    ['publish p50', 'publish p99', 'publish max', 'schedule delay p99'],
  );
  assert.deepEqual(spec.data[1], [null, 0.9]);
  assert.deepEqual(spec.data[4], [null, 0.04]);
  const noAcks = phaseResult({ intervals: p.intervals.slice(0, 1) });
  assert.equal(latencyOverTimeChart('l', phaseTimeSeries(noAcks)), null, 'nothing to draw on a log axis');
});

test('a phase without consumers has no consumed line and no lag chart', () => {
  const p = phaseResult({
    consumerWorkers: [],
    integrity: null,
    endToEndClock: null,
    consumed: 0,
    endToEndLatencyUs: latencies(),
    intervals: steady().intervals.map((i) => ({ ...i, consumedPerSec: 0, consumerLag: null })),
  });
  const ts = phaseTimeSeries(p);
  assert.deepEqual(
    throughputChart('t', ts)?.series.map((s) => s.label),
    ['sent', 'acked', 'target'],
  );
  assert.equal(consumerLagChart('g', ts), null);
  assert.deepEqual(
    spectrumChart('s', p)?.series.map((s) => s.label),
    ['publish', 'service'],
  );
});

test('a phase without intervals or latencies has no charts at all', () => {
  const p = phaseResult({
    intervals: [],
    publishLatencyUs: latencies(),
    serviceLatencyUs: latencies(),
    endToEndLatencyUs: latencies(),
  });
  const ts = phaseTimeSeries(p);
  assert.equal(throughputChart('t', ts), null);
  assert.equal(latencyOverTimeChart('l', ts), null);
  assert.equal(consumerLagChart('g', ts), null);
  assert.equal(spectrumChart('s', p), null);
});

test('the spectrum chart shares one x column and leaves gaps where a kind has no point', () => {
  // 150 publish samples end at x = 150; 3 service samples end at x = 3.
  const p = phaseResult({
    publishLatencyUs: latencies(...Array.from({ length: 150 }, (_, i) => 1000 + i)),
    serviceLatencyUs: latencies(800, 900, 1000),
    endToEndLatencyUs: latencies(),
  });
  const spec = spectrumChart('s', p)!;
  assert.equal(spec.kind, 'nines');
  const [xs, publish, service] = spec.data;
  assert.deepEqual(xs, [1, 2, 3, 4, 10, 20, 100, 150]);
  assert.equal(publish?.filter((v) => v === null).length, 1); // x = 3, the service max
  assert.deepEqual(
    service?.map((v) => v !== null),
    [true, true, true, false, false, false, false, false],
  );
  assert.ok(
    publish!.every(
      (v, i) =>
        v === null ||
        i === 0 ||
        v >=
          (publish!
            .slice(0, i)
            .filter((u) => u !== null)
            .at(-1) ?? 0),
    ),
  );
});
