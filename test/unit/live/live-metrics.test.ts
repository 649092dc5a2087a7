import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLatencyHistogram, encodeHistogram, recordUs } from '../../../src/metrics/histogram.js';
import { LiveMetrics } from '../../../src/live/live-metrics.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

const encoded = (...us: number[]) => {
  const h = createLatencyHistogram();
  for (const v of us) recordUs(h, v);
  return encodeHistogram(h);
};

test('counters add every delta, failures by code; gauges hold the last second only', async () => {
  const scenario = scenarioWith();
  const live = new LiveMetrics(scenario, 'r1');
  const phase = scenario.phases[0]!;
  const delta = (acked: number, failed?: Record<string, number>) => ({
    type: 'interval' as const,
    workerId: 0,
    role: 'producer' as const,
    phaseIndex: 0,
    delta: {
      index: 0,
      sent: acked + 1,
      acked,
      consumed: 0,
      ackedBytes: acked * 10,
      ...(failed ? { failed } : {}),
      publishHistogram: encoded(1000, 2000),
      scheduleDelayHistogram: encoded(10_000),
    },
  });
  live.observe(delta(5));
  live.observe(delta(7, { ERR__MSG_TIMED_OUT: 1 }));
  const snapshot = {
    phase: phase.name,
    elapsedSec: 1,
    durationSec: phase.durationMs / 1000,
    sentPerSec: 14,
    ackedPerSec: 12,
    consumedPerSec: 0,
    publishP99Us: 0,
    ackedMBPerSec: 0,
  };
  live.progress(snapshot);
  const text = await live.registry.metrics();
  const line = (name: string) => text.split('\n').filter((l) => l.startsWith(name));
  assert.match(line('kload_messages_acked_total')[0]!, / 12$/);
  assert.match(line('kload_messages_failed_total')[0]!, /code="ERR__MSG_TIMED_OUT"} 1$/);
  assert.match(line('kload_messages_in_flight')[0]!, / 1$/, '14 sent - 12 acked - 1 failed');
  assert.match(line('kload_generator_bound')[0]!, / 1$/, 'schedule delay p99 10 ms is over 5 ms');
  assert.ok(
    line('kload_latency_seconds').some((l) => /kind="publish",quantile="1"} 0\.002/.test(l)),
    'publish max 2 ms',
  );
  // A second with no latencies leaves no stale latency gauges behind.
  live.progress(snapshot);
  assert.equal(
    (await live.registry.metrics()).split('\n').filter((l) => l.startsWith('kload_latency_seconds{')).length,
    0,
  );
});
