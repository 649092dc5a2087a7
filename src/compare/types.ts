/**
 * The outcome of `kload compare`: one row per metric per recorded phase, each with a verdict.
 * Also the shape of `--format json`, so field names and units are part of that contract.
 */

/**
 * - ok: within --max-regression of the base (or unchanged).
 * - better / regressed: beyond --max-regression, and beyond the noise between runs (see `rule`).
 * - noise: beyond --max-regression, but within the noise between runs: runs of the same code
 *   differ this much (more repeats would tell).
 * - noise unknown: beyond --max-regression, but a side is a single run and no noise floor was
 *   given, so nothing says how much runs differ by chance. Never fails a gate.
 * - n/a: one side has no samples (e.g. no end-to-end latencies because nothing was consumed), or
 *   its value is no verdict (integrity counts while messages are unverified: the drain did not finish).
 */
export type Verdict = 'ok' | 'better' | 'regressed' | 'noise' | 'noise unknown' | 'n/a';

/**
 * Which rule decided a row's verdict:
 * - missing: a side has no samples of the metric (n/a).
 * - unverified: integrity counts while messages are unverified (n/a).
 * - zero-tolerance: an integrity count rose from 0 (regressed, whatever the noise).
 * - tolerance: the change is within --max-regression (ok).
 * - between-runs: both sides have 2+ repeats; `interval` is the 95% family-wise interval of the
 *   change between their means (Comparison.method), and it excluding 0 decides.
 * - noise-floor: a side is a single run; the change is judged against the A/A noise floor
 *   (`noiseFloor`, from `kload compare --calibrate`).
 * - no-noise-estimate: a side is a single run and no floor covers the metric (noise unknown).
 */
export type VerdictRule =
  | 'missing'
  | 'unverified'
  | 'zero-tolerance'
  | 'tolerance'
  | 'between-runs'
  | 'noise-floor'
  | 'no-noise-estimate';

/** Which way is good for a metric. */
export type Direction = 'lower-is-better' | 'higher-is-better';

/**
 * A measured value and its spread. One run: the value with the interval its true value lies in
 * with ~95% confidence from that run's histogram (sampling within the run; exact numbers such as
 * counts and the achieved rate have low = high = value). Repeats: the mean of the repeats' values
 * (geometric for latencies and rates, arithmetic for counts), low and high their smallest and largest.
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
  /** (head - base) / base of the values shown; null when undefined (a side missing, or base 0 and head not). */
  delta: number | null;
  verdict: Verdict;
  /** The rule that decided `verdict` (see VerdictRule). */
  rule: VerdictRule;
  /** How many runs measured the metric on each side: repeats with a value, 1 for a single run. */
  samples: { base: number; head: number };
  /**
   * Rule between-runs: the interval of the relative change at Comparison.method.rowConfidence (latencies
   * and rates: of the ratio of geometric means, minus 1; counts: the mean difference / base mean);
   * null for other rules (and for counts whose base mean is 0).
   */
  interval: { low: number; high: number } | null;
  /** Rule noise-floor: the metric's A/A floor as a fraction; null for other rules, or an unbounded floor. */
  noiseFloor: number | null;
}

export interface RunIdentity {
  startedAt: string;
  kloadVersion: string;
  status: 'complete' | 'interrupted' | 'failed';
  /** Runs in the result: its repeats, or 1. */
  repeats: number;
}

/** How the verdicts were reached, named so a reader can check it. */
export interface ComparisonMethod {
  /** The between-runs rule's interval (see between-runs.ts). */
  betweenRuns: string;
  /** Family-wise confidence over the rows judged between runs: 0.95. */
  familyConfidence: number;
  /** Each such row's own confidence (Bonferroni): 1 − (1 − familyConfidence) / rowsJudgedBetweenRuns. */
  rowConfidence: number;
  rowsJudgedBetweenRuns: number;
  /** The noise floor used for single runs; null when none was given. */
  noiseFloor: { source: string; runs: number; pairs: number; margin: number } | null;
}

export interface Comparison {
  scenario: string;
  base: RunIdentity;
  head: RunIdentity;
  /** The tolerance as a fraction: 0.05 for --max-regression 5%. */
  maxRegression: number;
  rows: ComparisonRow[];
  method: ComparisonMethod;
  /** How many rows are 'regressed'. */
  regressions: number;
  /** Caveats a reader should see next to the numbers (partial runs, generator-bound phases). */
  notes: string[];
}
