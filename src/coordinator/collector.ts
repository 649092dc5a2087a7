import { IntervalSeries } from '../metrics/interval-series.js';
import { createLatencyHistogram, decodeHistogram } from '../metrics/histogram.js';
import type { WorkerMessage } from '../workers/protocol.js';
import { assertNever } from '../errors.js';
import { groupLag } from '../segment/position-source.js';

/** What happened in the last progress period, summed over every worker. */
export interface ProgressWindow {
  sent: number;
  acked: number;
  consumed: number;
  ackedBytes: number;
  publishP99Us: number;
}

/**
 * Everything the coordinator learns from workers while they run: per-phase interval series,
 * consumer assignments and drain counts, client errors, and a rolling window for progress lines.
 */
export class Collector {
  readonly series: IntervalSeries[];
  /** group -> member -> partitions it holds now. */
  readonly assignments = new Map<string, Map<number, number>>();
  /** worker -> group -> partition -> next offset it will read. */
  private readonly positionsByWorker = new Map<number, Record<string, Record<number, number>>>();
  readonly clientErrors: string[] = [];
  readonly ready = new Set<number>();
  private window = emptyWindow();
  private windowHistogram = createLatencyHistogram();

  constructor(phaseCount: number, intervalMs: number) {
    this.series = Array.from({ length: phaseCount }, () => new IntervalSeries(intervalMs));
  }

  handle(m: WorkerMessage): void {
    switch (m.type) {
      case 'ready':
        this.ready.add(m.workerId);
        return;
      case 'assignment':
        if (!this.assignments.has(m.group)) this.assignments.set(m.group, new Map());
        this.assignments.get(m.group)!.set(m.member, m.partitions);
        return;
      case 'interval':
        this.series[m.phaseIndex]?.add(m.delta);
        this.window.sent += m.delta.sent;
        this.window.acked += m.delta.acked;
        this.window.consumed += m.delta.consumed;
        this.window.ackedBytes += m.delta.ackedBytes;
        if (m.delta.publishHistogram) this.windowHistogram.add(decodeHistogram(m.delta.publishHistogram));
        return;
      case 'consumed':
        this.positionsByWorker.set(m.workerId, m.positions);
        return;
      case 'client-error':
        if (this.clientErrors.length < 1000) this.clientErrors.push(m.message);
        return;
      default:
        return assertNever(m, 'worker message');
    }
  }

  /** Partitions currently assigned to the members of a group. */
  assignedPartitions(group: string): number {
    let n = 0;
    for (const partitions of this.assignments.get(group)?.values() ?? []) n += partitions;
    return n;
  }

  /** Next offset per partition for a group: the furthest any of its members (in any thread) read. */
  positionsOf(group: string): Map<number, number> {
    const out = new Map<number, number>();
    for (const byGroup of this.positionsByWorker.values()) {
      for (const [partition, next] of Object.entries(byGroup[group] ?? {})) {
        const p = Number(partition);
        out.set(p, Math.max(out.get(p) ?? 0, next));
      }
    }
    return out;
  }

  /** Messages between each group's position and the high watermarks, summed over groups and partitions. */
  lag(groups: string[], high: number[]): number {
    return groupLag(this, groups, high);
  }

  /** Returns the window since the last call and starts a new one. */
  takeWindow(): ProgressWindow {
    const w = {
      ...this.window,
      publishP99Us: this.windowHistogram.totalCount > 0 ? this.windowHistogram.getValueAtPercentile(99) : 0,
    };
    this.window = emptyWindow();
    this.windowHistogram.reset();
    return w;
  }
}

function emptyWindow(): Omit<ProgressWindow, 'publishP99Us'> {
  return { sent: 0, acked: 0, consumed: 0, ackedBytes: 0 };
}
