/**
 * A sparse count per schedule interval ([b, b+1) × intervalUs from the schedule start): consumers
 * count re-reads by the interval their message was meant to be sent in, so a fault's window can
 * pick its own. Re-reads are rare, so a map stays small.
 */
export class CountsByInterval {
  private readonly counts = new Map<number, number>();

  constructor(private readonly intervalUs: number) {}

  /** One event for the message intended at `offsetUs` from the schedule start (before it: interval 0). */
  count(offsetUs: number): void {
    if (!Number.isFinite(offsetUs)) return;
    const index = Math.max(0, Math.floor(offsetUs / this.intervalUs));
    this.counts.set(index, (this.counts.get(index) ?? 0) + 1);
  }

  /** [interval index, count], in interval order. */
  toEntries(): [number, number][] {
    return [...this.counts].sort((a, b) => a[0] - b[0]);
  }
}
