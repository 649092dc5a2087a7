/**
 * Latency histograms: thin wrappers over hdr-histogram-js so the rest of kload records, ships and
 * summarises latencies one way. Values are integer microseconds.
 *
 * Two engines. Workers record into WebAssembly histograms (~27 ns a record against ~150 ns for
 * the JS ones on this machine, and a producer records three per message); everything else —
 * decoding, merging, percentiles — uses JS histograms, because JS and WASM histograms cannot be
 * added to each other. Both encode to the same HdrHistogram V2 format, which is what crosses.
 */
import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, initWebAssembly } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import { KloadError } from '../errors.js';
import type { LatencySummaryUs } from '../result/result-types.js';

export type { Histogram };

/** 60 s in µs: sized for stalls up front; autoResize still keeps anything longer. */
const HIGHEST_TRACKABLE_US = 60_000_000;

let wasmLoaded = false;

/** Loads the WASM engine in this thread; worker tasks await it before creating histograms. */
export async function loadRecordingEngine(): Promise<void> {
  await initWebAssembly();
  wasmLoaded = true;
}

/**
 * A histogram to record into on a hot path and ship encoded: WASM once loadRecordingEngine()
 * ran in this thread, JS otherwise. Never destroy()ed: a delivery report arriving after that
 * would throw inside a native callback; the worker's thread, and its WASM memory, end with
 * the run.
 */
export function createRecordingHistogram(): Histogram {
  return createLatencyHistogram(wasmLoaded);
}

/** A JS histogram: what merging and reporting use (`useWebAssembly` is for recording only). */
export function createLatencyHistogram(useWebAssembly = false): Histogram {
  return build({
    useWebAssembly,
    // 64-bit counts: a long run at high rate must not overflow one bucket's counter.
    bitBucketSize: 64,
    // A stall longer than the range must still be counted, never dropped or thrown.
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_US,
    numberOfSignificantValueDigits: 3,
  });
}

/**
 * Records one latency. The library needs integers (fractions land in the wrong bucket while
 * still moving max) and throws on negatives; a negative latency is real, though: end-to-end
 * latency subtracts timestamps from two clocks (producer host vs consumer host, or a wall clock
 * stepped by NTP), so small skews go below zero. Counting those as 0 keeps the message in the
 * count instead of crashing the worker. NaN (and ±Infinity) come from a missing timestamp and
 * would silently bump the total count without a bucket, so they are ignored.
 */
export function recordUs(h: Histogram, valueUs: number): void {
  if (!Number.isFinite(valueUs)) return;
  h.recordValue(valueUs <= 0 ? 0 : Math.round(valueUs));
}

/** HdrHistogram V2 compressed base64: how histograms cross threads and land in result files. */
export function encodeHistogram(h: Histogram): string {
  return encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): Histogram {
  let h: Histogram;
  try {
    // 64 to match createLatencyHistogram(); the library's default (32) could overflow on merge.
    h = decodeFromCompressedBase64(encoded, 64);
  } catch (cause) {
    throw new KloadError('INVALID_ARGUMENT', 'Not an HdrHistogram compressed base64 string', {
      hint: 'The histogram in the result file is damaged; re-run to regenerate it.',
      cause,
    });
  }
  // Decoded histograms come back fixed-size; later add()s of longer latencies would throw.
  h.autoResize = true;
  return h;
}

/** Decodes each histogram and adds it into a fresh one; an empty list gives an empty histogram. */
export function mergeEncoded(encoded: readonly string[]): Histogram {
  const merged = createLatencyHistogram();
  for (const s of encoded) merged.add(decodeHistogram(s));
  return merged;
}

/**
 * All zeros for an empty histogram: the library reports min as Number.MAX_SAFE_INTEGER (or
 * Number.MAX_VALUE once decoded) when nothing was recorded, which would poison every chart.
 */
export function summarize(h: Histogram): LatencySummaryUs {
  const histogram = encodeHistogram(h);
  if (h.totalCount === 0) {
    return { count: 0, mean: 0, stdev: 0, min: 0, p50: 0, p90: 0, p99: 0, p999: 0, p9999: 0, max: 0, histogram };
  }
  return {
    count: h.totalCount,
    mean: finiteOrZero(h.mean),
    stdev: finiteOrZero(h.stdDeviation),
    // Percentile 0 rather than minNonZeroValue: recorded zeros (clamped skew) are the true min.
    min: h.getValueAtPercentile(0),
    p50: h.getValueAtPercentile(50),
    p90: h.getValueAtPercentile(90),
    p99: h.getValueAtPercentile(99),
    p999: h.getValueAtPercentile(99.9),
    p9999: h.getValueAtPercentile(99.99),
    max: h.maxValue,
    histogram,
  };
}

function finiteOrZero(n: number): number {
  return Number.isFinite(n) ? n : 0;
}
