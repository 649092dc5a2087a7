/**
 * The optional `faults` list: timed actions against the cluster during a run, each relative to
 * the start of a named phase. An entry is checked on its own here (which fields its action takes,
 * the target's form); `checkFaultsAgainstScenario` checks what it names in the rest of the file
 * (the phase, the topic and partition, the group) and refuses faults in a sweep.
 */
import { z } from 'zod';
import { formatFaultTarget, parseFaultTarget } from '../faults/fault-target.js';
import type { FaultSpec, FaultTarget } from '../faults/fault-types.js';
import { duration, durationPattern, parseDurationMs } from './duration.js';
import { nonEmptyString } from './fields.js';
import { isValidAt, whenObject } from './partial-checks.js';

/** How long an exec command may run when the entry gives no timeout. */
export const DEFAULT_EXEC_TIMEOUT_MS = 60_000;

const offsetHelp = 'must be a time into the phase such as "0s", "500ms" or "10s" (or a number of seconds)';

/** Like duration(), but 0 is allowed: a fault may fire as its phase begins. */
const offset = z
  .union([z.string().regex(durationPattern, { error: offsetHelp }), z.number().min(0)], { error: offsetHelp })
  .transform((value) => Math.round(typeof value === 'number' ? value * 1_000 : (parseDurationMs(value) as number)));

const actions = ['pause', 'kill', 'restart', 'exec'] as const;
type Action = (typeof actions)[number];

/** Which optional fields each action takes; the others are an error, not silently ignored. */
const fieldsOf: Record<Action, readonly string[]> = {
  pause: ['target', 'duration'],
  kill: ['target', 'duration'],
  restart: ['target'],
  exec: ['command', 'timeout'],
};
const requiredOf: Record<Action, readonly string[]> = {
  pause: ['target', 'duration'],
  kill: ['target'],
  restart: ['target'],
  exec: ['command'],
};
const whyRequired: Record<string, string> = {
  target: 'which node it acts on',
  duration: 'how long the node stays stopped before it gets SIGCONT',
  command: 'the shell command to run',
};

const faultEntry = z
  .strictObject({
    phase: nonEmptyString().describe('Name of the phase the fault is timed against.'),
    at: offset.describe('When, after that phase starts: "10s", "500ms", or a number of seconds; 0 = as it starts.'),
    action: z
      .enum(actions)
      .describe(
        'pause: SIGSTOP for `duration`, then SIGCONT. kill: SIGKILL, restarted after `duration` (omit: stays down). ' +
          'restart: a clean stop and start. exec: run `command` (for clusters kload did not start).',
      ),
    target: z
      .union([z.int().min(0), z.string().min(1)], { error: 'must be a node id or a role such as "leader-of t/0"' })
      .optional()
      .describe(
        'For pause, kill, restart: a node id (2 or "node 2"), "leader-of <topic>/<partition>", ' +
          '"follower-of <topic>/<partition>", "controller" or "coordinator-of <group>"; resolved when the fault fires.',
      ),
    duration: duration()
      .optional()
      .describe('pause: how long the node stays stopped (required). kill: restart after this long (omit: never).'),
    command: nonEmptyString().optional().describe('exec: the command, run with `sh -c` on the host running kload.'),
    timeout: duration()
      .optional()
      .describe(`exec: the command is killed after this long (default ${DEFAULT_EXEC_TIMEOUT_MS / 1000}s).`),
  })
  .superRefine(
    (entry, ctx) => {
      if (!isValidAt(ctx.issues, ['action'])) return;
      const takes = fieldsOf[entry.action];
      for (const key of ['target', 'duration', 'command', 'timeout'] as const) {
        if (entry[key] === undefined || takes.includes(key)) continue;
        const users = actions.filter((a) => fieldsOf[a].includes(key)).join(', ');
        ctx.addIssue({ code: 'custom', path: [key], input: entry[key], message: `only applies to action: ${users}` });
      }
      for (const key of requiredOf[entry.action]) {
        if (entry[key as keyof typeof entry] !== undefined) continue;
        const message = `is required for action: ${entry.action} (${whyRequired[key]})`;
        ctx.addIssue({ code: 'custom', path: [key], input: undefined, message });
      }
      if (entry.target !== undefined && isValidAt(ctx.issues, ['target'])) {
        const parsed = parseFaultTarget(entry.target);
        if (!parsed.ok)
          ctx.addIssue({ code: 'custom', path: ['target'], input: entry.target, message: parsed.message });
      }
    },
    { when: whenObject },
  )
  .transform(toFaultSpec)
  .describe('One timed fault.');

function toFaultSpec(entry: {
  phase: string;
  at: number;
  action: Action;
  target?: string | number | undefined;
  duration?: number | undefined;
  command?: string | undefined;
  timeout?: number | undefined;
}): FaultSpec {
  const base = { phase: entry.phase, atMs: entry.at };
  if (entry.action === 'exec') {
    return { ...base, action: 'exec', command: entry.command!, timeoutMs: entry.timeout ?? DEFAULT_EXEC_TIMEOUT_MS };
  }
  // The refinement above proved the target parses.
  const target = (parseFaultTarget(entry.target!) as { target: FaultTarget }).target;
  switch (entry.action) {
    case 'pause':
      return { ...base, action: 'pause', target, durationMs: entry.duration! };
    case 'kill':
      return { ...base, action: 'kill', target, durationMs: entry.duration ?? null };
    case 'restart':
      return { ...base, action: 'restart', target };
  }
}

export const faultsSchema = z.array(faultEntry);

/** What the fault checks read from the rest of the file (as parsed, possibly with problems). */
export interface FaultsContext {
  faults?: unknown;
  sweep?: unknown;
  name: string;
  phases: { name: string; durationMs: number }[];
  topics: { name: string; partitions: number }[];
  consumers?: { groups?: string[] | undefined } | null | undefined;
}

type Ctx = z.core.$RefinementCtx<FaultsContext>;

/** Rules between the faults and the rest of the scenario; run even when other parts have problems. */
export function checkFaultsAgainstScenario(file: FaultsContext, ctx: Ctx): void {
  if (!Array.isArray(file.faults) || file.faults.length === 0) return;
  if (file.sweep !== undefined) {
    const message = 'cannot be combined with sweep (every point of a sweep would need its own faults); remove one';
    ctx.addIssue({ code: 'custom', path: ['faults'], input: file.faults, message });
  }
  file.faults.forEach((entry: unknown, i) => {
    // Only an entry that resolved (atMs exists after the transform) can be checked further.
    if (typeof entry !== 'object' || entry === null || !('atMs' in entry)) return;
    const fault = entry as FaultSpec;
    checkPhase(file, fault, i, ctx);
    if (fault.action !== 'exec') checkTarget(file, fault.target, i, ctx);
  });
}

function checkPhase(file: FaultsContext, fault: FaultSpec, i: number, ctx: Ctx): void {
  if (!isValidAt(ctx.issues, ['phases']) || !Array.isArray(file.phases)) return;
  const phase = file.phases.find((p) => p.name === fault.phase);
  if (phase === undefined) {
    const message = `no phase named "${fault.phase}" (phases: ${file.phases.map((p) => p.name).join(', ')})`;
    ctx.addIssue({ code: 'custom', path: ['faults', i, 'phase'], input: fault.phase, message });
    return;
  }
  if (fault.atMs >= phase.durationMs) {
    const message = `must be within phase "${phase.name}", which lasts ${phase.durationMs / 1000}s`;
    ctx.addIssue({ code: 'custom', path: ['faults', i, 'at'], input: fault.atMs, message });
  }
}

function checkTarget(file: FaultsContext, target: FaultTarget, i: number, ctx: Ctx): void {
  const path = ['faults', i, 'target'];
  const say = (message: string) => ctx.addIssue({ code: 'custom', path, input: formatFaultTarget(target), message });
  if (target.kind === 'leader-of' || target.kind === 'follower-of') {
    if (!Array.isArray(file.topics) || !file.topics.every((_, t) => isValidAt(ctx.issues, ['topics', t]))) return;
    const topic = file.topics.find((t) => t.name === target.topic);
    if (topic === undefined) {
      say(`unknown topic "${target.topic}" (declared topics: ${file.topics.map((t) => t.name).join(', ')})`);
    } else if (target.partition >= topic.partitions) {
      say(
        `partition ${target.partition} is out of range: topic "${topic.name}" has partitions 0-${topic.partitions - 1}`,
      );
    }
  }
  if (target.kind === 'coordinator-of') {
    if (!isValidAt(ctx.issues, ['consumers']) || !isValidAt(ctx.issues, ['name'])) return;
    if (file.consumers === null || file.consumers === undefined) {
      say(`"coordinator-of ${target.group}" needs a consumers block (no group coordinates anything without one)`);
      return;
    }
    const groups = file.consumers.groups ?? [`${file.name}-group`];
    if (!groups.includes(target.group)) say(`unknown group "${target.group}" (consumers.groups: ${groups.join(', ')})`);
  }
}
