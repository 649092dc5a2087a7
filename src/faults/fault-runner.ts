/**
 * Fires a scenario's faults on the run's schedule: each at its phase's start + `at`, its target
 * resolved then, its effect undone after its duration. A stop (Ctrl-C, --abort-on-fail) or the
 * end of the schedule skips what is still pending and cuts short what is under way: a paused node
 * is always resumed and a killed node with a duration always restarted before finish() resolves,
 * so no run leaves a SIGSTOPped JVM or a missing node behind by accident.
 */
import type { Reporter } from '../coordinator/reporter.js';
import { nowUs } from '../workers/clock.js';
import { formatFaultTarget } from './fault-target.js';
import type { FaultRecord, FaultSpec } from './fault-types.js';
import type { NodeControl } from './node-control.js';
import { PausedNodes } from './paused-nodes.js';
import { resolveTarget } from './resolve-target.js';
import { describeCommandOutcome, runCommand } from './run-command.js';

/** What executeRun needs of the faults: started with the schedule, finished before the drain. */
export interface ScheduledFaults {
  start(startAtUs: number): void;
  finish(): Promise<FaultRecord[]>;
}

export interface FaultRunnerOptions {
  faults: readonly FaultSpec[];
  phases: readonly { name: string; durationMs: number }[];
  /** Null on a cluster kload did not start; only exec faults get this far then (fault-refusal.ts). */
  nodes: NodeControl | null;
  reporter: Reporter;
  /** The run's stop: pending faults are skipped, running ones undone at once, exec commands killed. */
  signal: AbortSignal;
}

type Draft = Omit<FaultRecord, 'outcome' | 'detail'>;

export class FaultRunner implements ScheduledFaults {
  private readonly cut = new AbortController();
  private readonly paused: PausedNodes;
  private startAtUs: number | null = null;
  private tasks: Promise<FaultRecord>[] = [];
  private finished: Promise<FaultRecord[]> | null = null;
  private readonly onStop = () => this.cut.abort();

  constructor(private readonly o: FaultRunnerOptions) {
    this.paused = new PausedNodes(o.nodes, o.signal);
  }

  start(startAtUs: number): void {
    this.startAtUs = startAtUs;
    this.o.signal.addEventListener('abort', this.onStop, { once: true });
    if (this.o.signal.aborted) this.cut.abort();
    this.tasks = this.o.faults.map((spec, index) => this.run(spec, index));
  }

  finish(): Promise<FaultRecord[]> {
    this.finished ??= (async () => {
      this.cut.abort();
      const records =
        this.startAtUs === null ? this.o.faults.map((f, i) => this.neverStarted(f, i)) : await Promise.all(this.tasks);
      this.o.signal.removeEventListener('abort', this.onStop);
      this.paused.dispose();
      return records;
    })();
    return this.finished;
  }

  private async run(spec: FaultSpec, index: number): Promise<FaultRecord> {
    const draft = this.draft(spec, index);
    const phaseStartMs = this.phaseStartMs(spec.phase);
    const dueUs = (this.startAtUs as number) + (phaseStartMs + spec.atMs) * 1000;
    if (!(await sleep((dueUs - nowUs()) / 1000, this.cut.signal))) {
      return { ...draft, outcome: 'skipped', detail: `${this.whyCut()} before it was due` };
    }
    // Stamped when the action itself begins, after the target was looked up.
    const begin = (): string => {
      draft.startedAtSec = this.elapsedSec();
      draft.startedAt = new Date().toISOString();
      return `${spec.phase}+${(draft.startedAtSec - phaseStartMs / 1000).toFixed(1)}s`;
    };
    try {
      const detail = await this.act(spec, draft, begin);
      if (detail === null)
        return { ...draft, nodeId: null, outcome: 'skipped', detail: `${this.whyCut()} before it began` };
      return { ...draft, outcome: 'done', detail };
    } catch (error) {
      if (draft.startedAtSec === null) begin();
      draft.endedAtSec ??= this.elapsedSec();
      const detail = (error as Error).message;
      this.o.reporter.warn(`fault ${index + 1} (${spec.action} ${draft.target}) failed: ${detail}`);
      return { ...draft, outcome: 'failed', detail };
    }
  }

  /**
   * Carries the fault out; returns the record's detail, or null when a stop came while the target
   * was looked up. Sets nodeId, the start (through `begin`) and endedAtSec on the draft.
   */
  private async act(spec: FaultSpec, draft: Draft, begin: () => string): Promise<string | null> {
    if (spec.action === 'exec') return this.exec(spec.command, spec.timeoutMs, draft, begin());
    const nodes = this.o.nodes;
    if (nodes === null) throw new Error('a node fault needs a cluster kload started');
    const nodeId = await resolveTarget(spec.target, nodes);
    draft.nodeId = nodeId;
    if (this.cut.signal.aborted) return null;
    const at = begin();
    const via = spec.target.kind === 'node' ? '' : ` (${draft.target})`;
    const began = this.elapsedSec();
    const say = (line: string) => this.o.reporter.info(`fault: ${line}`);
    switch (spec.action) {
      case 'pause': {
        say(`pause node ${nodeId}${via} at ${at} for ${spec.durationMs / 1000} s`);
        this.paused.pause(nodeId);
        const full = await sleep(spec.durationMs, this.cut.signal).finally(() => this.paused.resume(nodeId));
        draft.endedAtSec = this.elapsedSec();
        const lasted = seconds(draft.endedAtSec - began);
        say(`node ${nodeId} resumed after ${lasted}${full ? '' : ` (${this.whyCut()})`}`);
        return `SIGSTOP, SIGCONT after ${lasted}${this.cutNote(full)}`;
      }
      case 'kill': {
        const restartIn = spec.durationMs === null ? '' : `, restart in ${spec.durationMs / 1000} s`;
        say(`kill node ${nodeId}${via} at ${at}${restartIn}`);
        await nodes.kill(nodeId);
        if (spec.durationMs === null) return this.staysDown(nodeId, nodes);
        const full = await sleep(spec.durationMs, this.cut.signal);
        await nodes.restart(nodeId);
        draft.endedAtSec = this.elapsedSec();
        const lasted = seconds(draft.endedAtSec - began);
        say(`node ${nodeId} restarted and answering, ${lasted} after the kill`);
        return `SIGKILL, restarted and answering after ${lasted}${this.cutNote(full)}`;
      }
      case 'restart': {
        say(`restart node ${nodeId}${via} at ${at}`);
        await nodes.restart(nodeId);
        draft.endedAtSec = this.elapsedSec();
        say(`node ${nodeId} restarted and answering after ${seconds(draft.endedAtSec - began)}`);
        return `clean stop and start, answering after ${seconds(draft.endedAtSec - began)}`;
      }
      default: {
        const never: never = spec;
        return never;
      }
    }
  }

  private async exec(command: string, timeoutMs: number, draft: Draft, at: string): Promise<string> {
    this.o.reporter.info(`fault: exec ${JSON.stringify(command)} at ${at} (timeout ${timeoutMs / 1000} s)`);
    // Only a stop kills the command: at the end of the schedule it may still finish its work.
    const outcome = await runCommand(command, timeoutMs, this.o.signal);
    draft.endedAtSec = this.elapsedSec();
    const detail = describeCommandOutcome(outcome, timeoutMs);
    if (outcome.exitCode !== 0 || outcome.timedOut || outcome.stopped) throw new Error(detail);
    this.o.reporter.info(`fault: exec ${JSON.stringify(command)}: ${detail}`);
    return detail;
  }

  private staysDown(nodeId: number, nodes: NodeControl): string {
    const how =
      nodes.lifetime === 'temporary'
        ? 'until the temporary cluster is stopped at the end of the run'
        : 'after the run: `kload cluster status` shows it down; `kload cluster stop` and ' +
          '`kload cluster start --detach` give a fresh cluster';
    this.o.reporter.warn(`fault: node ${nodeId} stays down (kill without duration) ${how}`);
    return `SIGKILL; stays down (no duration) ${how}`;
  }

  private draft(spec: FaultSpec, index: number): Draft {
    return {
      index,
      action: spec.action,
      phase: spec.phase,
      target: spec.action === 'exec' ? `exec: ${spec.command}` : formatFaultTarget(spec.target),
      nodeId: null,
      plannedAtSec: spec.atMs / 1000,
      startedAtSec: null,
      endedAtSec: null,
      startedAt: null,
      impact: null,
    };
  }

  private neverStarted(spec: FaultSpec, index: number): FaultRecord {
    return { ...this.draft(spec, index), outcome: 'skipped', detail: 'the run stopped before the schedule started' };
  }

  private phaseStartMs(name: string): number {
    let startMs = 0;
    for (const phase of this.o.phases) {
      if (phase.name === name) return startMs;
      startMs += phase.durationMs;
    }
    throw new Error(`no phase named "${name}"`);
  }

  private elapsedSec(): number {
    return (nowUs() - (this.startAtUs as number)) / 1e6;
  }

  /** "" when the fault lasted its duration, else why it was cut short. */
  private cutNote(full: boolean): string {
    return full ? '' : `: cut short, ${this.whyCut()}`;
  }

  private whyCut(): string {
    return this.o.signal.aborted ? 'the run was stopped' : 'the schedule ended';
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (full: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(full);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), Math.max(0, ms));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function seconds(sec: number): string {
  return `${sec.toFixed(1)} s`;
}
