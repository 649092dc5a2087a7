/**
 * Pure: lost and duplicated messages among those intended in a range of schedule intervals. The
 * producers saved each client's first sequence number per interval, so the range is one seq range
 * per client, checked against the same bitmaps as the run's integrity (lost = acknowledged, read by
 * no member of a group; duplicated = read by two threads of a group). Re-reads inside one thread
 * left no trace in the bitmaps; consumers counted those by interval as they happened.
 *
 * Why intervals and not exact times: one number per client and second keeps worker results small
 * (an hour is 3,600 numbers a client), where exact attribution would need a time per message.
 */
import { countOnlyIn, countOverlaps, SeqBitmap } from '../metrics/seq-bitmap.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../workers/protocol.js';
import { seqAtInterval } from '../workers/send-timeline.js';
import type { WindowCounts } from './fault-impact.js';
import { consumedBitmaps } from '../coordinator/integrity.js';

/**
 * A counter for the run's workers; it answers null without consumers, or when a worker's result
 * has no interval map (a result of an older kload).
 */
export function windowCounter(
  groups: string[],
  producers: ProducerWorkerResult[],
  consumers: ConsumerWorkerResult[],
  /** False when the drain was cut short: unread messages may only be late, so lost is not known (null). */
  drained = true,
): (fromInterval: number, toInterval: number) => WindowCounts | null {
  const ledgers = producers.flatMap((w) => w.producers);
  const measurable =
    groups.length > 0 &&
    consumers.length > 0 &&
    ledgers.every((l) => l.intervalStartSeq !== undefined) &&
    consumers.every((c) => c.duplicatedByInterval !== undefined);
  if (!measurable) return () => null;
  const acked = ledgers.map((l) => new SeqBitmap(l.acked));
  const reads = groups.map((g) => consumedBitmaps(g, consumers));
  return (fromInterval, toInterval) => {
    let lost = 0;
    let duplicated = 0;
    ledgers.forEach((l, i) => {
      const total = l.phaseStartSeq.at(-1) ?? 0;
      const from = seqAtInterval(l.intervalStartSeq!, fromInterval, total);
      const to = seqAtInterval(l.intervalStartSeq!, toInterval, total);
      for (const byProducer of reads) {
        const maps = byProducer.get(l.producerId) ?? [];
        lost += countOnlyIn(acked[i]!, maps, from, to);
        duplicated += countOverlaps(maps, from, to);
      }
    });
    for (const c of consumers) {
      for (const [index, n] of c.duplicatedByInterval!)
        if (index >= fromInterval && index < toInterval) duplicated += n;
    }
    return { lost: drained ? lost : null, duplicated };
  };
}
