/**
 * Run results made up for the model tests: interval series whose in-flight counts and per-second
 * p99s the test chooses, inside otherwise valid phases.
 */
import type { IntervalStats, PhaseResult } from '../../../../src/result/result-types.js';
import { latencies, phase } from '../result-fixture.js';

export function interval(elapsedSec: number, overrides: Partial<IntervalStats> = {}): IntervalStats {
  return {
    elapsedSec,
    sentPerSec: 1000,
    ackedPerSec: 1000,
    consumedPerSec: 0,
    ackedMBPerSec: 0.1,
    publishP50Us: 500,
    publishP99Us: 1000,
    publishMaxUs: 2000,
    scheduleDelayP99Us: 50,
    targetPerSec: 1000,
    consumerLag: null,
    ...overrides,
  };
}

/**
 * A 1-second-interval ramp from `from` to `to` msg/s, one p99 per second; each interval's target
 * is the line's rate in its middle, as kload saves it.
 */
export function rampPhase(p99sUs: readonly number[], from = 1000, to = 10_000, overrides: Partial<PhaseResult> = {}): PhaseResult {
  const seconds = p99sUs.length;
  const intervals = p99sUs.map((p99Us, i) => {
    const target = from + ((to - from) * (i + 0.5)) / seconds;
    return interval(i + 1, { sentPerSec: target, ackedPerSec: target, targetPerSec: target, publishP99Us: p99Us });
  });
  const acked = Math.round(((from + to) / 2) * seconds);
  return phase({
    name: 'ramp',
    type: 'ramp',
    targetRate: (from + to) / 2,
    achievedRate: acked / seconds,
    durationSec: seconds,
    sent: acked,
    acked,
    intervals,
    ...overrides,
  });
}

/**
 * A constant phase of `rate` msg/s whose in-flight count (sent − acked, counted from the run's
 * start) is `inFlight[i]` at the end of second i, and whose every service latency is `serviceUs`.
 */
export function steadyPhase(rate: number, inFlight: readonly number[], serviceUs: number, overrides: Partial<PhaseResult> = {}): PhaseResult {
  const intervals = inFlight.map((n, i) => interval(i + 1, { sentPerSec: rate + n - (i === 0 ? 0 : inFlight[i - 1]!), ackedPerSec: rate, targetPerSec: rate }));
  const acked = rate * inFlight.length;
  return phase({
    targetRate: rate,
    achievedRate: rate,
    durationSec: inFlight.length,
    sent: acked,
    acked,
    serviceLatencyUs: latencies(serviceUs, serviceUs, serviceUs),
    intervals,
    ...overrides,
  });
}
