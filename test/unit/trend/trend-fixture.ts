/**
 * Made-up results of one scenario over time for the trend tests: a warmup and a recorded phase
 * "steady" whose throughput and latency scale are given per run, so a test states the shape of
 * its history (flat with noise, a step, one spike) and nothing else.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../../../src/result/result-types.js';
import type { ResultFile } from '../../../src/trend/order-runs.js';
import { tempDir } from '../../helpers/paths.js';
import { latencies, latencyDistribution, phaseResult, runResult } from '../../helpers/result-fixture.js';

export interface RunShape {
  /** msg/s of phase steady. */
  throughput: number;
  /** Multiplies every publish latency (1: p99 ≈ 10.2 ms) and end-to-end latency (1.5 times that). */
  latencyScale: number;
  label?: string;
  /** Results of kload run --repeats: each repeat's shape; the top level is their first. */
  repeats?: Omit<RunShape, 'repeats' | 'label'>[];
}

/** Run i starts i hours after 2026-12-01T00:00Z, so time order is index order. */
export function startedAtOf(i: number): string {
  return new Date(Date.UTC(2026, 11, 1) + i * 3_600_000).toISOString();
}

export function trendResult(i: number, shape: RunShape, overrides: Partial<RunResult> = {}): RunResult {
  const warmup = phaseResult({ name: 'warmup', type: 'warmup', recorded: false, publishLatencyUs: latencies(99_000) });
  const steady = phaseResult({
    achievedRate: shape.throughput,
    publishLatencyUs: latencyDistribution(2000, shape.latencyScale),
    endToEndLatencyUs: latencyDistribution(2000, shape.latencyScale * 1.5),
  });
  const result = runResult([warmup, steady], { startedAt: startedAtOf(i), ...overrides });
  if (shape.label !== undefined) result.label = shape.label;
  if (shape.repeats !== undefined) result.repeats = shape.repeats.map((r) => trendResult(i, r));
  return result;
}

/** A deterministic wobble of about ±2%, different for every run. */
export function wobble(i: number, size = 0.02): number {
  return 1 + size * Math.sin(i * 2.3 + 0.7);
}

/** `n` runs at 5,000 msg/s and latency scale 1, each with its wobble; `change(i)` alters run i (1-based). */
export function history(n: number, change: (i: number, shape: RunShape) => RunShape = (_i, s) => s): ResultFile[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const shape = change(i, { throughput: 5000 * wobble(i, 0.01), latencyScale: wobble(i + 17), label: `c${i}` });
    return { file: `results/steady-${i}.json`, result: trendResult(i, shape) };
  });
}

/** Ten runs of noise, then an eleventh twice as slow labelled "slowed". */
export function slowedHistory(): RunResult[] {
  return history(11, (i, s) => (i === 11 ? { ...s, latencyScale: 2, label: 'slowed' } : s)).map((f) => f.result);
}

/** Writes the results to a fresh directory and returns their paths, in the order given. */
export function savedResults(results: readonly RunResult[], prefix = 'trend'): string[] {
  const dir = tempDir(prefix);
  return results.map((result, i) => {
    const path = join(dir, `steady-run${String(i + 1).padStart(2, '0')}.json`);
    writeFileSync(path, JSON.stringify(result));
    return path;
  });
}
