/**
 * Pure: the "Models" section `kload report` and `kload run` print after the summary table, at
 * most two lines per phase so the end of a run stays readable.
 */
import { formatSummaryTable } from '../console-summary.js';
import { formatCount, formatMsFromUs } from '../../text/format.js';
import type { RunResult } from '../../result/result-types.js';
import { buildRunModels } from './run-models.js';
import type { PhaseModels, RampKnee, RunModels } from './types.js';

/** What `kload run` prints at the end and `kload report` prints for a run: the table, then the models. */
export function formatSummaryAndModels(result: RunResult): string {
  return `${formatSummaryTable(result)}\n\n${formatRunModels(buildRunModels(result))}`;
}

export function formatRunModels(models: RunModels): string {
  return [
    'Models',
    ...models.phases.flatMap(phaseLines),
    "Little's law: L = sent − acked at each interval's end (mean), λ = acked msg/s, " +
      'W = mean service latency (ack − send).',
  ].join('\n');
}

function phaseLines(phase: PhaseModels): string[] {
  const name = phase.recorded ? phase.phase : `${phase.phase} (not recorded)`;
  const little = phase.littlesLaw.checked
    ? phase.littlesLaw.evidence
    : `Little's law not checked: ${phase.littlesLaw.reason}`;
  return [`${name}: ${little}`, ...(phase.knee === null ? [] : [`  ${kneeLine(phase.knee)}`])];
}

export function kneeLine(knee: RampKnee): string {
  const intervals = `${formatCount(knee.points)} interval${knee.points === 1 ? '' : 's'}`;
  if (!knee.computed) return `no knee: ${knee.reason}`;
  if (knee.knee === null) return `no knee: ${knee.reason} (${intervals})`;
  const bound = knee.generatorBound
    ? "; the phase was generator-bound, so this may be kload's limit, not the cluster's"
    : '';
  return (
    `knee: p99 leaves its floor of ${formatMsFromUs(knee.floorP99Us)} ms ` +
    `at ~${formatCount(knee.knee.offeredRateMsgsPerSec)} msg/s ` +
    `(evidence: ${knee.evidence}; ${intervals})${bound}`
  );
}
