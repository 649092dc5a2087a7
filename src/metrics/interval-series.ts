/**
 * Folds the per-interval deltas of all workers into one time series per phase: deltas that share
 * an interval index are summed, and their publish histograms merged before taking percentiles
 * (percentiles of different workers cannot be averaged).
 */
import type { IntervalHistograms, IntervalStats } from '../result/result-types.js';
import { BYTES_PER_MB } from '../result/phase-figures.js';
import { encodeHistogram, mergeEncoded } from './histogram.js';
import {
  HISTOGRAM_FIELD,
  INTERVAL_LATENCY_KINDS,
  type IntervalDelta,
  type IntervalLatencyKind,
} from './interval-types.js';

interface IntervalTotals {
  sent: number;
  acked: number;
  consumed: number;
  ackedBytes: number;
  /**
   * Kept encoded (~2 KB for a busy second) and merged only in toArray(): a decoded histogram
   * sized for 60 s takes ~140 KB, and an hour-long run has 3,600 intervals.
   */
  histograms: Record<IntervalLatencyKind, string[]>;
}

export class IntervalSeries {
  readonly #intervalMs: number;
  readonly #totals = new Map<number, IntervalTotals>();
  /** The last index with a count: latency-only deltas past it (late acks) add no silent seconds. */
  #lastCounted = -1;

  constructor(intervalMs: number) {
    if (!(intervalMs > 0)) throw new RangeError(`intervalMs must be positive, got ${intervalMs}`);
    this.#intervalMs = intervalMs;
  }

  add(delta: IntervalDelta): void {
    if (!Number.isInteger(delta.index) || delta.index < 0) {
      throw new RangeError(`interval index must be a non-negative integer, got ${delta.index}`);
    }
    const totals = this.#totals.get(delta.index) ?? emptyTotals();
    totals.sent += delta.sent;
    totals.acked += delta.acked;
    totals.consumed += delta.consumed;
    totals.ackedBytes += delta.ackedBytes;
    for (const kind of INTERVAL_LATENCY_KINDS) {
      const encoded = delta[HISTOGRAM_FIELD[kind]];
      if (typeof encoded === 'string') totals.histograms[kind].push(encoded);
    }
    this.#totals.set(delta.index, totals);
    if (delta.sent + delta.acked + delta.consumed > 0) this.#lastCounted = Math.max(this.#lastCounted, delta.index);
  }

  /**
   * One entry per interval from 0 to the last index reported, in order. An index no worker
   * reported becomes a zero interval rather than a gap: silence means nothing was sent, acked or
   * consumed (a stalled generator), and hiding it would flatter the run.
   */
  toArray(): IntervalStats[] {
    const series: IntervalStats[] = [];
    for (let index = 0; index <= this.#lastCounted; index++) {
      series.push(this.#stats(index, this.#totals.get(index) ?? emptyTotals()));
    }
    return series;
  }

  /**
   * The series as deltas again, one per interval index with its histograms merged: what a segment
   * saves, so another process can add it to the series of other segments (shifted by `shift`).
   */
  toDeltas(): IntervalDelta[] {
    return [...this.#totals.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, t]) => ({
        index,
        sent: t.sent,
        acked: t.acked,
        consumed: t.consumed,
        ackedBytes: t.ackedBytes,
        publishHistogram: merged(t.histograms.publish),
        scheduleDelayHistogram: merged(t.histograms.scheduleDelay),
        serviceHistogram: merged(t.histograms.service),
        endToEndHistogram: merged(t.histograms.endToEnd),
      }));
  }

  /** Every interval's histogram per kind, merged over workers (null where none), for the result. */
  histograms(): IntervalHistograms {
    let last = -1;
    for (const index of this.#totals.keys()) last = Math.max(last, index);
    const list = (kind: IntervalLatencyKind) =>
      Array.from({ length: last + 1 }, (_, i) => merged(this.#totals.get(i)?.histograms[kind] ?? []));
    return {
      intervalSec: this.#intervalMs / 1000,
      publish: list('publish'),
      service: list('service'),
      scheduleDelay: list('scheduleDelay'),
      endToEnd: list('endToEnd'),
    };
  }

  #stats(index: number, totals: IntervalTotals): IntervalStats {
    const seconds = this.#intervalMs / 1000;
    const publish = totals.histograms.publish.length > 0 ? mergeEncoded(totals.histograms.publish) : null;
    const hasLatencies = publish !== null && publish.totalCount > 0;
    const delays = totals.histograms.scheduleDelay;
    const delay = delays.length > 0 ? mergeEncoded(delays) : null;
    return {
      elapsedSec: ((index + 1) * this.#intervalMs) / 1000,
      sentPerSec: totals.sent / seconds,
      ackedPerSec: totals.acked / seconds,
      consumedPerSec: totals.consumed / seconds,
      ackedMBPerSec: totals.ackedBytes / BYTES_PER_MB / seconds,
      publishP50Us: hasLatencies ? publish.getValueAtPercentile(50) : 0,
      publishP99Us: hasLatencies ? publish.getValueAtPercentile(99) : 0,
      publishMaxUs: hasLatencies ? publish.maxValue : 0,
      scheduleDelayP99Us: delay !== null && delay.totalCount > 0 ? delay.getValueAtPercentile(99) : 0,
      // Filled in by the coordinator, which knows the schedule and samples the lag.
      targetPerSec: null,
      consumerLag: null,
    };
  }
}

function emptyTotals(): IntervalTotals {
  return {
    sent: 0,
    acked: 0,
    consumed: 0,
    ackedBytes: 0,
    histograms: { publish: [], service: [], scheduleDelay: [], endToEnd: [] },
  };
}

function merged(encoded: string[]): string | null {
  if (encoded.length === 0) return null;
  return encoded.length === 1 ? encoded[0]! : encodeHistogram(mergeEncoded(encoded));
}
