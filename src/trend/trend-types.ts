/**
 * The outcome of `kload trend`: per recorded phase and metric, every run's value, the band the
 * earlier runs make, the first lasting change, and the newest run's verdict. Also the shape of
 * `--format json`, so field names and units are part of that contract.
 */
import type { Direction } from '../compare/types.js';

/** How runs are put in order: their start time, their label (natural order), or as given. */
export type TrendOrder = 'time' | 'label' | 'files';

/**
 * Where a run's label comes from: its start time; `git`, the text `kload run --label` recorded
 * (users pass `git rev-parse --short HEAD`); or any field of the result by its dotted path.
 */
export type LabelSource = { kind: 'time' } | { kind: 'git' } | { kind: 'field'; path: string };

export type TrendMetric = 'throughput' | 'publish.p99' | 'e2e.p99';

export interface TrendRun {
  /** 1-based position in the trend's order. */
  index: number;
  label: string;
  file: string;
  startedAt: string;
  status: 'complete' | 'interrupted' | 'failed';
  /** How many samples the run gives each metric: its repeats (`kload run --repeats N`), else 1. */
  samples: number;
}

/**
 * What the runs before one run say it should measure: their median, and the half-width beyond
 * which a value is no longer noise, the larger of 3 robust standard deviations (3 × 1.4826 × MAD)
 * and the --max-regression tolerance of the median.
 */
export interface TrendBand {
  /** How many earlier runs it is made of. */
  runs: number;
  median: number;
  /** 1.4826 × the median absolute deviation: a standard deviation that outliers do not inflate. */
  robustSd: number;
  low: number;
  high: number;
}

/** A value above or below its band, named by what it means for the metric. */
export type Movement = 'worse' | 'better';

export interface TrendPoint {
  /** TrendRun.index. */
  run: number;
  /** The median of the run's samples; null when the run has no samples of this metric. */
  value: number | null;
  samples: number[];
  /** null for the first runs (fewer than MIN_BASELINE_RUNS = 5 before them) and for runs without a value. */
  band: TrendBand | null;
  /** Outside its band, and which way; null when inside or without a band. */
  beyond: Movement | null;
}

export interface ChangePoint {
  /** TrendRun.index of the first run of the new level. */
  run: number;
  movement: Movement;
  /** The band of the runs before it, which it and the runs after it left. */
  before: TrendBand;
  /** Median of the runs from the change point on (its persistence window), relative to before; null from 0. */
  shift: number | null;
  /** False when the change point is the newest run: nothing after it could confirm that it stays. */
  confirmed: boolean;
}

/**
 * The newest run against all runs before it:
 * - regressed / better: outside their band (beyond tolerance and beyond their spread).
 * - ok: inside it.
 * - n/a: fewer than 5 earlier runs with a value, or the newest run has none.
 */
export type NewestVerdict = 'regressed' | 'better' | 'ok' | 'n/a';

export interface TrendSeries {
  phase: string;
  metric: TrendMetric;
  /** Latencies in µs (shown in ms), throughput in msg/s. */
  unit: 'msg/s' | 'us';
  direction: Direction;
  points: TrendPoint[];
  /** The first lasting change; null when none. */
  changePoint: ChangePoint | null;
  newest: NewestVerdict;
}

export interface Trend {
  scenario: string;
  orderedBy: TrendOrder;
  /** "time", "git" or "field:<path>". */
  labelFrom: string;
  /** The tolerance as a fraction: 0.05 for --max-regression 5%. */
  maxRegression: number;
  /** The change-point rule in one paragraph, printed under the table. */
  method: string;
  runs: TrendRun[];
  series: TrendSeries[];
  /** How many series' newest run regressed. */
  regressions: number;
  /** Caveats a reader should see next to the numbers (partial runs, generator-bound phases). */
  notes: string[];
}
