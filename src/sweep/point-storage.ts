/**
 * S for E = T/S: the bytes a point's measured phase stored, never the warmup's. Counting the
 * whole topic mixed the warmup's messages (another rate, so other batch sizes and per-message
 * overhead) into every point by a share that differs per point (0.4-6% in sweep-small), which
 * biased the fitted exponents. The topic's high watermarks are read the moment the measured phase
 * begins (OffsetsAtPhaseStart); S is then every replica's bytes from those offsets on, and the
 * messages they hold are the watermarks' growth since, so bytes and messages are of the same records.
 */
import { WatermarkReader } from '../kafka/watermarks.js';
import type { Phase } from '../scenario/types.js';
import { nowUs } from '../workers/clock.js';
import type { PointStorage } from './sweep-result-types.js';

/** Milliseconds from the schedule's start to the measured phase's (the last recorded one; see measure-point.ts). */
export function measuredPhaseOffsetMs(phases: readonly Phase[]): number | null {
  let measured = phases.length - 1;
  while (measured >= 0 && phases[measured]!.type === 'warmup') measured--;
  if (measured < 0) return null;
  return phases.slice(0, measured).reduce((ms, phase) => ms + phase.durationMs, 0);
}

/** The stored bytes from the measured phase's first offsets, with the messages from there, per message. */
export function pointStorage(o: {
  /** Every replica's bytes from `firstOffsets` on (stored-bytes.ts topicLogBytesFrom). */
  logBytes: number;
  firstOffsets: readonly number[];
  /** High watermarks after the point. */
  endOffsets: readonly number[];
  messageBytes: number;
}): PointStorage {
  const messages = o.endOffsets.reduce((n, end, p) => n + Math.max(0, end - (o.firstOffsets[p] ?? 0)), 0);
  const bytesPerMessage = messages > 0 ? o.logBytes / messages : 0;
  return {
    logBytes: o.logBytes,
    messages,
    bytesPerMessage,
    overheadBytesPerMessage: bytesPerMessage - o.messageBytes,
    firstOffsets: [...o.firstOffsets],
  };
}

/**
 * Hands runSegment a `chooseStart` that keeps the default start (200 ms after every client is
 * ready) and, from it, reads the topic's high watermarks when the measured phase begins. Where
 * exactly the line falls (a warmup message still in flight, a timer a few ms late) moves a few
 * messages from one side to the other, but bytes and messages are counted from the same offsets.
 */
export class OffsetsAtPhaseStart {
  private reader: WatermarkReader | null = null;
  private timer: NodeJS.Timeout | null = null;
  private offsets: number[] | null = null;

  constructor(
    private readonly connect: () => Promise<WatermarkReader>,
    private readonly topic: string,
    private readonly partitions: number,
    private readonly offsetMs: number,
  ) {}

  static forCluster(
    o: { brokers: string; clientConfig: Record<string, string> },
    topic: string,
    partitions: number,
    offsetMs: number,
  ) {
    return new OffsetsAtPhaseStart(
      () => WatermarkReader.connect(o.brokers, o.clientConfig),
      topic,
      partitions,
      offsetMs,
    );
  }

  readonly chooseStart = async (): Promise<number> => {
    this.reader = await this.connect();
    const reader = this.reader;
    const startAtUs = nowUs() + 200_000;
    this.timer = setTimeout(() => {
      reader.highWatermarks(this.topic, this.partitions).then(
        (offsets) => (this.offsets = offsets),
        () => undefined, // no reading: the point then has no stored bytes, and says so
      );
    }, 200 + this.offsetMs);
    this.timer.unref();
    return startAtUs;
  };

  /** The measured phase's first offset per partition; null until it began (or if the read failed). */
  get firstOffsets(): number[] | null {
    return this.offsets;
  }

  /** The high watermarks now (after the point), from the same client. */
  async endOffsets(): Promise<number[]> {
    if (this.reader === null) throw new Error('endOffsets() before the run started');
    return this.reader.highWatermarks(this.topic, this.partitions);
  }

  /** After the point: a run stopped before its measured phase never takes the reading. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.reader?.close();
    this.reader = null;
  }
}
