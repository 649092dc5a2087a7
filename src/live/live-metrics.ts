/**
 * kload's live numbers as Prometheus metrics (prom-client), fed by the same worker messages and
 * once-a-second progress snapshots the console shows: counters grow as deltas arrive, gauges hold
 * the last second.
 *
 * Latency is exported as per-interval quantile gauges (p50, p99, p99.9, max of the last second),
 * not as a Prometheus histogram. The coordinator already merges every worker's HdrHistogram for
 * each second, so the gauges carry HDR's 3-digit precision and are the very numbers the result
 * file keeps; fixed log-spaced buckets would put a ±10–25% bucket error on every p99 for the sake
 * of aggregating in PromQL, which one run does not need. The cost: a scrape sees only the
 * seconds it lands on (scrape every second to see them all), and quantiles must never be
 * averaged across runs.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import { createLatencyHistogram, decodeHistogram, type Histogram } from '../metrics/histogram.js';
import { HISTOGRAM_FIELD, INTERVAL_LATENCY_KINDS, type IntervalLatencyKind } from '../metrics/interval-types.js';
import { DEFAULT_GENERATOR_BOUNDS } from '../coordinator/generator-bound.js';
import type { ProgressSnapshot, Reporter } from '../coordinator/reporter.js';
import { phaseSegments } from '../coordinator/assign-threads.js';
import type { RunResult } from '../result/result-types.js';
import type { Scenario } from '../scenario/types.js';
import type { WorkerMessage } from '../workers/protocol.js';
import { rateAt } from '../workers/rate-profile.js';

const US_PER_SEC = 1e6;
const QUANTILES = [
  { label: '0.5', of: (h: Histogram) => h.getValueAtPercentile(50) },
  { label: '0.99', of: (h: Histogram) => h.getValueAtPercentile(99) },
  { label: '0.999', of: (h: Histogram) => h.getValueAtPercentile(99.9) },
  { label: '1', of: (h: Histogram) => h.maxValue },
];
/** Prometheus label values for the latency kinds (the same words as the hlog's tags). */
const KIND_LABEL: Record<IntervalLatencyKind, string> = {
  publish: 'publish',
  service: 'service',
  scheduleDelay: 'schedule-delay',
  endToEnd: 'end-to-end',
};

export class LiveMetrics {
  readonly registry = new Registry();
  readonly #scenario: Scenario;
  readonly #base: { run: string; scenario: string; topic: string };
  readonly #counters;
  readonly #gauges;
  readonly #window = new Map<IntervalLatencyKind, Histogram>();
  #inFlight = 0;

  constructor(scenario: Scenario, run: string) {
    this.#scenario = scenario;
    this.#base = { run, scenario: scenario.name, topic: scenario.producers.topic };
    const labelNames = ['run', 'scenario', 'phase', 'topic'] as const;
    const registers = [this.registry];
    const counter = (name: string, help: string) => new Counter({ name, help, labelNames, registers });
    const gauge = (name: string, help: string, extra: string[] = []) =>
      new Gauge({ name, help, labelNames: [...labelNames, ...extra], registers });
    this.#counters = {
      sent: counter('kload_messages_sent_total', 'Messages handed to the producer client'),
      acked: counter('kload_messages_acked_total', 'Messages the broker acknowledged'),
      ackedBytes: counter('kload_acked_payload_bytes_total', 'Payload bytes acknowledged (keys, headers excluded)'),
      failed: new Counter({
        name: 'kload_messages_failed_total',
        help: 'Failed deliveries by librdkafka error name',
        labelNames: [...labelNames, 'code'],
        registers,
      }),
      consumed: counter('kload_messages_consumed_total', 'Messages read by the consumer groups'),
      lost: counter('kload_messages_lost_total', 'Acked but never consumed; set once the drain has ended'),
      duplicated: counter('kload_messages_duplicated_total', 'Consumed more than once; set once the drain has ended'),
    };
    this.#gauges = {
      target: gauge('kload_target_rate_messages_per_second', 'What the schedule asks for now (unset when unpaced)'),
      achieved: gauge('kload_achieved_rate_messages_per_second', 'Messages acked in the last second'),
      inFlight: gauge('kload_messages_in_flight', 'Sent, neither acked nor failed yet'),
      lag: gauge('kload_consumer_lag_messages', 'High watermark minus group position, summed over groups'),
      bound: gauge(
        'kload_generator_bound',
        '1 when the last second missed the schedule (schedule delay p99 over 5 ms or sends below target)',
      ),
      latency: gauge('kload_latency_seconds', 'Latency quantiles of the last second, from merged HdrHistograms', [
        'kind',
        'quantile',
      ]),
      done: gauge('kload_run_finished', '1 once the result is final (counters then hold the whole run)'),
    };
    for (const kind of INTERVAL_LATENCY_KINDS) this.#window.set(kind, createLatencyHistogram());
  }

  /** Every worker message of the run (RunOptions.watch). */
  observe(m: WorkerMessage): void {
    if (m.type !== 'interval') return;
    const d = m.delta;
    const labels = this.#labels(this.#scenario.phases[m.phaseIndex]?.name ?? 'after-schedule');
    if (d.sent > 0) this.#counters.sent.inc(labels, d.sent);
    if (d.acked > 0) this.#counters.acked.inc(labels, d.acked);
    if (d.ackedBytes > 0) this.#counters.ackedBytes.inc(labels, d.ackedBytes);
    if (d.consumed > 0) this.#counters.consumed.inc(labels, d.consumed);
    let failed = 0;
    for (const [code, n] of Object.entries(d.failed ?? {})) {
      this.#counters.failed.inc({ ...labels, code }, n);
      failed += n;
    }
    this.#inFlight += d.sent - d.acked - failed;
    for (const kind of INTERVAL_LATENCY_KINDS) {
      const encoded = d[HISTOGRAM_FIELD[kind]];
      if (typeof encoded === 'string') this.#window.get(kind)!.add(decodeHistogram(encoded));
    }
  }

  /** Once a second (Reporter.progress): the gauges for the second just reported. */
  progress(s: ProgressSnapshot): void {
    const labels = this.#labels(s.afterScheduleSec === undefined ? s.phase : 'after-schedule');
    const phase = this.#scenario.phases.find((p) => p.name === s.phase);
    const segments = phase && s.afterScheduleSec === undefined ? phaseSegments(phase) : null;
    const target = segments ? rateAt(segments, Math.max(0, s.elapsedSec - 0.5) * US_PER_SEC) : null;
    this.#gauges.target.reset();
    if (target !== null) this.#gauges.target.set(labels, target);
    this.#gauges.achieved.reset();
    this.#gauges.achieved.set(labels, s.ackedPerSec);
    this.#gauges.inFlight.reset();
    this.#gauges.inFlight.set(labels, this.#inFlight);
    if (s.consumerLag !== undefined && s.consumerLag !== null) {
      this.#gauges.lag.reset();
      this.#gauges.lag.set(labels, s.consumerLag);
    }
    const delay = this.#window.get('scheduleDelay')!;
    const late =
      delay.totalCount > 0 && delay.getValueAtPercentile(99) > DEFAULT_GENERATOR_BOUNDS.maxScheduleDelayP99Us;
    const short = target !== null && s.sentPerSec < target * (1 - DEFAULT_GENERATOR_BOUNDS.maxRateShortfall);
    this.#gauges.bound.reset();
    this.#gauges.bound.set(labels, late || short ? 1 : 0);
    this.#gauges.latency.reset();
    for (const [kind, h] of this.#window) {
      if (h.totalCount === 0) continue;
      for (const q of QUANTILES) {
        this.#gauges.latency.set({ ...labels, kind: KIND_LABEL[kind], quantile: q.label }, q.of(h) / US_PER_SEC);
      }
      h.reset();
    }
  }

  /** `reporter`, with every progress snapshot updating the gauges first. */
  reporting(reporter: Reporter): Reporter {
    return {
      info: (line) => reporter.info(line),
      warn: (line) => reporter.warn(line),
      progress: (snapshot) => {
        this.progress(snapshot);
        reporter.progress(snapshot);
      },
    };
  }

  /** The result is built: the integrity counts are known now, and the counters are complete. */
  finish(result: RunResult | null): void {
    this.#gauges.done.set(this.#labels('all'), 1);
    if (result === null) return; // an agent's segment: lost and duplicated are the coordinator's to judge
    for (const phase of result.phases) {
      const labels = this.#labels(phase.name);
      if (phase.integrity === null) continue;
      this.#counters.lost.inc(labels, phase.integrity.lost);
      this.#counters.duplicated.inc(labels, phase.integrity.duplicated);
    }
  }

  #labels(phase: string) {
    return { ...this.#base, phase };
  }
}
