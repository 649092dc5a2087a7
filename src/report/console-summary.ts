/**
 * What kload prints to the terminal: a per-second progress line while a phase runs, and a table
 * of all phases at the end. The saved JSON stays the source of truth; this is for reading.
 */
import type { ProgressSnapshot } from '../coordinator/reporter.js';
import type { LatencySummaryUs, PhaseResult, RunResult } from '../result/result-types.js';
import { formatCount, formatMB, formatMsFromUs, formatSeconds } from '../text/format.js';
import { formatTable, type Column } from '../text/text-table.js';
import { phaseMBPerSec, totalFailed } from '../result/phase-figures.js';
import { formatFaultLines } from './fault-summary.js';

/** Shown instead of a number that does not exist (no target rate, no latencies recorded). */
const NONE = '-';

const COLUMNS: Column[] = [
  { header: 'phase', align: 'left' },
  { header: 'type', align: 'left' },
  { header: 'target msg/s', align: 'right' },
  { header: 'achieved msg/s', align: 'right' },
  { header: 'MB/s', align: 'right' },
  { header: 'sent', align: 'right' },
  { header: 'acked', align: 'right' },
  { header: 'failed', align: 'right' },
  { header: 'consumed', align: 'right' },
  { header: 'pub p50', align: 'right' },
  { header: 'pub p99', align: 'right' },
  { header: 'pub p99.9', align: 'right' },
  { header: 'pub max', align: 'right' },
  { header: 'e2e p50', align: 'right' },
  { header: 'e2e p99', align: 'right' },
];

export function formatSummaryTable(result: RunResult): string {
  const lines = [
    formatTable(COLUMNS, result.phases.map(phaseRow)),
    'Latencies in ms: pub = send to broker ack, e2e = send to consume.',
    ...result.phases.flatMap(failureLine),
    summaryLine(result),
    ...integrityLine(result),
    ...formatFaultLines(result),
  ];
  if (result.status !== 'complete') {
    const reason = result.statusReason === null ? '' : `: ${result.statusReason}`;
    lines.push(`Run ${result.status}${reason} (partial results).`);
  }
  return lines.join('\n');
}

function phaseRow(phase: PhaseResult): string[] {
  const mbPerSec = phaseMBPerSec(phase);
  const pub = phase.publishLatencyUs;
  const e2e = phase.endToEndLatencyUs;
  return [
    phase.recorded ? phase.name : `${phase.name} (not recorded)`,
    phase.type,
    phase.targetRate === null ? NONE : formatCount(phase.targetRate),
    formatCount(phase.achievedRate),
    formatMB(mbPerSec),
    formatCount(phase.sent),
    formatCount(phase.acked),
    formatCount(totalFailed(phase)),
    formatCount(phase.consumed),
    latencyMs(pub, pub.p50),
    latencyMs(pub, pub.p99),
    latencyMs(pub, pub.p999),
    latencyMs(pub, pub.max),
    latencyMs(e2e, e2e.p50),
    latencyMs(e2e, e2e.p99),
  ];
}

/** A dash, not "0.00", when nothing was measured (e.g. no consumers means no end-to-end). */
function latencyMs(summary: LatencySummaryUs, valueUs: number): string {
  return summary.count === 0 ? NONE : formatMsFromUs(valueUs);
}

/** Failures by librdkafka error code, one line per phase that had any. */
function failureLine(phase: PhaseResult): string[] {
  const byCode = Object.entries(phase.failed).filter(([, count]) => count > 0);
  if (byCode.length === 0) return [];
  const codes = byCode.map(([code, count]) => `${code} ${formatCount(count)}`).join(', ');
  return [`Failed deliveries in ${phase.name}: ${codes}`];
}

function summaryLine({ summary: s, phases }: RunResult): string {
  const recorded = phases.filter((phase) => phase.recorded);
  const hasPublish = recorded.some((phase) => phase.publishLatencyUs.count > 0);
  const hasEndToEnd = recorded.some((phase) => phase.endToEndLatencyUs.count > 0);
  const publish = hasPublish
    ? `publish p50 ${formatMsFromUs(s.publishP50Us)} ms, p99 ${formatMsFromUs(s.publishP99Us)} ms`
    : `publish ${NONE}`;
  const endToEnd = hasEndToEnd ? `end-to-end p99 ${formatMsFromUs(s.endToEndP99Us)} ms` : `end-to-end ${NONE}`;
  return (
    `Summary (recorded phases, ${formatSeconds(s.durationSec)}): ` +
    `${formatCount(s.throughputMsgsPerSec)} msg/s (${formatMB(s.throughputMBPerSec)} MB/s), ` +
    `${formatCount(s.acked)} acked of ${formatCount(s.sent)} sent, ${formatCount(s.failed)} failed, ` +
    `${formatCount(s.consumed)} consumed; ${publish}; ${endToEnd}`
  );
}

/**
 * `Integrity (recorded phases): 0 lost, 0 duplicated, 0 out of order`, with the unverified when
 * the drain was cut short; nothing without consumers (nothing was checked).
 */
function integrityLine({ summary }: RunResult): string[] {
  const counts = summary.integrity;
  if (counts === null) return [];
  // Absent in results of kload before 0.2.
  const unverified = counts.unverified ?? 0;
  const why = ' (acknowledged, not yet read when the drain was cut short: neither lost nor verified)';
  return [
    `Integrity (recorded phases): ${formatCount(counts.lost)} lost, ${formatCount(counts.duplicated)} duplicated, ` +
      `${formatCount(counts.outOfOrder)} out of order` +
      (unverified > 0 ? `, ${formatCount(unverified)} unverified${why}` : ''),
  ];
}

/** `[steady 4/10s] 5,001 msg/s sent, 5,000 acked (0.50 MB/s), 4,998 consumed, publish p99 3.2 ms` */
export function formatProgressLine(p: ProgressSnapshot): string {
  if (p.afterScheduleSec !== undefined) {
    return (
      `[after schedule +${formatCount(p.afterScheduleSec)}s] producers waiting for acks: ` +
      `${formatCount(p.ackedPerSec)} acked/s, ${formatCount(p.consumedPerSec)} consumed/s`
    );
  }
  return (
    `[${p.phase} ${formatCount(p.elapsedSec)}/${formatCount(p.durationSec)}s] ` +
    `${formatCount(p.sentPerSec)} msg/s sent, ${formatCount(p.ackedPerSec)} acked ` +
    `(${formatMB(p.ackedMBPerSec)} MB/s), ${formatCount(p.consumedPerSec)} consumed, ` +
    `publish p99 ${formatMsFromUs(p.publishP99Us)} ms` +
    (p.agents ? `, ${p.agents.answering}/${p.agents.of} agents` : '')
  );
}
