/**
 * One producer client's first sequence number per schedule interval, by intended send time: the
 * map from a time window (a fault's) to the sequence numbers of the messages meant to be sent in
 * it. A client's intended times grow with its sequence numbers (paced: the schedule's order;
 * unpaced: the send time), so one number per interval is the whole map, and noting a message
 * costs one compare.
 */
export class SendTimeline {
  /** startSeq[b] = the first sequence number intended in interval b or later. */
  private readonly startSeq: number[] = [];
  private nextBoundaryUs = 0;

  constructor(private readonly intervalUs: number) {}

  /** A message that went to the client: its sequence number and intended time (µs from the schedule start). */
  note(seq: number, intendedUs: number): void {
    if (intendedUs >= this.nextBoundaryUs) this.cross(seq, intendedUs);
  }

  toArray(): number[] {
    return [...this.startSeq];
  }

  private cross(seq: number, intendedUs: number): void {
    const interval = Math.floor(intendedUs / this.intervalUs);
    // Intervals this client sent nothing in start where the next message does.
    while (this.startSeq.length <= interval) this.startSeq.push(seq);
    this.nextBoundaryUs = (interval + 1) * this.intervalUs;
  }
}

/** The first sequence number intended in interval `index` or later, from a saved timeline. */
export function seqAtInterval(startSeq: readonly number[], index: number, totalSent: number): number {
  if (index <= 0) return 0;
  return index < startSeq.length ? startSeq[index]! : totalSent;
}
