/**
 * The measured value of a threshold's metric over some phases, in the threshold's unit. Several
 * phases fold the way the run summary does: counts add up, throughput is total acked over total
 * time, and latency statistics come from the merged histograms (percentiles cannot be averaged).
 */
import { mergeEncoded, summarize } from '../metrics/histogram.js';
import type { PhaseResult } from '../result/result-types.js';
import type { CountName, ThresholdMetric } from './types.js';
import { LATENCY_FIELDS, MICROSECONDS_PER } from './vocabulary.js';
import { BYTES_PER_MB, sumOf as sum, totalFailed } from '../result/phase-figures.js';
import { assertNever } from '../errors.js';
import { formatCount } from '../text/format.js';

/** null when the phases hold no such measurement (no samples, no time, nothing sent). */
export function measure(metric: ThresholdMetric, phases: readonly PhaseResult[]): number | null {
  switch (metric.kind) {
    case 'latency': {
      const field = LATENCY_FIELDS[metric.source];
      // One phase: its saved summary is that histogram's summary already; decode only to merge.
      const merged =
        phases.length === 1
          ? phases[0]![field]
          : summarize(mergeEncoded(phases.map((phase) => phase[field].histogram)));
      // An empty histogram summarises to zeros; a p99 of 0 would pass any "<" threshold.
      if (merged.count === 0) return null;
      return merged[metric.stat] / MICROSECONDS_PER[metric.unit];
    }
    case 'throughput': {
      const seconds = sum(phases, (phase) => phase.durationSec);
      if (seconds <= 0) return null;
      if (metric.unit === 'msg/s') return sum(phases, (phase) => phase.acked) / seconds;
      return sum(phases, (phase) => phase.bytes) / BYTES_PER_MB / seconds;
    }
    case 'count': {
      const counts = phases.map((phase) => countOf(phase, metric.name));
      // Integrity is checked only with consumers; a sum that skipped phases would understate it.
      return counts.some((count) => count === null) ? null : sum(counts, (count) => count ?? 0);
    }
    case 'errorRate': {
      // Nothing sent is no evidence of a low error rate, so it cannot pass.
      const sent = sum(phases, (phase) => phase.sent);
      if (sent === 0) return null;
      const ratio = sum(phases, totalFailed) / sent;
      return metric.unit === '%' ? ratio * 100 : ratio;
    }
    default:
      return assertNever(metric, 'metric');
  }
}

/**
 * Why these phases cannot decide the metric, or null when they can: an integrity count while
 * messages are unverified (the drain did not finish) could still go either way — each unverified
 * message may be lost or only late, and reading them could show duplicates or reordering.
 */
export function undecidedReason(metric: ThresholdMetric, phases: readonly PhaseResult[]): string | null {
  if (metric.kind !== 'count' || !isIntegrityCount(metric.name)) return null;
  const unverified = sum(phases, (phase) => phase.integrity?.unverified ?? 0);
  if (unverified === 0) return null;
  return `${formatCount(unverified)} message${unverified === 1 ? '' : 's'} unverified (the drain did not finish)`;
}

function isIntegrityCount(name: CountName): boolean {
  return name === 'lost' || name === 'duplicated' || name === 'outOfOrder';
}

/** null for an integrity count of a phase without consumers (nothing was checked). */
function countOf(phase: PhaseResult, name: CountName): number | null {
  switch (name) {
    case 'lost':
    case 'duplicated':
    case 'outOfOrder':
      return phase.integrity === null ? null : phase.integrity[name];
    case 'sent':
    case 'acked':
    case 'consumed':
      return phase[name];
    case 'failed':
      return totalFailed(phase);
    default:
      return assertNever(name, 'count');
  }
}
