import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_GENERATOR_BOUNDS,
  judgeGenerator,
  type GeneratorInput,
} from '../../../src/coordinator/generator-bound.js';

/** A paced phase at 1000 msg/s that kept its schedule; each case changes what it is about. */
const onTime: GeneratorInput = {
  paced: true,
  targetRate: 1000,
  achievedRate: 1000,
  scheduleDelayP99Us: 200,
  sent: 10_000,
  queueFullWaits: 0,
};

const delayReason = 'schedule delay p99 6.00 ms > 5.00 ms: the generator could not send on time';
const rateReason = 'achieved 980 msg/s is 2.0% below the target 1000 msg/s';

for (const { label, input, reasons } of [
  { label: 'a phase that kept its schedule is not generator-bound', input: {}, reasons: [] },
  {
    label: 'a delay p99 at the bound and a rate 1% short are still within bounds',
    input: { scheduleDelayP99Us: 5000, achievedRate: 990 },
    reasons: [],
  },
  {
    label: 'a schedule delay p99 over 5 ms is generator-bound',
    input: { scheduleDelayP99Us: 6000 },
    reasons: [delayReason],
  },
  { label: 'an achieved rate 2% below target is generator-bound', input: { achievedRate: 980 }, reasons: [rateReason] },
  {
    label: 'late and short gives both reasons, delay first',
    input: { scheduleDelayP99Us: 6000, achievedRate: 980 },
    reasons: [delayReason, rateReason],
  },
  {
    label: 'a late phase that met a full queue blames back-pressure from the cluster',
    input: { scheduleDelayP99Us: 6000, queueFullWaits: 12 },
    reasons: [
      'schedule delay p99 6.00 ms > 5.00 ms: the producer queue was full 12 times (back-pressure from the cluster)',
    ],
  },
  {
    label: 'an unpaced phase is never generator-bound, however slow',
    input: { paced: false, targetRate: null, achievedRate: 1, scheduleDelayP99Us: 1e6 },
    reasons: [],
  },
  {
    label: 'a phase that sent nothing is not generator-bound',
    input: { sent: 0, achievedRate: 0, scheduleDelayP99Us: 0 },
    reasons: [],
  },
] satisfies { label: string; input: Partial<GeneratorInput>; reasons: string[] }[]) {
  test(label, () => {
    assert.deepEqual(judgeGenerator({ ...onTime, ...input }, DEFAULT_GENERATOR_BOUNDS), {
      generatorBound: reasons.length > 0,
      reasons,
    });
  });
}

test('the default bounds are 5 ms of schedule delay p99 and a 1% rate shortfall', () => {
  assert.deepEqual(DEFAULT_GENERATOR_BOUNDS, { maxScheduleDelayP99Us: 5000, maxRateShortfall: 0.01 });
});

test('looser bounds accept what the defaults reject', () => {
  const late = { ...onTime, scheduleDelayP99Us: 40_000, achievedRate: 700 };
  assert.equal(judgeGenerator(late, DEFAULT_GENERATOR_BOUNDS).generatorBound, true);
  assert.deepEqual(judgeGenerator(late, { maxScheduleDelayP99Us: 50_000, maxRateShortfall: 0.5 }), {
    generatorBound: false,
    reasons: [],
  });
});
