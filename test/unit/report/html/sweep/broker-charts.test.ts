import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sweepSections } from '../../../../../src/report/html/sweep/sweep-page.js';
import { formatSweepSummary } from '../../../../../src/sweep/format-sweep.js';
import type { SweepResult } from '../../../../../src/sweep/sweep-result-types.js';
import { sweepOf } from '../../../plan/sweep-fixture.js';
import type { Row } from '../../../sweep/fabricated-points.js';

/** N = 1, 2, 4 on 1 and 3 brokers, T = 8,000 · N^0.8 · B^0.7 with a ±2% wobble. */
function brokerRows(withBrokers: boolean): Row[] {
  return [1, 3].flatMap((brokers) =>
    [1, 2, 4].map((producers, j) => ({
      producers,
      messageBytes: 100,
      partitions: 2,
      ...(withBrokers ? { brokers } : {}),
      throughput: Math.round(8000 * producers ** 0.8 * brokers ** 0.7 * (1 + 0.02 * Math.sin(brokers + 3 * j))),
    })),
  );
}

function chartIds(sweep: SweepResult): string[] {
  return sweepSections(sweep).flatMap((s) => s.charts.map((c) => c.id));
}

test('a sweep over broker counts draws throughput against B with the fitted curve, one per N', () => {
  const sweep = sweepOf(brokerRows(true), { perPointBrokerCounts: [1, 3], brokerCount: 3 });
  assert.ok(chartIds(sweep).includes('throughput-brokers'), chartIds(sweep).join(', '));
  const scaling = sweepSections(sweep).find((s) => s.id === 'scaling')!;
  assert.equal(scaling.title, 'Throughput against N, R, K and B');
  assert.match(scaling.subtitle ?? '', /T = c·N\^a·R\^b·K\^d·B\^e/);
  const chart = scaling.charts.find((c) => c.id === 'throughput-brokers')!;
  // One measured series per N (its curve, band edges beside it), each with the two cluster sizes.
  const serialized = JSON.stringify(chart);
  for (const n of [1, 2, 4]) assert.ok(serialized.includes(`N = ${n}: measured`), `a curve for N = ${n}`);
});

test('a sweep on one cluster has no broker chart and no B or RF columns', () => {
  const sweep = sweepOf(brokerRows(false).slice(0, 3));
  assert.equal(
    chartIds(sweep).some((id) => id === 'throughput-brokers'),
    false,
  );
  assert.equal(sweepSections(sweep).find((s) => s.id === 'scaling')!.title, 'Throughput against N, R and K');
  assert.doesNotMatch(formatSweepSummary(sweep).split('\n')[0]!, / B +RF /);
});

test('the console summary shows each point’s brokers and replication factor, and the B^e verdict', () => {
  const sweep = sweepOf(brokerRows(true), { perPointBrokerCounts: [1, 3], brokerCount: 3 });
  const lines = formatSweepSummary(sweep).split('\n');
  assert.match(lines[0]!, /K +B +RF +settings/);
  assert.match(lines[2]!, /^0 +1 +1 +100 +2 +1 +1 +- /);
  assert.match(lines[5]!, /^3 +1 +1 +100 +2 +3 +3 +- /);
  assert.ok(
    lines.some((line) => /^ {2}e = 0\.\d\d \[.*\]: T ∝ B\^0\.\d\d$/.test(line)),
    lines.join('\n'),
  );
});
