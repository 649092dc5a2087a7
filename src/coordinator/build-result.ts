/**
 * Pure: folds every worker's final counters and histograms into the saved per-phase results.
 * Histograms are merged, never averaged: percentiles of parts do not add up to the whole.
 */
import { mergeEncoded, summarize } from '../metrics/histogram.js';
import type { PhaseResult } from '../report/result-types.js';
import type { Scenario } from '../scenario/types.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../workers/protocol.js';
import type { IntervalSeries } from '../metrics/interval-series.js';

export interface PhaseInputs {
  scenario: Scenario;
  producers: ProducerWorkerResult[];
  consumers: ConsumerWorkerResult[];
  series: IntervalSeries[];
  /** How long each phase actually ran, seconds (shorter than planned when interrupted). */
  durationsSec: number[];
}

export function buildPhaseResults(input: PhaseInputs): PhaseResult[] {
  return input.scenario.phases.map((phase, i): PhaseResult => {
    const prod = input.producers.map((p) => p.phases[i]!);
    const cons = input.consumers.map((c) => c.phases[i]!);
    const failed: Record<string, number> = {};
    for (const p of prod) for (const [code, n] of Object.entries(p.failed)) failed[code] = (failed[code] ?? 0) + n;
    const acked = sum(prod.map((p) => p.acked));
    const durationSec = input.durationsSec[i] ?? phase.durationMs / 1000;
    return {
      name: phase.name,
      type: phase.type,
      recorded: phase.type !== 'warmup',
      targetRate: phase.type === 'max' ? null : phase.rateMsgsPerSec,
      achievedRate: durationSec > 0 ? acked / durationSec : 0,
      durationSec,
      sent: sum(prod.map((p) => p.sent)),
      acked,
      failed,
      bytes: sum(prod.map((p) => p.ackedBytes)),
      consumed: sum(cons.map((c) => c.consumed)),
      consumedBytes: sum(cons.map((c) => c.consumedBytes)),
      queueFullWaits: sum(prod.map((p) => p.queueFullWaits)),
      producerWorkers: input.producers.map((p) => ({ workerId: p.workerId, sent: p.phases[i]!.sent, acked: p.phases[i]!.acked })),
      consumerWorkers: input.consumers.map((c) => ({ workerId: c.workerId, consumed: c.phases[i]!.consumed })),
      publishLatencyUs: summarize(mergeEncoded(prod.map((p) => p.publishHistogram))),
      endToEndLatencyUs: summarize(mergeEncoded(cons.map((c) => c.endToEndHistogram))),
      intervals: input.series[i]?.toArray() ?? [],
    };
  });
}

/** Seconds each phase ran when the run stopped `stoppedAfterSec` into the schedule (null = ran to the end). */
export function phaseDurations(scenario: Scenario, stoppedAfterSec: number | null): number[] {
  let start = 0;
  return scenario.phases.map((p) => {
    const planned = p.durationMs / 1000;
    const ran = stoppedAfterSec === null ? planned : Math.min(planned, Math.max(0, stoppedAfterSec - start));
    start += planned;
    return ran;
  });
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
