/**
 * Pure planning: which worker thread drives which clients, and each thread's part of every
 * phase's schedule: producer client i sends messages i, i + N, i + 2N, ... of the scenario-wide
 * schedule, so the threads' messages add up to the scenario's exactly.
 */
import type { Phase, Scenario } from '../scenario/types.js';
import type { WorkerPhase } from '../workers/protocol.js';
import type { RateSegment } from '../workers/rate-profile.js';
import { DEFAULT_MAX_IN_FLIGHT } from '../scenario/schema-phases.js';
import { assertNever } from '../errors.js';
import { segmentMembers, segmentProducerIds, WHOLE_RUN, type ExecutionSegment } from '../segment/execution-segment.js';

export interface ProducerThreadAssignment {
  workerId: number;
  producerIds: number[];
  phases: WorkerPhase[];
}

export interface ConsumerThreadAssignment {
  workerId: number;
  members: { group: string; member: number }[];
}

export interface ThreadAssignments {
  producers: ProducerThreadAssignment[];
  consumers: ConsumerThreadAssignment[];
}

/** Splits `count` items over `threads` as evenly as possible, larger shares first: 5 over 2 = [3, 2]. */
export function splitEvenly(count: number, threads: number): number[] {
  const base = Math.floor(count / threads);
  const extra = count % threads;
  return Array.from({ length: threads }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * The threads of one process. A segment (segment/execution-segment.ts) runs only its share of
 * the producer clients and group members, over at most `threads` threads of each kind.
 */
export function assignThreads(scenario: Scenario, segment: ExecutionSegment = WHOLE_RUN): ThreadAssignments {
  const p = scenario.producers;
  const ids = segmentProducerIds(scenario, segment);
  let next = 0;
  const producers = splitEvenly(ids.length, Math.min(p.threads, ids.length)).map(
    (clients, workerId): ProducerThreadAssignment => {
      const producerIds = ids.slice(next, (next += clients));
      const phases = scenario.phases.map((ph) => threadPhase(ph, producerIds, p.count));
      return { workerId, producerIds, phases };
    },
  );

  const consumers: ConsumerThreadAssignment[] = [];
  const c = scenario.consumers;
  if (c) {
    const members = segmentMembers(scenario, segment);
    let at = 0;
    splitEvenly(members.length, Math.min(c.threads, members.length)).forEach((n, i) => {
      consumers.push({ workerId: producers.length + i, members: members.slice(at, (at += n)) });
    });
  }
  return { producers, consumers };
}

function threadPhase(phase: Phase, slots: number[], of: number): WorkerPhase {
  const base = { name: phase.name, type: phase.type, durationMs: phase.durationMs, recorded: phase.type !== 'warmup' };
  const segments = phaseSegments(phase);
  const maxInFlight =
    phase.type === 'max'
      ? phase.maxInFlight * slots.length
      : segments
        ? Infinity
        : DEFAULT_MAX_IN_FLIGHT * slots.length;
  return { ...base, maxInFlight, schedule: segments ? { segments, slots, of } : null };
}

/** The rate over time of a paced phase, as linear segments; null when the phase is unpaced. */
export function phaseSegments(phase: Phase): RateSegment[] | null {
  const us = (ms: number) => ms * 1000;
  switch (phase.type) {
    case 'warmup':
      return phase.rateMsgsPerSec === null
        ? null
        : [
            {
              durationUs: us(phase.durationMs),
              fromRateMsgsPerSec: phase.rateMsgsPerSec,
              toRateMsgsPerSec: phase.rateMsgsPerSec,
            },
          ];
    case 'constant':
      return [
        {
          durationUs: us(phase.durationMs),
          fromRateMsgsPerSec: phase.rateMsgsPerSec,
          toRateMsgsPerSec: phase.rateMsgsPerSec,
        },
      ];
    case 'ramp':
      return [
        {
          durationUs: us(phase.durationMs),
          fromRateMsgsPerSec: phase.fromRateMsgsPerSec,
          toRateMsgsPerSec: phase.toRateMsgsPerSec,
        },
      ];
    case 'steps':
      return phase.steps.map((s) => ({
        durationUs: us(s.durationMs),
        fromRateMsgsPerSec: s.rateMsgsPerSec,
        toRateMsgsPerSec: s.rateMsgsPerSec,
      }));
    case 'max':
      return null;
    default:
      return assertNever(phase, 'phase');
  }
}
