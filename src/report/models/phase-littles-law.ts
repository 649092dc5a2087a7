/**
 * Little's law per phase of a run, from the saved interval series: the in-flight count is not
 * recorded as such, but sent − acked at the end of each interval is exactly the number of
 * messages between produce() and their delivery report at that instant.
 */
import { KloadError } from '../../errors.js';
import { checkLittlesLaw } from '../../model/littles-law.js';
import { formatCount } from '../../text/format.js';
import type { PhaseResult } from '../../result/result-types.js';
import type { PhaseLittlesLaw } from './types.js';
import { totalFailed } from '../../result/phase-figures.js';

/**
 * Fewer snapshots than this give a mean in flight too noisy to judge a 20% gap: with batching,
 * the count swings between almost nothing and a full batch within milliseconds, and a 3-second
 * warmup's snapshots miss the cold start that dominates its mean latency.
 */
export const LITTLES_LAW_MIN_SAMPLES = 5;

/** One check per phase, in the order of `phases` (which must be the run order). */
export function phaseLittlesLaws(phases: readonly PhaseResult[]): PhaseLittlesLaw[] {
  const samples = inFlightAtIntervalEnds(phases);
  let failedSoFar = 0;
  return phases.map((phase, i) => {
    failedSoFar += totalFailed(phase);
    return littlesLaw(phase, samples[i] ?? [], failedSoFar);
  });
}

function littlesLaw(phase: PhaseResult, inFlight: readonly number[], failedSoFar: number): PhaseLittlesLaw {
  if (phase.acked === 0 || phase.durationSec <= 0 || phase.serviceLatencyUs.count === 0) {
    return { checked: false, reason: 'no acknowledged messages, so no throughput or latency to multiply' };
  }
  if (failedSoFar > 0) {
    // A failed message was sent and never acked: it stays in sent − acked for good.
    return {
      checked: false,
      reason:
        `${formatCount(failedSoFar)} deliveries failed up to this phase and the interval series does not say when, ` +
        'so the in-flight count cannot be known',
    };
  }
  if (inFlight.length < LITTLES_LAW_MIN_SAMPLES) {
    return {
      checked: false,
      reason:
        `only ${inFlight.length} interval snapshot(s) of the in-flight count inside the phase; ` +
        `its mean needs at least ${LITTLES_LAW_MIN_SAMPLES}`,
    };
  }
  try {
    const check = checkLittlesLaw({
      measuredInFlight: inFlight.reduce((total, n) => total + n, 0) / inFlight.length,
      inFlightSource: 'mean',
      throughputMsgsPerSec: phase.acked / phase.durationSec,
      meanLatencyUs: phase.serviceLatencyUs.mean,
    });
    return { checked: true, samples: inFlight.length, ...check };
  } catch (error) {
    // A result edited by hand (or damaged) must not stop the summary that precedes the models.
    if (!(error instanceof KloadError)) throw error;
    return { checked: false, reason: error.message };
  }
}

/**
 * Messages in flight at the end of every interval that ends inside its phase. Intervals count
 * events when they happen, so the acks of one phase's last messages land in the next phase's
 * first interval: the running totals go across the whole run and never restart per phase.
 */
export function inFlightAtIntervalEnds(phases: readonly PhaseResult[]): number[][] {
  let sent = 0;
  let acked = 0;
  return phases.map((phase) => {
    const samples: number[] = [];
    let previousEndSec = 0;
    for (const interval of phase.intervals) {
      const lengthSec = interval.elapsedSec - previousEndSec;
      previousEndSec = interval.elapsedSec;
      sent += Math.round(interval.sentPerSec * lengthSec);
      acked += Math.round(interval.ackedPerSec * lengthSec);
      // After its end a phase only drains: those snapshots belong to none of its load.
      if (interval.elapsedSec <= phase.durationSec + 1e-9) samples.push(sent - acked);
    }
    return samples;
  });
}
