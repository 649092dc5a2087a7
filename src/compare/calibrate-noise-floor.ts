/**
 * `kload compare --calibrate`: runs of one scenario that changed nothing between them (A/A) say
 * how much each metric moves by chance on this machine. Every repeat of every result counts as
 * one run; every ordered pair of runs gives a relative change; a metric's floor is the largest of
 * them times a margin. A single-run comparison then only calls a change real beyond that floor.
 */
import { KloadError } from '../errors.js';
import { resultSamples } from '../result/phase-samples.js';
import type { RunResult } from '../result/result-types.js';
import { comparabilityProblems } from './comparable.js';
import {
  NOISE_FLOOR_KIND,
  NOISE_FLOOR_SCHEMA_VERSION,
  type MetricFloor,
  type NoiseFloor,
} from './noise-floor-types.js';
import { phaseMetrics } from './phase-metrics.js';
import { relativeDelta } from './verdict.js';

/**
 * Chosen on bench:noise runs (README): with floors from 5 A/A runs, margins 1.5 and 2 let 4 of 31
 * later A/A pairs through, 3 let 2; from 10 runs, 3 let none of 29 (and none of 15 in a second set).
 */
export const DEFAULT_FLOOR_MARGIN = 3;

export function calibrateNoiseFloor(results: readonly RunResult[], margin = DEFAULT_FLOOR_MARGIN): NoiseFloor {
  const runs = results.flatMap(resultSamples);
  const first = runs[0];
  if (first === undefined || runs.length < 2) {
    throw new KloadError('INVALID_ARGUMENT', `--calibrate needs 2 or more A/A runs (got ${runs.length})`, {
      hint: 'Pass several results of the same scenario with nothing changed between them, or one `--repeats N` result.',
    });
  }
  for (const run of runs.slice(1)) {
    const problems = comparabilityProblems(first, run);
    if (problems.length > 0) throw new KloadError('INVALID_ARGUMENT', `A/A runs are not comparable: ${problems[0]}`);
  }
  const floors = first.phases.flatMap((phase, i) =>
    phase.recorded
      ? phaseFloors(
          phase.name,
          runs.map((run) => run.phases[i]!),
          margin,
        )
      : [],
  );
  return {
    kind: NOISE_FLOOR_KIND,
    schemaVersion: NOISE_FLOOR_SCHEMA_VERSION,
    scenario: first.scenario.name,
    createdAt: new Date().toISOString(),
    runs: runs.length,
    pairs: runs.length * (runs.length - 1),
    margin,
    method: `${margin} × the largest |relative change| of each metric between two A/A runs`,
    floors,
  };
}

function phaseFloors(phase: string, samples: RunResult['phases'], margin: number): MetricFloor[] {
  const measured = samples.map(phaseMetrics);
  return (measured[0] ?? []).flatMap((m, k) => {
    const values = measured.flatMap((metrics) => {
      const estimate = metrics[k]?.estimate;
      return estimate === null || estimate === undefined ? [] : [estimate.value];
    });
    if (values.length < 2) return [];
    const largestChange = largestRelativeChange(values);
    return [{ phase, metric: m.metric, largestChange, floor: largestChange === null ? null : margin * largestChange }];
  });
}

/** The largest |relativeDelta(a, b)| over ordered pairs; null when a change from 0 occurred. */
export function largestRelativeChange(values: readonly number[]): number | null {
  let largest = 0;
  for (const a of values) {
    for (const b of values) {
      const change = relativeDelta(a, b);
      if (change === null) return null;
      largest = Math.max(largest, Math.abs(change));
    }
  }
  return largest;
}

/** The floor of one metric: undefined when the file has none for it, null when unbounded. */
export function floorOf(noiseFloor: NoiseFloor | null, phase: string, metric: string): number | null | undefined {
  if (noiseFloor === null) return undefined;
  const found = noiseFloor.floors.find((f) => f.phase === phase && f.metric === metric);
  return found === undefined ? undefined : found.floor;
}
