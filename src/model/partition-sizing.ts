/**
 * Partition count for a target throughput: partitions ≥ max(target/p, target/c), where p and c
 * are the throughput one partition sustained for producers and for consumers in a measured
 * sweep. A partition is the unit of parallelism on both sides, so the slower side decides.
 */
import { KloadError } from '../errors.js';
import { formatCount, formatDecimal } from '../text/format.js';

export interface PartitionSizingInput {
  /** Throughput to sustain, in `unit`. */
  target: number;
  /** p: measured producer throughput per partition, in `unit`. */
  perPartitionProducer: number;
  /** c: measured consumer throughput per partition, in `unit`. */
  perPartitionConsumer: number;
  /** The one unit all three numbers share. */
  unit: 'msg/s' | 'MB/s';
}

export interface PartitionSizing {
  /** max(byProducer, byConsumer). */
  partitions: number;
  /** ⌈target/p⌉. */
  byProducer: number;
  /** ⌈target/c⌉. */
  byConsumer: number;
  /** The side that needs more partitions ('both' on a tie). */
  limitedBy: 'producer' | 'consumer' | 'both';
  /** One line: the two divisions and which one decides. */
  evidence: string;
}

/**
 * Ratios that land on an integer up to floating-point noise (3 / 0.1 = 30.000000000000004) must
 * not cost a whole extra partition.
 */
const ROUNDING_SLACK = 1e-9;

export function sizePartitions(input: PartitionSizingInput): PartitionSizing {
  const { target, perPartitionProducer: p, perPartitionConsumer: c, unit } = input;
  requirePositive('target throughput', target);
  requirePositive('per-partition producer throughput p', p);
  requirePositive('per-partition consumer throughput c', c);
  const byProducer = roundUp(target / p);
  const byConsumer = roundUp(target / c);
  const partitions = Math.max(byProducer, byConsumer);
  const limitedBy = byProducer === byConsumer ? 'both' : byProducer > byConsumer ? 'producer' : 'consumer';
  const decides =
    limitedBy === 'both'
      ? 'producers and consumers need the same'
      : limitedBy === 'producer'
        ? 'producers decide'
        : 'consumers decide';
  return {
    partitions,
    byProducer,
    byConsumer,
    limitedBy,
    evidence:
      `${formatCount(partitions)} partitions: target ${amount(target, unit)} / ` +
      `producer ${amount(p, unit)} per partition = ${formatDecimal(target / p, 2)} → ${formatCount(byProducer)}; ` +
      `/ consumer ${amount(c, unit)} per partition = ${formatDecimal(target / c, 2)} → ` +
      `${formatCount(byConsumer)}; ${decides}`,
  };
}

function roundUp(ratio: number): number {
  return Math.max(1, Math.ceil(ratio * (1 - ROUNDING_SLACK)));
}

function amount(value: number, unit: PartitionSizingInput['unit']): string {
  return unit === 'MB/s' ? `${formatDecimal(value, 2)} MB/s` : `${formatCount(value)} msg/s`;
}

function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new KloadError('INVALID_ARGUMENT', `${name} is ${value}; it must be a positive finite number`);
  }
}
