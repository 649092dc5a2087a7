/**
 * The progress line on a terminal, redrawn in place once a second (issue 14): the phase, the run's
 * elapsed and planned seconds as a bar with the time left, and the last second's rates and publish
 * p99. Plain lines (formatProgressLine) stay the form for pipes and CI logs, which a bar's
 * carriage returns would garble.
 */
import type { ProgressSnapshot } from '../coordinator/reporter.js';
import { formatCount, formatMsFromUs } from '../text/format.js';

/** `steady 4/10s [#########...........] 14/30s ETA 16s | 5,001 msg/s sent, ... | p99 3.2 ms` */
export function formatProgressBar(p: ProgressSnapshot, columns: number): string {
  const rates =
    `${formatCount(p.sentPerSec)} msg/s sent, ${formatCount(p.ackedPerSec)} acked, ` +
    `${formatCount(p.consumedPerSec)} consumed | p99 ${formatMsFromUs(p.publishP99Us)} ms`;
  if (p.afterScheduleSec !== undefined) {
    return fit(`after schedule +${formatCount(p.afterScheduleSec)}s, waiting for acks | ${rates}`, columns);
  }
  const total = p.run ?? { elapsedSec: p.elapsedSec, durationSec: p.durationSec };
  const left = Math.max(0, total.durationSec - total.elapsedSec);
  const head = `${p.phase} ${formatCount(p.elapsedSec)}/${formatCount(p.durationSec)}s `;
  const runPart = `${formatCount(total.elapsedSec)}/${formatCount(total.durationSec)}s ETA ${formatCount(left)}s`;
  const tail = ` ${runPart} | ${rates}`;
  // The bar takes what the terminal leaves, between 10 and 40 cells.
  const width = Math.max(10, Math.min(40, columns - head.length - tail.length - 2));
  const done = total.durationSec > 0 ? Math.min(1, total.elapsedSec / total.durationSec) : 1;
  const filled = Math.round(done * width);
  return fit(`${head}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${tail}`, columns);
}

/** One line never wraps: a wrapped line would not be redrawn in place. */
function fit(line: string, columns: number): string {
  return columns > 1 && line.length >= columns ? `${line.slice(0, columns - 2)}…` : line;
}
