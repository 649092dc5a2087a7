/**
 * Execution segments: the i-th of N shares of one scenario, so N processes (on N hosts) can run
 * one test together. The split uses the rule threads already use: producer client k belongs to
 * segment k mod N, and so does the k-th (group, member) pair; every client keeps its place in the
 * scenario-wide schedule, so N segments send exactly the scenario's messages, at its times.
 */
import { KloadError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';

export interface ExecutionSegment {
  /** 1-based, as written on the command line: `--segment 2/3`. */
  index: number;
  count: number;
}

/** The whole scenario in one process. */
export const WHOLE_RUN: ExecutionSegment = { index: 1, count: 1 };

export function parseSegment(text: string): ExecutionSegment {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `--segment ${JSON.stringify(text)}: expected i/N with 1 <= i <= N, for example 1/3`,
    );
  }
  return { index, count };
}

export function formatSegment(s: ExecutionSegment): string {
  return `${s.index}/${s.count}`;
}

/** Why a scenario cannot be split into `count` segments, or null when it can. */
export function segmentRefusal(scenario: Scenario, count: number): string | null {
  const clients = scenario.producers.count;
  return count > clients
    ? `the scenario has ${clients} producer client${clients === 1 ? '' : 's'} (producers.count); ` +
        `it splits into at most ${clients} segments, not ${count}`
    : null;
}

/** The producer client ids of a segment: k, k + N, k + 2N, ... */
export function segmentProducerIds(scenario: Scenario, s: ExecutionSegment): number[] {
  return Array.from({ length: scenario.producers.count }, (_, id) => id).filter((id) => inSegment(id, s));
}

/** Every (group, member) pair of the scenario, in order; a segment takes every N-th. */
export function allMembers(scenario: Scenario): { group: string; member: number }[] {
  const c = scenario.consumers;
  if (!c) return [];
  return c.groups.flatMap((group) => Array.from({ length: c.membersPerGroup }, (_, member) => ({ group, member })));
}

export function segmentMembers(scenario: Scenario, s: ExecutionSegment): { group: string; member: number }[] {
  return allMembers(scenario).filter((_, k) => inSegment(k, s));
}

function inSegment(k: number, s: ExecutionSegment): boolean {
  return k % s.count === s.index - 1;
}
