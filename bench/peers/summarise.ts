/** Folds the rounds of one case into one row per tool: medians, the range, ratios. Pure. */
import type { SummaryRow, ToolRun } from './types.js';

export const KLOAD_BASELINE = 'kload-1t';

export function median(values: number[]): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** `kload-4t` -> 4; other tools -> null. */
export function kloadThreads(tool: string): number | null {
  const m = /^kload-(\d+)t$/.exec(tool);
  return m ? Number(m[1]) : null;
}

/** One row per tool, in the order the tools first appear in `toolOrder`. */
export function summariseCase(runs: ToolRun[], toolOrder: string[]): SummaryRow[] {
  const rows = toolOrder
    .map((tool) => runs.filter((r) => r.tool === tool))
    .filter((rs) => rs.length > 0)
    .map(foldRuns);
  const base = rows.find((r) => r.tool === KLOAD_BASELINE)?.medianMsgsPerSec ?? NaN;
  return rows.map((row) => {
    const threads = kloadThreads(row.tool);
    return {
      ...row,
      ratioToKload1t: Number.isFinite(base) && base > 0 ? row.medianMsgsPerSec / base : null,
      scalingEfficiency:
        threads !== null && Number.isFinite(base) && base > 0 ? row.medianMsgsPerSec / (threads * base) : null,
    };
  });
}

function foldRuns(runs: ToolRun[]): SummaryRow {
  const rates = runs.map((r) => r.msgsPerSec);
  const p99s = runs.map((r) => r.p99Ms).filter((p): p is number => p !== null);
  return {
    tool: runs[0]!.tool,
    runs: runs.length,
    medianMessages: median(runs.map((r) => r.messages)),
    medianMsgsPerSec: median(rates),
    minMsgsPerSec: Math.min(...rates),
    maxMsgsPerSec: Math.max(...rates),
    medianMBPerSec: median(runs.map((r) => r.mbPerSec)),
    medianCpuUsPerMsg: median(runs.map((r) => r.cpuUsPerMsg)),
    medianPeakRssMb: median(runs.map((r) => r.peakRssMb)),
    medianP99Ms: p99s.length > 0 ? median(p99s) : null,
    ratioToKload1t: null,
    scalingEfficiency: null,
  };
}

/**
 * Round r runs the tools forward when r is even and backward when odd, so no tool always goes
 * first on a cold broker or last on a full page cache.
 */
export function roundOrder<T>(tools: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...tools] : [...tools].reverse();
}
