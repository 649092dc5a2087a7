/**
 * Pure: folds every worker's final counters and histograms into the saved per-phase results.
 * Histograms are merged, never averaged: percentiles of parts do not add up to the whole.
 */
import { mergeEncoded, summarize } from '../metrics/histogram.js';
import type { IntervalSeries } from '../metrics/interval-series.js';
import type { IntegrityCounts, IntervalStats, PhaseResult } from '../result/result-types.js';
import type { Phase, Scenario } from '../scenario/types.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../workers/protocol.js';
import { messagesDue, rateAt, totalMessages } from '../workers/rate-profile.js';
import { judgeGenerator, type GeneratorBounds } from './generator-bound.js';
import { phaseSegments } from './assign-threads.js';
import { mergeAckGaps } from '../faults/ack-gaps.js';
import { faultImpact } from '../faults/fault-impact.js';
import type { FaultRecord } from '../faults/fault-types.js';
import { windowCounter } from '../faults/fault-window-counts.js';

export interface PhaseInputs {
  scenario: Scenario;
  producers: ProducerWorkerResult[];
  consumers: ConsumerWorkerResult[];
  series: IntervalSeries[];
  /** How long each phase actually ran, seconds (shorter than planned when interrupted). */
  durationsSec: number[];
  /** Per phase; null when the run had no consumers. */
  integrity: IntegrityCounts[] | null;
  /** Consumer lag samples by phase, then interval index. */
  lag?: Map<number, number>[];
  bounds: GeneratorBounds;
}

export function buildPhaseResults(input: PhaseInputs): PhaseResult[] {
  return input.scenario.phases.map((phase, i): PhaseResult => {
    const prod = input.producers.map((p) => p.phases[i]!);
    const cons = input.consumers.map((c) => c.phases[i]!);
    const failed: Record<string, number> = {};
    for (const p of prod) for (const [code, n] of Object.entries(p.failed)) failed[code] = (failed[code] ?? 0) + n;
    const acked = sum(prod.map((p) => p.acked));
    const durationSec = input.durationsSec[i] ?? phase.durationMs / 1000;
    const targetRate = meanTargetRate(phase, durationSec);
    const achievedRate = durationSec > 0 ? acked / durationSec : 0;
    const scheduleDelayUs = summarize(mergeEncoded(prod.map((p) => p.scheduleDelayHistogram)));
    const verdict = judgeGenerator(
      {
        paced: targetRate !== null,
        targetRate,
        achievedRate,
        scheduleDelayP99Us: scheduleDelayUs.p99,
        sent: sum(prod.map((p) => p.sent)),
        queueFullWaits: sum(prod.map((p) => p.queueFullWaits)),
      },
      input.bounds,
    );
    return {
      name: phase.name,
      type: phase.type,
      recorded: phase.type !== 'warmup',
      targetRate,
      achievedRate,
      durationSec,
      sent: sum(prod.map((p) => p.sent)),
      acked,
      failed,
      bytes: sum(prod.map((p) => p.ackedBytes)),
      consumed: sum(cons.map((c) => c.consumed)),
      consumedBytes: sum(cons.map((c) => c.consumedBytes)),
      queueFullWaits: sum(prod.map((p) => p.queueFullWaits)),
      producerWorkers: input.producers.map((p) => ({
        workerId: p.workerId,
        sent: p.phases[i]!.sent,
        acked: p.phases[i]!.acked,
      })),
      consumerWorkers: input.consumers.map((c) => ({ workerId: c.workerId, consumed: c.phases[i]!.consumed })),
      publishLatencyUs: summarize(mergeEncoded(prod.map((p) => p.publishHistogram))),
      serviceLatencyUs: summarize(mergeEncoded(prod.map((p) => p.serviceHistogram))),
      scheduleDelayUs,
      endToEndLatencyUs: summarize(mergeEncoded(cons.map((c) => c.endToEndHistogram))),
      endToEndClock: clockOf(
        sum(cons.map((c) => c.monotonicClock)),
        sum(cons.map((c) => c.wallClock)),
        input.consumers.length > 0,
      ),
      integrity: input.integrity?.[i] ?? null,
      generatorBound: verdict.generatorBound,
      generatorBoundReasons: verdict.reasons,
      intervals: withSchedule(input.series[i]?.toArray() ?? [], phase, input.lag?.[i]),
      ...(input.series[i] ? { intervalHistograms: input.series[i].histograms() } : {}),
    };
  });
}

/**
 * Messages/s the schedule held on average over the part of the phase that ran (all of it unless
 * interrupted: a ramp stopped halfway asked for less than its full-length average); null when unpaced.
 */
export function meanTargetRate(phase: Phase, ranSec = phase.durationMs / 1000): number | null {
  const segments = phaseSegments(phase);
  if (!segments || ranSec <= 0) return segments ? 0 : null;
  const planned = ranSec >= phase.durationMs / 1000;
  return (planned ? totalMessages(segments) : messagesDue(segments, ranSec * 1e6)) / ranSec;
}

/** Adds what the schedule asked for in each interval (at its middle) and the sampled lag. */
function withSchedule(intervals: IntervalStats[], phase: Phase, lag: Map<number, number> | undefined): IntervalStats[] {
  const segments = phaseSegments(phase);
  return intervals.map((iv, index) => {
    const lengthSec = index === 0 ? iv.elapsedSec : iv.elapsedSec - intervals[index - 1]!.elapsedSec;
    const middleUs = (iv.elapsedSec - lengthSec / 2) * 1e6;
    return { ...iv, targetPerSec: segments ? rateAt(segments, middleUs) : null, consumerLag: lag?.get(index) ?? null };
  });
}

function clockOf(monotonic: number, wall: number, hasConsumers: boolean): PhaseResult['endToEndClock'] {
  if (!hasConsumers || monotonic + wall === 0) return hasConsumers ? 'monotonic' : null;
  if (wall === 0) return 'monotonic';
  return monotonic === 0 ? 'wall' : 'mixed';
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

export interface FaultInputs {
  /** As the fault runner recorded them (impact null). */
  faults: FaultRecord[];
  /** The run's phase results (buildPhaseResults), with their intervals. */
  phases: PhaseResult[];
  producers: ProducerWorkerResult[];
  consumers: ConsumerWorkerResult[];
  /** The scenario's consumer groups (none without consumers). */
  groups: string[];
  intervalMs: number;
  /** False when the drain was cut short (lost in a window is then not known). */
  drained: boolean;
}

/** The records with what each fault did to the load (faults/fault-impact.ts). */
export function measureFaults(input: FaultInputs): FaultRecord[] {
  if (input.faults.length === 0) return [];
  const impactInputs = {
    phases: input.phases,
    intervalSec: input.intervalMs / 1000,
    gaps: mergeAckGaps(input.producers),
    countInWindow: windowCounter(input.groups, input.producers, input.consumers, input.drained),
  };
  return input.faults.map((f) => ({ ...f, impact: faultImpact(f, impactInputs) }));
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
