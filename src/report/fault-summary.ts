/**
 * One console line per fault of a run: what was done to which node when, and what it did to the
 * load (faults/fault-impact.ts defines the figures), e.g.
 * `fault 1 kill node 2 (leader-of orders/0) at steady+10.0s: unavailable 8.9 s (partition 0),
 * recovered after 14 s, lost 0, duplicated 0`.
 */
import type { FaultImpact, FaultRecord } from '../faults/fault-types.js';
import type { RunResult } from '../result/result-types.js';
import { formatCount, formatDecimal, formatSeconds } from '../text/format.js';

export function formatFaultLines(result: RunResult): string[] {
  return (result.faults ?? []).map(formatFaultLine);
}

export function formatFaultLine(f: FaultRecord): string {
  const head = `fault ${f.index + 1} ${describeAction(f)} at ${f.phase}+${formatDecimal(f.plannedAtSec, 1)}s`;
  if (f.outcome === 'skipped') return `${head}: skipped${f.detail ? ` (${f.detail})` : ''}`;
  const failed = f.outcome === 'failed' ? `failed${f.detail ? ` (${f.detail})` : ''}; ` : '';
  return `${head}: ${failed}${f.impact ? describeImpact(f.impact) : 'impact not measured'}`;
}

/** "kill node 2 (leader-of orders/0)", "pause node 3", "exec: ssh broker-2 …". */
export function describeAction(f: FaultRecord): string {
  if (f.action === 'exec') return f.target.startsWith('exec') ? f.target : `exec: ${f.target}`;
  if (f.nodeId === null) return `${f.action} ${f.target} (not resolved)`;
  const node = `node ${f.nodeId}`;
  return f.target === node ? `${f.action} ${node}` : `${f.action} ${node} (${f.target})`;
}

export function describeImpact(i: FaultImpact): string {
  const unavailable =
    i.unavailablePartition === null
      ? 'no partition went 100 ms without an ack'
      : `unavailable ${formatDecimal(i.unavailabilityMs / 1000, 1)} s (partition ${i.unavailablePartition})`;
  const recovered =
    i.recoverySec === null ? 'not recovered by the end of its phase' : `recovered after ${formatRecovery(i)}`;
  const counts =
    i.lostInWindow === null && i.duplicatedInWindow === null
      ? 'lost and duplicated not checked (no consumers)'
      : `lost ${countOrUnknown(i.lostInWindow)}, duplicated ${countOrUnknown(i.duplicatedInWindow)}`;
  return `${unavailable}, ${recovered}, ${counts}`;
}

function formatRecovery(i: FaultImpact): string {
  const yardstick = i.baselineP99Us === null ? ' (against the previous phase)' : '';
  return `${formatSeconds(roundTenth(i.recoverySec!))}${yardstick}`;
}

/** Lost is unknown (null) when the drain was cut short. */
function countOrUnknown(n: number | null): string {
  return n === null ? 'unverified' : formatCount(n);
}

function roundTenth(x: number): number {
  return Math.round(x * 10) / 10;
}
