/**
 * A noise floor file (`kload compare --calibrate`): how much each metric of one scenario moved
 * between runs of the same code on the same machine (A/A runs). `kload compare --noise-floor`
 * judges single runs against it. Saved format, so it carries `schemaVersion`.
 */
export const NOISE_FLOOR_KIND = 'kload-noise-floor';
export const NOISE_FLOOR_SCHEMA_VERSION = 1;

export interface NoiseFloor {
  kind: typeof NOISE_FLOOR_KIND;
  schemaVersion: typeof NOISE_FLOOR_SCHEMA_VERSION;
  scenario: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** A/A runs measured (a result's repeats count one each). */
  runs: number;
  /** Ordered pairs of those runs whose changes were measured: runs × (runs − 1). */
  pairs: number;
  /** floor = margin × the largest change seen: a few A/A runs rarely show the worst case. */
  margin: number;
  method: string;
  floors: MetricFloor[];
}

export interface MetricFloor {
  phase: string;
  /** As in ComparisonRow.metric: "throughput", "publish.p99", ... */
  metric: string;
  /** The largest |relative change| between two A/A runs; null when one was 0 and the other not (unbounded). */
  largestChange: number | null;
  /** margin × largestChange; null: unbounded (any change of this metric is within noise). */
  floor: number | null;
}
