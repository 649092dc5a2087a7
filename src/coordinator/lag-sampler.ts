import type { WatermarkReader } from '../kafka/watermarks.js';
import { nowUs } from '../workers/clock.js';
import type { PositionSource } from '../segment/position-source.js';

/** Consumer threads report their positions every 200 ms; wait a little longer than that for a fresh one. */
const FRESH_WAIT_US = 250_000;
/** How often to look for a fresh report: a position is used at most this old. */
const POLL_MS = 2;

/**
 * Once a second, consumer lag: the topic's high watermarks minus how far each group has read
 * (positions the consumers report; see segment/group-positions.ts), summed over groups. Stored
 * by phase and interval index so it lands in the interval series next to the rates.
 *
 * A reported position is up to one report period (200 ms) old, so lag read against a fresh
 * watermark overstated by rate × that age: ~500 messages at 5,000 msg/s where the true lag is
 * rate × the produce→consume delay, a few dozen. So each partition's watermark is read the moment
 * a fresh report moves its position: position and watermark are then a few milliseconds apart.
 */
export class LagSampler {
  readonly samples: Map<number, number>[];
  /** The last sample taken, for live views; null before the first. */
  latest: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private stopped = false;

  constructor(
    private readonly reader: WatermarkReader,
    private readonly topic: string,
    private readonly partitions: number,
    private readonly groups: string[],
    private readonly positions: PositionSource,
    private readonly phaseStartsSec: number[],
  ) {
    this.samples = phaseStartsSec.map(() => new Map());
  }

  /** Samples in the middle of each second of the schedule, so the reads never straddle two phases. */
  start(startAtUs: number): void {
    this.timer = setTimeout(
      () => {
        void this.sample(startAtUs);
        this.timer = setInterval(() => void this.sample(startAtUs), 1000);
        this.timer.unref();
      },
      Math.max(0, (startAtUs - nowUs()) / 1000) + 500,
    );
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async sample(startAtUs: number): Promise<void> {
    if (this.busy) return; // a slow broker must not pile up requests
    this.busy = true;
    try {
      const elapsedSec = (nowUs() - startAtUs) / 1e6;
      let phase = 0;
      while (phase + 1 < this.phaseStartsSec.length && elapsedSec >= this.phaseStartsSec[phase + 1]!) phase++;
      const index = Math.max(0, Math.floor(elapsedSec - this.phaseStartsSec[phase]!));
      const lag = await this.alignedLag();
      if (!this.stopped) {
        this.samples[phase]!.set(index, lag);
        this.latest = lag;
      }
    } catch {
      // A missed sample leaves a gap (null) in the series; the run goes on.
    } finally {
      this.busy = false;
    }
  }

  /** Σ over groups and partitions of high watermark − position, each pair read together. */
  private async alignedLag(): Promise<number> {
    const before = this.groups.map((g) => this.positions.positionsOf(g));
    // group index × partitions + partition, for every pair still waiting for a fresh position
    const pending = new Set(Array.from({ length: this.groups.length * this.partitions }, (_, key) => key));
    const reads: Promise<number>[] = [];
    const readNow = (key: number, next: number | undefined) => {
      pending.delete(key);
      reads.push(this.partitionLag(key % this.partitions, next ?? 0));
    };
    const deadline = nowUs() + FRESH_WAIT_US;
    while (pending.size > 0 && nowUs() < deadline && !this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const now = this.groups.map((g) => this.positions.positionsOf(g));
      for (const key of [...pending]) {
        const g = Math.floor(key / this.partitions);
        const next = now[g]!.get(key % this.partitions);
        if (next !== before[g]!.get(key % this.partitions)) readNow(key, next);
      }
    }
    // Not moved for a whole report period: nothing was read from it meanwhile, so the position
    // is current (a stalled or idle member, or a partition no member holds yet).
    const last = this.groups.map((g) => this.positions.positionsOf(g));
    for (const key of [...pending]) readNow(key, last[Math.floor(key / this.partitions)]!.get(key % this.partitions));
    return (await Promise.all(reads)).reduce((a, b) => a + b, 0);
  }

  private async partitionLag(partition: number, next: number): Promise<number> {
    const high = await this.reader.highWatermark(this.topic, partition, 2000);
    return Math.max(0, high - next);
  }
}
