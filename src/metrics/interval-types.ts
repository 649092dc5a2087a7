/**
 * What a worker reports once per interval: the *change* since its previous report, so the
 * coordinator can fold any number of workers by adding, without keeping per-worker state.
 */
export interface IntervalDelta {
  /** 0-based interval since the phase started: interval i covers [i, i+1) × intervalMs. */
  index: number;
  /** Messages handed to produce() in this interval. */
  sent: number;
  /** Delivery reports without error in this interval. */
  acked: number;
  /** Messages consumed in this interval (0 for a producer-only worker). */
  consumed: number;
  /** Payload bytes of the messages acked in this interval. */
  ackedBytes: number;
  /** Failed deliveries in this interval by librdkafka error name; absent when none (live metrics). */
  failed?: Record<string, number>;
  /*
   * The latencies (µs, HdrHistogram compressed base64; null or absent when none) measured in this
   * interval for messages *of this phase*: counts above go by when the event happened, latencies
   * by the message's phase, so a phase's interval histograms add up exactly to its phase
   * histogram. Acks of a phase's last messages that land after it ended therefore arrive as a
   * latency-only delta (all counts 0) with an index past the phase's last interval.
   */
  /** Publish latencies (ack - intended) of the messages acked in this interval. */
  publishHistogram: string | null;
  /** Schedule delays (send - intended) of the messages sent in this interval. */
  scheduleDelayHistogram: string | null;
  /** Service latencies (ack - send); absent in segments written before kload kept them. */
  serviceHistogram?: string | null;
  /** End-to-end latencies (consume - intended) of the messages consumed in this interval. */
  endToEndHistogram?: string | null;
}

/** The four latency kinds a worker records per interval, in the order workers index them. */
export const INTERVAL_LATENCY_KINDS = ['publish', 'service', 'scheduleDelay', 'endToEnd'] as const;
export type IntervalLatencyKind = (typeof INTERVAL_LATENCY_KINDS)[number];

/** The delta field holding each kind's histogram. */
export const HISTOGRAM_FIELD = {
  publish: 'publishHistogram',
  service: 'serviceHistogram',
  scheduleDelay: 'scheduleDelayHistogram',
  endToEnd: 'endToEndHistogram',
} as const satisfies Record<IntervalLatencyKind, keyof IntervalDelta>;
