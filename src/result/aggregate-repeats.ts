/**
 * The result of `kload run --repeats N`: one RunResult whose top-level fields are the aggregate
 * of the repeats, plus every repeat's own result in `repeats`. Field by field:
 * - status: complete only when every repeat completed, else the worst (failed, then interrupted),
 *   statusReason naming the repeat; startedAt of the first repeat, finishedAt of the last.
 * - scenario: as written (each repeat's own copy names the fresh topics it ran on);
 *   environment: the first repeat's (the same clients and cluster ran every repeat).
 * - per phase: counts (sent, acked, failed per code, bytes, consumed, consumedBytes,
 *   queueFullWaits, per-worker counts, integrity) summed; durationSec summed, so rates derived
 *   from the sums (MB/s) are rates over all repeats; achievedRate the mean of the repeats'
 *   rates; latency histograms added and their summaries recomputed (so aggregate percentiles are
 *   of all messages of all repeats); intervals the mean of the repeats' interval i;
 *   intervalHistograms added index by index; generatorBound when any repeat was.
 * - thresholds: evaluated again on the aggregate; summary: recomputed from the aggregate phases.
 * - faults, distribution: only in the repeats (each repeat has its own).
 */
import { mergeEncoded, summarize } from '../metrics/histogram.js';
import type { Scenario } from '../scenario/types.js';
import { evaluateThresholds } from '../thresholds/evaluate.js';
import { sumOf } from './phase-figures.js';
import { redactScenario } from './redact-scenario.js';
import type { IntegrityCounts, IntervalStats, LatencySummaryUs, PhaseResult, RunResult } from './result-types.js';
import { summarizeRun } from './summary.js';
import { addIntervalHistograms, meanIntervals } from './aggregate-intervals.js';

/** `runs` in run order (2 or more); `scenario` is the scenario as the user wrote it. */
export function aggregateRepeats(runs: readonly RunResult[], scenario: Scenario): RunResult {
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (first === undefined || last === undefined) throw new Error('aggregateRepeats needs at least one run');
  const phases = first.phases.map((phase, i) =>
    aggregatePhase(runs.flatMap((run) => (run.phases[i] === undefined ? [] : [run.phases[i]]))),
  );
  const { status, statusReason } = aggregateStatus(runs);
  const result: RunResult = {
    schemaVersion: first.schemaVersion,
    kload: first.kload,
    status,
    statusReason,
    startedAt: first.startedAt,
    finishedAt: last.finishedAt,
    scenario: redactScenario(scenario),
    environment: first.environment,
    phases,
    thresholds: [],
    summary: summarizeRun(phases),
    // Each repeat whole but lean: its interval histograms add up into the aggregate's anyway.
    repeats: runs.map(({ repeats: _nested, ...run }) => ({
      ...run,
      phases: run.phases.map(({ intervalHistograms: _dropped, ...phase }) => phase),
    })),
  };
  result.thresholds = evaluateThresholds(scenario.thresholds, result);
  return result;
}

function aggregateStatus(runs: readonly RunResult[]): Pick<RunResult, 'status' | 'statusReason'> {
  for (const status of ['failed', 'interrupted'] as const) {
    const index = runs.findIndex((run) => run.status === status);
    const run = runs[index];
    if (run !== undefined) {
      return { status, statusReason: `repeat ${index + 1} of ${runs.length}: ${run.statusReason ?? status}` };
    }
  }
  return { status: 'complete', statusReason: null };
}

function aggregatePhase(phases: readonly PhaseResult[]): PhaseResult {
  const first = phases[0] as PhaseResult;
  const sum = (value: (p: PhaseResult) => number) => sumOf(phases, value);
  const intervalHistograms = addIntervalHistograms(phases);
  return {
    ...first,
    achievedRate: sum((p) => p.achievedRate) / phases.length,
    durationSec: sum((p) => p.durationSec),
    sent: sum((p) => p.sent),
    acked: sum((p) => p.acked),
    failed: sumRecords(phases.map((p) => p.failed)),
    bytes: sum((p) => p.bytes),
    consumed: sum((p) => p.consumed),
    consumedBytes: sum((p) => p.consumedBytes),
    queueFullWaits: sum((p) => p.queueFullWaits),
    producerWorkers: sumWorkers(phases.flatMap((p) => p.producerWorkers)),
    consumerWorkers: sumWorkers(phases.flatMap((p) => p.consumerWorkers)),
    publishLatencyUs: addLatencies(phases.map((p) => p.publishLatencyUs)),
    serviceLatencyUs: addLatencies(phases.map((p) => p.serviceLatencyUs)),
    scheduleDelayUs: addLatencies(phases.map((p) => p.scheduleDelayUs)),
    endToEndLatencyUs: addLatencies(phases.map((p) => p.endToEndLatencyUs)),
    endToEndClock: phases.every((p) => p.endToEndClock === first.endToEndClock) ? first.endToEndClock : 'mixed',
    integrity: sumIntegrity(phases.map((p) => p.integrity)),
    generatorBound: phases.some((p) => p.generatorBound),
    generatorBoundReasons: phases.flatMap((p, i) => p.generatorBoundReasons.map((r) => `repeat ${i + 1}: ${r}`)),
    intervals: meanIntervals(phases.map((p) => p.intervals)) as IntervalStats[],
    ...(intervalHistograms === undefined ? {} : { intervalHistograms }),
  };
}

function addLatencies(summaries: readonly LatencySummaryUs[]): LatencySummaryUs {
  return summarize(mergeEncoded(summaries.map((s) => s.histogram)));
}

function sumRecords(records: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of records) for (const [key, n] of Object.entries(record)) total[key] = (total[key] ?? 0) + n;
  return total;
}

/** Worker ids are the same in every repeat (one plan), so a worker's counts add up across repeats. */
function sumWorkers<W extends { workerId: number }>(workers: readonly W[]): W[] {
  const byId = new Map<number, W>();
  for (const worker of workers) {
    const seen = byId.get(worker.workerId);
    if (seen === undefined) {
      byId.set(worker.workerId, { ...worker });
      continue;
    }
    for (const [key, value] of Object.entries(worker)) {
      if (key !== 'workerId' && typeof value === 'number') {
        const counts = seen as Record<string, number>;
        counts[key] = (counts[key] ?? 0) + value;
      }
    }
  }
  return [...byId.values()];
}

/** null when any repeat checked no integrity (no consumers), as summarizeRun does. */
function sumIntegrity(counts: readonly (IntegrityCounts | null)[]): IntegrityCounts | null {
  if (counts.some((c) => c === null)) return null;
  const all = counts as IntegrityCounts[];
  return {
    lost: sumOf(all, (c) => c.lost),
    unverified: sumOf(all, (c) => c.unverified ?? 0),
    duplicated: sumOf(all, (c) => c.duplicated),
    outOfOrder: sumOf(all, (c) => c.outOfOrder),
  };
}
