/**
 * Pure: the ack gaps of every producer thread folded into one list per partition. A partition is
 * unavailable while *no* thread gets an ack from it, so its gaps are the intersection of the
 * threads' silences; a thread is silent on a partition before its first ack there and in each gap
 * it recorded. Threads that never had an ack from the partition do not write to it and are left out.
 */
import type { PartitionAckGaps, ProducerWorkerResult } from '../workers/protocol.js';

export interface AckGap {
  partition: number;
  /** µs from the schedule start: the last ack before it, and the first after (or the schedule end). */
  fromUs: number;
  toUs: number;
  /** No ack came after it: it lasted until the schedule ended. */
  open: boolean;
}

type Span = [number, number];

/** Every partition's gaps, in time order per partition; workers of older versions contribute nothing. */
export function mergeAckGaps(workers: ProducerWorkerResult[]): AckGap[] {
  const byPartition = new Map<number, PartitionAckGaps[]>();
  for (const w of workers) {
    for (const p of w.ackGaps ?? []) {
      if (!byPartition.has(p.partition)) byPartition.set(p.partition, []);
      byPartition.get(p.partition)!.push(p);
    }
  }
  const out: AckGap[] = [];
  for (const [partition, threads] of [...byPartition].sort((a, b) => a[0] - b[0])) {
    let silent: Span[] = [[-Infinity, Infinity]];
    for (const t of threads) silent = intersect(silent, silenceOf(t));
    const gaps = silent.filter(([from]) => from > -Infinity);
    const allOpen = threads.every((t) => t.openAtEnd);
    gaps.forEach(([fromUs, toUs], i) => {
      out.push({ partition, fromUs, toUs, open: allOpen && i === gaps.length - 1 });
    });
  }
  return out;
}

/** The longest gap that overlaps [fromUs, toUs], or null when none does. */
export function longestGapIn(gaps: AckGap[], fromUs: number, toUs: number): AckGap | null {
  let best: AckGap | null = null;
  for (const g of gaps) {
    if (g.toUs <= fromUs || g.fromUs >= toUs) continue;
    if (best === null || g.toUs - g.fromUs > best.toUs - best.fromUs) best = g;
  }
  return best;
}

function silenceOf(t: PartitionAckGaps): Span[] {
  const spans: Span[] = [[-Infinity, t.firstAckUs]];
  for (const [from, to] of t.gapsUs) if (to > from) spans.push([from, to]);
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Intersection of two sorted lists of disjoint spans. */
function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i]![0], b[j]![0]);
    const to = Math.min(a[i]![1], b[j]![1]);
    if (from < to) out.push([from, to]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}
