/**
 * The throughput fit T = c·N^a·R^b·K^d (·B^e with sweep.brokers) drawn against one predictor,
 * with its 95% band. The saved fit keeps each exponent's interval but not their covariance, and
 * the band of a curve needs it (ln c and the exponents are strongly correlated), so the same
 * least-squares fit is made again from the points it used. One curve per combination of the
 * other predictors the grid varies.
 */
import { leastSquares } from '../../../model/linear-algebra.js';
import type { PowerLawFit } from '../../../model/power-law-fit.js';
import { tCritical } from '../../../model/student-t.js';
import type { SweepPointParameters, SweepResult } from '../../../sweep/sweep-result-types.js';
import { samples } from './xy-chart.js';

/** The throughput fit's predictors, by the keys the fit names them with. */
export const PREDICTORS = {
  producers: { symbol: 'N', label: 'producers N', unit: 'producers', pick: (p: SweepPointParameters) => p.producers },
  recordBytes: { symbol: 'R', label: 'message bytes R', unit: 'B', pick: (p: SweepPointParameters) => p.messageBytes },
  partitions: {
    symbol: 'K',
    label: 'partitions K',
    unit: 'partitions',
    pick: (p: SweepPointParameters) => p.partitions,
  },
  // Only sweeps with brokers fit B, and all their points have it; 1 keeps ln finite for any other.
  brokers: { symbol: 'B', label: 'brokers B', unit: 'brokers', pick: (p: SweepPointParameters) => p.brokers ?? 1 },
} as const;

export type PredictorKey = keyof typeof PREDICTORS;

export interface CurveGroup {
  /** e.g. "R = 1,000 B, K = 4", or "fit" when the chart's predictor is the only one varied. */
  label: string;
  /** Measured points of the group: [x, msg/s]. */
  measured: [number, number][];
  /** The sweep point behind each of `measured`. */
  pointIndices: number[];
  fitted: [number, number][];
  low: [number, number][];
  high: [number, number][];
}

const CURVE_SAMPLES = 24;

export function isPredictorKey(key: string): key is PredictorKey {
  return key in PREDICTORS;
}

/** Null when the refit fails (a file whose points no longer reproduce the saved fit). */
export function throughputCurves(
  result: SweepResult,
  fit: PowerLawFit,
  pointIndices: readonly number[],
  along: PredictorKey,
): CurveGroup[] | null {
  const keys = fit.exponents.map((e) => e.key).filter(isPredictorKey);
  if (keys.length !== fit.exponents.length || !keys.includes(along)) return null;
  const points = pointIndices.flatMap((i) => {
    const p = result.points[i];
    return p?.measurement
      ? [{ index: i, parameters: p.parameters, throughput: p.measurement.throughputMsgsPerSec }]
      : [];
  });
  const design = (values: Record<PredictorKey, number>) => [1, ...keys.map((k) => Math.log(values[k]))];
  const valuesOf = (p: SweepPointParameters) =>
    Object.fromEntries(keys.map((k) => [k, PREDICTORS[k].pick(p)])) as Record<PredictorKey, number>;
  let refit: ReturnType<typeof leastSquares>;
  try {
    refit = leastSquares(
      points.map((p) => design(valuesOf(p.parameters))),
      points.map((p) => Math.log(p.throughput)),
    );
  } catch {
    return null;
  }
  const t = tCritical(fit.confidence, refit.degreesOfFreedom);
  const xs = points.map((p) => PREDICTORS[along].pick(p.parameters));
  const curveX = samples(Math.min(...xs), Math.max(...xs), CURVE_SAMPLES, true);
  const others = keys.filter((k) => k !== along);
  const groups = new Map<string, typeof points>();
  for (const p of points) {
    const key = others.map((k) => PREDICTORS[k].pick(p.parameters)).join('/');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((members) => {
    const fixed = valuesOf((members[0] as (typeof points)[number]).parameters);
    const curve = curveX.map((x) => band(design({ ...fixed, [along]: x }), refit, t));
    return {
      label: others.length === 0 ? 'fit' : others.map((k) => describe(k, fixed[k])).join(', '),
      measured: members.map((p) => [PREDICTORS[along].pick(p.parameters), p.throughput]),
      pointIndices: members.map((p) => p.index),
      fitted: curve.map((c, i) => [curveX[i] as number, c.fitted]),
      low: curve.map((c, i) => [curveX[i] as number, c.low]),
      high: curve.map((c, i) => [curveX[i] as number, c.high]),
    };
  });
}

/** exp(xβ ± t·√(xᵀ Cov x)): the interval of the fitted mean at x, back from the log scale. */
function band(row: number[], fit: ReturnType<typeof leastSquares>, t: number) {
  const mean = row.reduce((sum, v, j) => sum + v * (fit.coefficients[j] as number), 0);
  const variance = row.reduce(
    (sum, vi, i) => sum + row.reduce((inner, vj, j) => inner + vi * vj * (fit.covariance[i]?.[j] as number), 0),
    0,
  );
  const half = t * Math.sqrt(Math.max(0, variance));
  return { fitted: Math.exp(mean), low: Math.exp(mean - half), high: Math.exp(mean + half) };
}

function describe(key: PredictorKey, value: number): string {
  const unit = key === 'recordBytes' ? ' B' : '';
  return `${PREDICTORS[key].symbol} = ${value.toLocaleString('en-US')}${unit}`;
}
