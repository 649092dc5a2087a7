/**
 * --abort-on-fail: watches publish latencies as workers report them and calls `abort` as soon as
 * a threshold can no longer pass, so a CI job does not wait out a run that has already failed.
 * Decidable early, and only these: `publish.max < L` (one sample at or above L), and
 * `publish.pQ < L` over paced phases (more samples at or above L than the (100 - Q)% of all the
 * messages the schedule will send). Everything else is judged at the end as usual.
 */
import { createLatencyHistogram, decodeHistogram, type Histogram } from '../metrics/histogram.js';
import { parseThreshold } from '../thresholds/parse.js';
import type { ParsedThreshold } from '../thresholds/types.js';
import type { Scenario } from '../scenario/types.js';
import type { WorkerMessage } from '../workers/protocol.js';
import { totalMessages } from '../workers/rate-profile.js';
import { phaseSegments } from './assign-threads.js';

const US_PER: Record<string, number> = { us: 1, ms: 1000, s: 1_000_000 };

interface Watch {
  threshold: ParsedThreshold;
  phases: number[];
  limitUs: number;
  /** Samples at or above the limit that make passing impossible (Infinity: undecidable early). */
  allowedAbove: number;
}

export class AbortWatcher {
  private readonly watches: Watch[];
  private readonly histograms: Histogram[];
  private fired = false;

  constructor(
    scenario: Scenario,
    private readonly abort: (reason: string) => void,
  ) {
    this.histograms = scenario.phases.map(() => createLatencyHistogram());
    this.watches = scenario.thresholds.map(parseThreshold).flatMap((t) => watchOf(t, scenario));
  }

  observe(m: WorkerMessage): void {
    if (this.fired || m.type !== 'interval' || m.role !== 'producer' || !m.delta.publishHistogram) return;
    this.histograms[m.phaseIndex]?.add(decodeHistogram(m.delta.publishHistogram));
    for (const w of this.watches) {
      let above = 0;
      for (const p of w.phases) above += countAtOrAbove(this.histograms[p]!, w.limitUs);
      if (above > w.allowedAbove) {
        this.fired = true;
        this.abort(
          `threshold "${w.threshold.expression}" can no longer pass: ` +
            `${above} messages already took ${w.threshold.limit}${w.threshold.metric.unit} or more`,
        );
        return;
      }
    }
  }
}

function watchOf(t: ParsedThreshold, scenario: Scenario): Watch[] {
  const m = t.metric;
  if (m.kind !== 'latency' || m.source !== 'publish' || (t.operator !== '<' && t.operator !== '<=')) return [];
  const phases = scenario.phases.flatMap((p, i) =>
    (t.phase === null ? p.type !== 'warmup' : p.name === t.phase) ? [i] : [],
  );
  // "< L" fails on a sample of exactly L; "<= L" only above it (HDR values are integers).
  const limitUs = t.limit * US_PER[m.unit]! + (t.operator === '<=' ? 1 : 0);
  if (m.stat === 'max') return [{ threshold: t, phases, limitUs, allowedAbove: 0 }];
  const q = { p50: 50, p90: 90, p99: 99, p999: 99.9, p9999: 99.99 }[m.stat as string];
  if (q === undefined) return [];
  let planned = 0;
  for (const i of phases) {
    const segments = phaseSegments(scenario.phases[i]!);
    if (!segments) return []; // a max phase has no known message count: decide at the end
    planned += totalMessages(segments);
  }
  return [{ threshold: t, phases, limitUs, allowedAbove: Math.floor(((100 - q) / 100) * planned) }];
}

/**
 * Samples at or above `limitUs`. hdr-histogram-js has no "count below a value" call, so find the
 * percentile where values reach the limit by bisection (40 steps: far below one sample's rank).
 */
function countAtOrAbove(h: Histogram, limitUs: number): number {
  if (h.totalCount === 0 || h.maxValue < limitUs) return 0;
  let lo = 0;
  let hi = 100;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (h.getValueAtPercentile(mid) < limitUs) lo = mid;
    else hi = mid;
  }
  return h.totalCount - Math.round((h.totalCount * lo) / 100);
}
