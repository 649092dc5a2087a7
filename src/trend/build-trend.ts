/**
 * `kload trend` as a pure function: saved results in, per recorded phase and metric a series of
 * runs with their noise bands, the first lasting change and the newest run's verdict out.
 */
import { percent } from '../compare/format-comparison.js';
import type { Direction } from '../compare/types.js';
import type { PhaseResult } from '../result/result-types.js';
import { findChangePoint, PERSISTENCE_RUNS } from './change-point.js';
import { orderRuns, type LabelledRun, type ResultFile } from './order-runs.js';
import { bandOf, median, MIN_BASELINE_RUNS, movementOf, SPREAD_FACTOR } from './robust-band.js';
import { labelSourceText } from './run-labels.js';
import { phaseSamples } from '../result/phase-samples.js';
import type {
  LabelSource,
  NewestVerdict,
  Trend,
  TrendMetric,
  TrendOrder,
  TrendPoint,
  TrendSeries,
} from './trend-types.js';

export interface TrendOptions {
  order: TrendOrder;
  labels: LabelSource;
  /** Tolerated relative change, as a fraction: 0.05 for 5%. */
  maxRegression: number;
}

interface MetricSpec {
  metric: TrendMetric;
  unit: TrendSeries['unit'];
  direction: Direction;
  /** null when the phase has no samples of it (no consumers: no end-to-end latency). */
  of(phase: PhaseResult): number | null;
}

const METRICS: readonly MetricSpec[] = [
  { metric: 'throughput', unit: 'msg/s', direction: 'higher-is-better', of: (p) => p.achievedRate },
  {
    metric: 'publish.p99',
    unit: 'us',
    direction: 'lower-is-better',
    of: (p) => (p.publishLatencyUs.count === 0 ? null : p.publishLatencyUs.p99),
  },
  {
    metric: 'e2e.p99',
    unit: 'us',
    direction: 'lower-is-better',
    of: (p) => (p.endToEndLatencyUs.count === 0 ? null : p.endToEndLatencyUs.p99),
  },
];

/** Throws KloadError('INVALID_ARGUMENT') (exit 2) for fewer than 2 results or results of different shapes. */
export function buildTrend(files: readonly ResultFile[], options: TrendOptions): Trend {
  const runs = orderRuns(files, options.order, options.labels);
  const first = runs[0]!.result;
  const series = first.phases.flatMap((phase, i) =>
    phase.recorded ? METRICS.flatMap((spec) => seriesOf(runs, i, phase.name, spec, options.maxRegression)) : [],
  );
  return {
    scenario: first.scenario.name,
    orderedBy: options.order,
    labelFrom: labelSourceText(options.labels),
    maxRegression: options.maxRegression,
    method: methodText(options.maxRegression),
    runs: runs.map(({ file, result, label }, i) => ({
      index: i + 1,
      label,
      file,
      startedAt: result.startedAt,
      status: result.status,
      samples: Math.max(1, result.repeats?.length ?? 0),
    })),
    series,
    regressions: series.filter((s) => s.newest === 'regressed').length,
    notes: notesOf(runs),
  };
}

function seriesOf(
  runs: readonly LabelledRun[],
  phaseIndex: number,
  phase: string,
  spec: MetricSpec,
  maxRegression: number,
): TrendSeries[] {
  const values = runs.map(({ result }) => {
    const samples = phaseSamples(result, phaseIndex).flatMap((p) => {
      const v = spec.of(p);
      return v === null ? [] : [v];
    });
    return { samples, value: samples.length === 0 ? null : median(samples) };
  });
  if (values.every((v) => v.value === null)) return [];
  const points = values.map((v, j): TrendPoint => {
    const earlier = values.slice(0, j).filter((e) => e.value !== null);
    const band =
      v.value === null
        ? null
        : bandOf(
            earlier.flatMap((e) => e.samples),
            earlier.length,
            maxRegression,
          );
    const beyond = v.value === null || band === null ? null : movementOf(v.value, band, spec.direction);
    return { run: j + 1, value: v.value, samples: v.samples, band, beyond };
  });
  return [
    {
      phase,
      metric: spec.metric,
      unit: spec.unit,
      direction: spec.direction,
      points,
      changePoint: findChangePoint(values, spec.direction, maxRegression),
      newest: newestVerdict(points[points.length - 1]!),
    },
  ];
}

function newestVerdict(point: TrendPoint): NewestVerdict {
  if (point.band === null) return 'n/a';
  return point.beyond === 'worse' ? 'regressed' : point.beyond === 'better' ? 'better' : 'ok';
}

export function methodText(maxRegression: number): string {
  return (
    `A run is beyond noise when it lies outside the band of the runs before it: their median ± the larger of ` +
    `${SPREAD_FACTOR} robust standard deviations (1.4826 × median absolute deviation, repeats pooled) and ` +
    `${percent(maxRegression)} of the median (--max-regression); ` +
    `no band with fewer than ${MIN_BASELINE_RUNS} runs before. ` +
    `The change point is the first run from which it and the next ${PERSISTENCE_RUNS - 1} runs (or all that ` +
    `follow, if fewer) lie beyond the band of the runs before it, on the same side; one odd run is not a change.`
  );
}

function notesOf(runs: readonly LabelledRun[]): string[] {
  const partial = runs.flatMap(({ result, label }, i) =>
    result.status === 'complete'
      ? []
      : [`run ${i + 1} (${label}) ${result.status === 'failed' ? 'failed' : 'was interrupted'}: partial data`],
  );
  // One note per phase, not per run: on a busy machine most runs of a paced phase may be bound.
  const bound = runs[0]!.result.phases.flatMap((phase, p) => {
    const which = runs.flatMap(({ result }, i) =>
      result.phases[p]?.recorded && result.phases[p]?.generatorBound ? [i + 1] : [],
    );
    if (which.length === 0) return [];
    return [
      `phase "${phase.name}" was generator-bound in run${which.length === 1 ? '' : 's'} ${which.join(', ')}: ` +
        'those numbers measure kload, not Kafka',
    ];
  });
  return [...partial, ...bound];
}
