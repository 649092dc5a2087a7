/**
 * The `target:` of a node fault as users write it, and back: `2`, `node 2`, `leader-of T/P`,
 * `follower-of T/P`, `controller`, `coordinator-of G`. Pure, so `kload validate` can check it.
 */
import { didYouMean } from '../scenario/did-you-mean.js';
import type { FaultTarget } from './fault-types.js';

export type ParsedTarget = { ok: true; target: FaultTarget } | { ok: false; message: string };

const roles = ['node', 'leader-of', 'follower-of', 'controller', 'coordinator-of'] as const;

export const targetForms =
  'a node id (2 or "node 2"), "leader-of <topic>/<partition>", "follower-of <topic>/<partition>", ' +
  '"controller" or "coordinator-of <group>"';

export function parseFaultTarget(written: string | number): ParsedTarget {
  if (typeof written === 'number') return nodeTarget(String(written), written);
  const text = written.trim();
  if (/^\d+$/.test(text)) return nodeTarget(text, Number(text));
  if (text === 'controller') return { ok: true, target: { kind: 'controller' } };
  const space = text.search(/\s/);
  const role = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? '' : text.slice(space).trim();
  switch (role) {
    case 'node':
      return /^\d+$/.test(rest) ? nodeTarget(text, Number(rest)) : nodeTarget(text, Number.NaN);
    case 'leader-of':
    case 'follower-of':
      return partitionTarget(role, rest, text);
    case 'coordinator-of':
      if (rest === '') return { ok: false, message: `"${text}" names no group; write "coordinator-of <group>"` };
      return { ok: true, target: { kind: 'coordinator-of', group: rest } };
    default:
      return unknown(text, role);
  }
}

/** As a person reads it, and as the result records it: "leader-of orders/0", "node 2". */
export function formatFaultTarget(target: FaultTarget): string {
  switch (target.kind) {
    case 'node':
      return `node ${target.nodeId}`;
    case 'leader-of':
    case 'follower-of':
      return `${target.kind} ${target.topic}/${target.partition}`;
    case 'controller':
      return 'controller';
    case 'coordinator-of':
      return `coordinator-of ${target.group}`;
    default: {
      const never: never = target;
      return never;
    }
  }
}

function nodeTarget(text: string, nodeId: number): ParsedTarget {
  if (!Number.isSafeInteger(nodeId) || nodeId < 0) {
    return { ok: false, message: `"${text}" is not a node id (a whole number >= 0)` };
  }
  return { ok: true, target: { kind: 'node', nodeId } };
}

function partitionTarget(role: 'leader-of' | 'follower-of', rest: string, text: string): ParsedTarget {
  // Topic names cannot hold "/", so the last one separates the partition.
  const slash = rest.lastIndexOf('/');
  const topic = rest.slice(0, slash);
  const partition = rest.slice(slash + 1);
  if (slash <= 0 || !/^\d+$/.test(partition)) {
    return { ok: false, message: `"${text}" needs a topic and a partition: "${role} <topic>/<partition>"` };
  }
  return { ok: true, target: { kind: role, topic, partition: Number(partition) } };
}

function unknown(text: string, role: string): ParsedTarget {
  const suggestion = didYouMean(role, roles);
  const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
  return { ok: false, message: `unknown target "${text}"${hint}; use ${targetForms}` };
}
