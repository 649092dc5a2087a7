/**
 * The models of one run, derived from its saved result alone: nothing here is stored in the
 * result file, so `kload report` can show them for any result of this schema version, and a
 * better model later needs no new schema.
 */
import type { LatencyKnee } from '../../model/latency-knee.js';
import type { LittlesLawCheck } from '../../model/littles-law.js';
import type { PhaseResult } from '../../result/result-types.js';

export interface RunModels {
  /** One entry per phase of the result, in run order. */
  phases: PhaseModels[];
}

export interface PhaseModels {
  phase: string;
  type: PhaseResult['type'];
  recorded: boolean;
  littlesLaw: PhaseLittlesLaw;
  /** Ramp phases only; null for every other phase type. */
  knee: RampKnee | null;
}

/**
 * L = mean of the messages in flight (sent − acked) at the end of each interval of the phase,
 * λ = acked messages per second, W = mean service latency (ack − actual send), in µs: the
 * latency whose start is the moment a message joins the in-flight count.
 */
export type PhaseLittlesLaw =
  | ({ checked: true /** Interval ends the mean in flight was taken over. */; samples: number } & LittlesLawCheck)
  | { checked: false; reason: string };

/**
 * The latency knee of a ramp: offered rate = the interval's target msg/s, p99 = the interval's
 * publish p99. `points` counts the intervals used (inside the phase, with a target and acks).
 */
export type RampKnee =
  | ({
      computed: true;
      points: number /** The phase could not keep its schedule: the knee may be kload's. */;
      generatorBound: boolean;
    } & LatencyKnee)
  | { computed: false; points: number; reason: string };
