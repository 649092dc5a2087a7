/**
 * The run summary: recorded phases folded together (warmups are run, never judged). Latency
 * percentiles come from merging the phases' full histograms, because percentiles of separate
 * phases cannot be averaged.
 */
import { mergeEncoded } from '../metrics/histogram.js';
import type { PhaseResult, RunSummary } from './result-types.js';
import { BYTES_PER_MB, sumOf as sum, totalFailed } from './phase-figures.js';

export function summarizeRun(phases: readonly PhaseResult[]): RunSummary {
  const recorded = phases.filter((phase) => phase.recorded);
  const durationSec = sum(recorded, (phase) => phase.durationSec);
  const acked = sum(recorded, (phase) => phase.acked);
  const bytes = sum(recorded, (phase) => phase.bytes);
  const publish = mergeEncoded(recorded.map((phase) => phase.publishLatencyUs.histogram));
  const endToEnd = mergeEncoded(recorded.map((phase) => phase.endToEndLatencyUs.histogram));
  return {
    durationSec,
    sent: sum(recorded, (phase) => phase.sent),
    acked,
    failed: sum(recorded, totalFailed),
    consumed: sum(recorded, (phase) => phase.consumed),
    throughputMsgsPerSec: durationSec > 0 ? acked / durationSec : 0,
    throughputMBPerSec: durationSec > 0 ? bytes / BYTES_PER_MB / durationSec : 0,
    // Percentiles of an empty histogram are 0, so nothing recorded gives zeros, not NaN.
    publishP50Us: publish.getValueAtPercentile(50),
    publishP99Us: publish.getValueAtPercentile(99),
    endToEndP99Us: endToEnd.getValueAtPercentile(99),
    integrity: recorded.some((phase) => phase.integrity === null)
      ? null
      : {
          lost: sum(recorded, (phase) => phase.integrity!.lost),
          unverified: sum(recorded, (phase) => phase.integrity!.unverified),
          duplicated: sum(recorded, (phase) => phase.integrity!.duplicated),
          outOfOrder: sum(recorded, (phase) => phase.integrity!.outOfOrder),
        },
    generatorBound: recorded.some((phase) => phase.generatorBound),
  };
}
