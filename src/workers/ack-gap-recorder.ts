/**
 * Per partition, the stretches of time without an acknowledgement: what a fault's unavailability
 * is measured from. On the hot path it costs one compare per ack and allocates nothing; a gap is
 * written down only when it is longer than the floor, which a healthy cluster does not reach.
 *
 * Acks of one thread's clients are settled client by client, so their times may step back by up
 * to one loop turn (~1 ms); a partition's clock only moves forward, which can shorten a gap by at
 * most that turn, never invent one.
 */
import type { PartitionAckGaps } from './protocol.js';

/**
 * 100 ms: above what a healthy cluster leaves between acks of a partition that is written at
 * least ~20 msg/s (linger.ms, batching and a loaded broker's p99 stay in the tens of ms), below
 * what any fault costs (an election or a paused leader take seconds), and finer than the report's
 * 1 s intervals, so a gap says more than the charts do.
 */
export const ACK_GAP_FLOOR_US = 100_000;
/** Gaps kept per partition and thread; a slow partition over the floor at every ack keeps its longest. */
export const MAX_GAPS_PER_PARTITION = 256;

interface GapList {
  gaps: [number, number][];
  dropped: number;
}

export class AckGapRecorder {
  private lastAckUs = new Float64Array(64).fill(Number.NaN);
  private firstAckUs = new Float64Array(64).fill(Number.NaN);
  private readonly lists = new Map<number, GapList>();

  constructor(
    private readonly floorUs = ACK_GAP_FLOOR_US,
    private readonly maxGaps = MAX_GAPS_PER_PARTITION,
  ) {}

  /** An ack of `partition` at `ackUs` (µs from the schedule start). */
  ack(partition: number, ackUs: number): void {
    if (partition >= this.lastAckUs.length) this.grow(partition);
    const last = this.lastAckUs[partition]!;
    // NaN (no ack yet) fails every comparison: the first ack only starts the clock. A partition
    // below 0 (never in a successful report) reads undefined and is ignored the same way.
    if (ackUs > last) {
      if (ackUs - last > this.floorUs) this.record(partition, last, ackUs);
      this.lastAckUs[partition] = ackUs;
    } else if (Number.isNaN(last)) {
      this.firstAckUs[partition] = ackUs;
      this.lastAckUs[partition] = ackUs;
    }
  }

  /** Every partition that had an ack; a partition silent since before `endUs` - floor gets an open gap. */
  finish(endUs: number): PartitionAckGaps[] {
    const out: PartitionAckGaps[] = [];
    for (let partition = 0; partition < this.lastAckUs.length; partition++) {
      const last = this.lastAckUs[partition]!;
      if (Number.isNaN(last)) continue;
      const list = this.lists.get(partition) ?? { gaps: [], dropped: 0 };
      const openAtEnd = endUs - last > this.floorUs;
      if (openAtEnd) list.gaps.push([last, endUs]);
      out.push({
        partition,
        firstAckUs: this.firstAckUs[partition]!,
        lastAckUs: last,
        gapsUs: [...list.gaps].sort((a, b) => a[0] - b[0]),
        openAtEnd,
        dropped: list.dropped,
      });
    }
    return out;
  }

  private record(partition: number, fromUs: number, toUs: number): void {
    let list = this.lists.get(partition);
    if (!list) {
      list = { gaps: [], dropped: 0 };
      this.lists.set(partition, list);
    }
    if (list.gaps.length < this.maxGaps) {
      list.gaps.push([fromUs, toUs]);
      return;
    }
    list.dropped++;
    let shortest = 0;
    for (let i = 1; i < list.gaps.length; i++) {
      const [a, b] = list.gaps[i]!;
      const [sa, sb] = list.gaps[shortest]!;
      if (b - a < sb - sa) shortest = i;
    }
    const [sa, sb] = list.gaps[shortest]!;
    if (toUs - fromUs > sb - sa) list.gaps[shortest] = [fromUs, toUs];
  }

  private grow(partition: number): void {
    if (partition < 0) return;
    let size = this.lastAckUs.length;
    while (size <= partition) size *= 2;
    const last = new Float64Array(size).fill(Number.NaN);
    const first = new Float64Array(size).fill(Number.NaN);
    last.set(this.lastAckUs);
    first.set(this.firstAckUs);
    this.lastAckUs = last;
    this.firstAckUs = first;
  }
}
