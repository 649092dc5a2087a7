import type { WatermarkReader } from '../kafka/watermarks.js';
import { nowUs } from '../workers/clock.js';
import type { PositionSource } from '../segment/position-source.js';

/**
 * Once a second, consumer lag: the topic's high watermarks minus how far each group has read
 * (positions the consumers report; see segment/group-positions.ts), summed over groups. Stored
 * by phase and interval index so it lands in the interval series next to the rates.
 */
export class LagSampler {
  readonly samples: Map<number, number>[];
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

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

  start(startAtUs: number): void {
    this.timer = setInterval(() => void this.sample(startAtUs), 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async sample(startAtUs: number): Promise<void> {
    if (this.busy) return; // a slow broker must not pile up requests
    this.busy = true;
    try {
      const elapsedSec = (nowUs() - startAtUs) / 1e6;
      const high = await this.reader.highWatermarks(this.topic, this.partitions, 2000);
      let phase = 0;
      while (phase + 1 < this.phaseStartsSec.length && elapsedSec >= this.phaseStartsSec[phase + 1]!) phase++;
      const index = Math.max(0, Math.floor(elapsedSec - this.phaseStartsSec[phase]!));
      this.samples[phase]!.set(index, this.positions.lag(this.groups, high));
    } catch {
      // A missed sample leaves a gap (null) in the series; the run goes on.
    } finally {
      this.busy = false;
    }
  }
}
