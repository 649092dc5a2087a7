/**
 * Pure planning: which worker thread drives which clients, and each thread's share of every
 * phase's rate. Shares are proportional to the clients a thread holds, so they sum to the
 * scenario's rate exactly (up to floating point), however unevenly clients divide.
 */
import type { Phase, Scenario } from '../scenario/types.js';
import type { WorkerPhase } from '../workers/protocol.js';
import { DEFAULT_MAX_IN_FLIGHT } from '../scenario/schema-phases.js';

export interface ProducerThreadPlan {
  workerId: number;
  producerIds: number[];
  phases: WorkerPhase[];
}

export interface ConsumerThreadPlan {
  workerId: number;
  members: { group: string; member: number }[];
}

export interface RunPlan {
  producers: ProducerThreadPlan[];
  consumers: ConsumerThreadPlan[];
}

/** Splits `count` items over `threads` as evenly as possible, larger shares first: 5 over 2 = [3, 2]. */
export function splitEvenly(count: number, threads: number): number[] {
  const base = Math.floor(count / threads);
  const extra = count % threads;
  return Array.from({ length: threads }, (_, i) => base + (i < extra ? 1 : 0));
}

export function planRun(scenario: Scenario): RunPlan {
  const p = scenario.producers;
  let nextProducerId = 0;
  const producers = splitEvenly(p.count, p.threads).map((clients, workerId): ProducerThreadPlan => {
    const producerIds = Array.from({ length: clients }, () => nextProducerId++);
    const phases = scenario.phases.map((ph) => {
      const phase = threadPhase(ph, clients / p.count, clients);
      const rate = 'rateMsgsPerSec' in ph ? ph.rateMsgsPerSec : null;
      return rate === null ? phase : { ...phase, share: { scenarioRateMsgsPerSec: rate, slots: producerIds, of: p.count } };
    });
    return { workerId, producerIds, phases };
  });

  const consumers: ConsumerThreadPlan[] = [];
  const c = scenario.consumers;
  if (c) {
    const members = c.groups.flatMap((group) => Array.from({ length: c.membersPerGroup }, (_, member) => ({ group, member })));
    let next = 0;
    splitEvenly(members.length, Math.min(c.threads, members.length)).forEach((n, i) => {
      consumers.push({ workerId: producers.length + i, members: members.slice(next, next + n) });
      next += n;
    });
  }
  return { producers, consumers };
}

function threadPhase(phase: Phase, share: number, clients: number): WorkerPhase {
  const base = { name: phase.name, type: phase.type, durationMs: phase.durationMs, recorded: phase.type !== 'warmup' };
  switch (phase.type) {
    case 'warmup':
      return { ...base, rateMsgsPerSec: phase.rateMsgsPerSec === null ? null : phase.rateMsgsPerSec * share, maxInFlight: DEFAULT_MAX_IN_FLIGHT * clients };
    case 'constant':
      return { ...base, rateMsgsPerSec: phase.rateMsgsPerSec * share, maxInFlight: Infinity };
    case 'max':
      return { ...base, rateMsgsPerSec: null, maxInFlight: phase.maxInFlight * clients };
    default: {
      const never: never = phase;
      throw new Error(`unknown phase ${JSON.stringify(never)}`);
    }
  }
}
