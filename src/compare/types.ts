/**
 * The outcome of `kload compare`: one row per metric per recorded phase, each with a verdict.
 * Also the shape of `--format json`, so field names and units are part of that contract.
 */

/**
 * - ok: within --max-regression of the base (or unchanged).
 * - better / regressed: beyond --max-regression, and beyond what sampling noise could explain.
 * - noise: beyond --max-regression, but the two measurements' uncertainty intervals overlap,
 *   so the run cannot tell a real change from chance (more samples would).
 * - n/a: one side has no samples (e.g. no end-to-end latencies because nothing was consumed), or
 *   its value is no verdict (integrity counts while messages are unverified: the drain did not finish).
 */
export type Verdict = 'ok' | 'better' | 'regressed' | 'noise' | 'n/a';

/** Which way is good for a metric. */
export type Direction = 'lower-is-better' | 'higher-is-better';

/**
 * A measured value with the interval its true value lies in with ~95% confidence. Exact numbers
 * (counts, a phase's achieved rate without repeats) have low = high = value.
 */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

export type MetricUnit = 'msg/s' | 'us' | 'count';

export interface ComparisonRow {
  phase: string;
  /** "throughput", "publish.p99", "e2e.max", "failed", "lost", ... */
  metric: string;
  unit: MetricUnit;
  direction: Direction;
  /** null when that run has no samples of this metric. */
  base: Estimate | null;
  head: Estimate | null;
  /** (head - base) / base; null when undefined (a side missing, or base 0 and head not). */
  delta: number | null;
  verdict: Verdict;
}

export interface RunIdentity {
  startedAt: string;
  kloadVersion: string;
  status: 'complete' | 'interrupted' | 'failed';
}

export interface Comparison {
  scenario: string;
  base: RunIdentity;
  head: RunIdentity;
  /** The tolerance as a fraction: 0.05 for --max-regression 5%. */
  maxRegression: number;
  rows: ComparisonRow[];
  /** How many rows are 'regressed'. */
  regressions: number;
  /** Caveats a reader should see next to the numbers (partial runs, generator-bound phases). */
  notes: string[];
}
