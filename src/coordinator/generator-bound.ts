/**
 * Pure: did the generator keep its schedule? If not, the phase measured kload's limits, not
 * Kafka's, and the result must say so rather than let anyone read it as the cluster's.
 */
export interface GeneratorBounds {
  /** Schedule delay p99 above this (µs) means sends left late: default 5 ms. */
  maxScheduleDelayP99Us: number;
  /** Achieved rate below target by more than this fraction: default 1%. */
  maxRateShortfall: number;
}

export const DEFAULT_GENERATOR_BOUNDS: GeneratorBounds = { maxScheduleDelayP99Us: 5000, maxRateShortfall: 0.01 };

export interface GeneratorInput {
  paced: boolean;
  targetRate: number | null;
  achievedRate: number;
  scheduleDelayP99Us: number;
  sent: number;
  queueFullWaits: number;
}

export function judgeGenerator(
  m: GeneratorInput,
  bounds: GeneratorBounds,
): { generatorBound: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (!m.paced || m.sent === 0) return { generatorBound: false, reasons };
  if (m.scheduleDelayP99Us > bounds.maxScheduleDelayP99Us) {
    const why =
      m.queueFullWaits > 0
        ? `the producer queue was full ${m.queueFullWaits === 1 ? 'once' : `${m.queueFullWaits} times`}` +
          ' (back-pressure from the cluster)'
        : 'the generator could not send on time';
    reasons.push(
      `schedule delay p99 ${(m.scheduleDelayP99Us / 1000).toFixed(2)} ms > ` +
        `${(bounds.maxScheduleDelayP99Us / 1000).toFixed(2)} ms: ${why}`,
    );
  }
  if (m.targetRate !== null && m.achievedRate < m.targetRate * (1 - bounds.maxRateShortfall)) {
    const short = (1 - m.achievedRate / m.targetRate) * 100;
    reasons.push(
      `achieved ${Math.round(m.achievedRate)} msg/s is ${short.toFixed(1)}% below ` +
        `the target ${Math.round(m.targetRate)} msg/s`,
    );
  }
  return { generatorBound: reasons.length > 0, reasons };
}
