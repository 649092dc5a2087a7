import { createRecordingHistogram, encodeHistogram, recordUs, type Histogram } from '../metrics/histogram.js';
import { HISTOGRAM_FIELD, INTERVAL_LATENCY_KINDS, type IntervalDelta } from '../metrics/interval-types.js';

/** Index into INTERVAL_LATENCY_KINDS, so the hot path passes a small integer. */
export const Kind = { publish: 0, service: 1, scheduleDelay: 2, endToEnd: 3 } as const;
export type KindIndex = (typeof Kind)[keyof typeof Kind];

interface Bucket {
  phaseIndex: number;
  index: number;
  histograms: (Histogram | null)[];
}

/** Wide enough for any interval count of one phase (a week of 1 s intervals is 604,800). */
const INDEX_SPAN = 2 ** 22;

/**
 * HdrHistogram's Recorder pattern, keyed by (the message's phase, the interval the latency was
 * measured in): values go into the live histograms; take() hands over everything recorded since
 * the last take and starts again with histograms from a small pool (WASM histograms are not
 * cheap to create, and a busy thread takes once a second). Usually one bucket is live; around a
 * phase change a second one holds the previous phase's late acks.
 */
export class IntervalLatencies {
  readonly #buckets = new Map<number, Bucket>();
  readonly #pool: Histogram[] = [];
  #lastKey = -1;
  #last: Bucket | null = null;

  record(kind: KindIndex, phaseIndex: number, index: number, valueUs: number): void {
    const key = phaseIndex * INDEX_SPAN + index;
    let bucket = this.#last;
    if (key !== this.#lastKey || bucket === null) {
      bucket = this.#buckets.get(key) ?? null;
      if (bucket === null) {
        bucket = { phaseIndex, index, histograms: [null, null, null, null] };
        this.#buckets.set(key, bucket);
      }
      this.#lastKey = key;
      this.#last = bucket;
    }
    const h = (bucket.histograms[kind] ??= this.#pool.pop() ?? createRecordingHistogram());
    recordUs(h, valueUs);
  }

  /** Every bucket with a value, encoded as delta histogram fields; the recorder is empty after. */
  take(): { phaseIndex: number; index: number; fields: Partial<IntervalDelta> }[] {
    const out: { phaseIndex: number; index: number; fields: Partial<IntervalDelta> }[] = [];
    for (const bucket of this.#buckets.values()) {
      const fields: Partial<IntervalDelta> = {};
      let any = false;
      bucket.histograms.forEach((h, kind) => {
        if (h === null) return;
        if (h.totalCount > 0) {
          fields[HISTOGRAM_FIELD[INTERVAL_LATENCY_KINDS[kind]!]] = encodeHistogram(h);
          any = true;
        }
        h.reset();
        this.#pool.push(h);
      });
      if (any) out.push({ phaseIndex: bucket.phaseIndex, index: bucket.index, fields });
    }
    this.#buckets.clear();
    this.#lastKey = -1;
    this.#last = null;
    return out;
  }
}
