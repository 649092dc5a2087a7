/**
 * Pure: lost, duplicated and out-of-order counts per phase, from the producers' acknowledged
 * sequence numbers and every group's consumed ones. A group must read each acknowledged message
 * once: acknowledged but read by no member = lost; read twice, by one thread or by two (after a
 * rebalance moved a partition) = duplicated. Counts are summed over groups.
 * "Read by no member" proves a loss only once the drain finished: a run stopped before (Ctrl-C,
 * a failure, the drain timeout) still had messages on their way, so those are `unverified`.
 */
import type { IntegrityCounts } from '../result/result-types.js';
import { countOnlyIn, countOverlaps, SeqBitmap } from '../metrics/seq-bitmap.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../workers/protocol.js';

/** `drained`: every group read up to the watermarks the producers left (see coordinator/drain.ts). */
export function integrityByPhase(
  phaseCount: number,
  groups: string[],
  producers: ProducerWorkerResult[],
  consumers: ConsumerWorkerResult[],
  drained: boolean,
): IntegrityCounts[] {
  const counts: IntegrityCounts[] = Array.from({ length: phaseCount }, (_, p) => ({
    lost: 0,
    unverified: 0,
    // Re-reads within one thread and order breaks were counted as they happened.
    duplicated: consumers.reduce((n, c) => n + (c.phases[p]?.duplicated ?? 0), 0),
    outOfOrder: consumers.reduce((n, c) => n + (c.phases[p]?.outOfOrder ?? 0), 0),
  }));
  const ledgers = producers.flatMap((w) => w.producers);
  for (const group of groups) {
    const readBy = consumedBitmaps(group, consumers);
    for (const ledger of ledgers) {
      const acked = new SeqBitmap(ledger.acked);
      const reads = readBy.get(ledger.producerId) ?? [];
      for (let p = 0; p < phaseCount; p++) {
        const from = ledger.phaseStartSeq[p] ?? 0;
        const to = ledger.phaseStartSeq[p + 1] ?? from;
        const unread = countOnlyIn(acked, reads, from, to);
        if (drained) counts[p]!.lost += unread;
        else counts[p]!.unverified += unread;
        counts[p]!.duplicated += countOverlaps(reads, from, to);
      }
    }
  }
  return counts;
}

/** producer id -> the bitmaps of the group's threads that read from it. */
export function consumedBitmaps(group: string, consumers: ConsumerWorkerResult[]): Map<number, SeqBitmap[]> {
  const out = new Map<number, SeqBitmap[]>();
  for (const c of consumers) {
    for (const g of c.groups) {
      if (g.group !== group) continue;
      for (const { producerId, seqs } of g.consumed) {
        if (!out.has(producerId)) out.set(producerId, []);
        out.get(producerId)!.push(new SeqBitmap(seqs));
      }
    }
  }
  return out;
}
