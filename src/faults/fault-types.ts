/**
 * Faults inside scenarios: the resolved `faults:` entries a scenario plans, and what a run records
 * of each one. The scenario side is validated by schema-faults.ts; the result side is saved (it is
 * part of RunResult and of segment files), so changing it incompatibly means a schema version bump.
 *
 * Times: a fault is planned relative to the start of a named phase (`phase: steady, at: 10s`);
 * a record keeps that, and also its actual times relative to the schedule's start, so the report
 * can place it on any phase's time axis even when it outlasts its phase.
 */

/** Which node a node fault acts on, resolved when the fault fires (leaders move during a run). */
export type FaultTarget =
  | { kind: 'node'; nodeId: number }
  /** The current leader of one partition. */
  | { kind: 'leader-of'; topic: string; partition: number }
  /** A current in-sync follower of one partition (the lowest node id among them). */
  | { kind: 'follower-of'; topic: string; partition: number }
  /** The active KRaft controller. */
  | { kind: 'controller' }
  /** The broker leading the __consumer_offsets partition that coordinates the group. */
  | { kind: 'coordinator-of'; group: string };

interface FaultBase {
  /** The name of the phase the fault is timed against. */
  phase: string;
  /** Milliseconds after that phase starts. */
  atMs: number;
}

/** SIGSTOP for `durationMs`, then SIGCONT: a long GC pause, a hung disk. */
export interface PauseFault extends FaultBase {
  action: 'pause';
  target: FaultTarget;
  durationMs: number;
}

/** SIGKILL; started again with the same data after `durationMs`, or never when null. */
export interface KillFault extends FaultBase {
  action: 'kill';
  target: FaultTarget;
  durationMs: number | null;
}

/** A clean stop (SIGTERM, controlled shutdown) and start, waiting until the node answers again. */
export interface RestartFault extends FaultBase {
  action: 'restart';
  target: FaultTarget;
}

/** A shell command, for clusters kload did not start (`ssh broker-2 sudo systemctl stop kafka`). */
export interface ExecFault extends FaultBase {
  action: 'exec';
  command: string;
  timeoutMs: number;
}

export type FaultSpec = PauseFault | KillFault | RestartFault | ExecFault;
export type FaultAction = FaultSpec['action'];

/** What happened to one planned fault. */
export interface FaultRecord {
  /** Its position in scenario.faults. */
  index: number;
  action: FaultAction;
  phase: string;
  /** As a person reads it: "leader-of orders/0", "node 2", "exec: ssh …" (secrets are the user's business). */
  target: string;
  /** The node it acted on; null for exec, or when the target could not be resolved. */
  nodeId: number | null;
  /** The planned offset into its phase, seconds. */
  plannedAtSec: number;
  /** Seconds since the schedule started when the action began; null when it never ran (a stop came first). */
  startedAtSec: number | null;
  /**
   * Seconds since the schedule started when the fault was over: the node resumed, restarted and
   * answering, or the command exited. Null when it never ended within the run (kill without restart).
   */
  endedAtSec: number | null;
  /** ISO 8601 wall-clock time of startedAtSec; null when it never ran. */
  startedAt: string | null;
  /** 'done'; 'failed' (the action or the command failed: see detail); 'skipped' (the run stopped first). */
  outcome: 'done' | 'failed' | 'skipped';
  /** Words for a person: the command's exit code and last stderr line, the error, why it was skipped. */
  detail: string;
  /** What the fault did to the load; null when not measured (skipped, or no recorded phase covers it). */
  impact: FaultImpact | null;
}

/** The fault's effect, measured from the run's own acks and latencies. */
export interface FaultImpact {
  /**
   * The longest time, in ms, that some partition went without an ack while the fault lasted and
   * until it recovered: how long writes to that partition were unavailable.
   */
  unavailabilityMs: number;
  /** The partition of that longest gap; null when no partition stalled. */
  unavailablePartition: number | null;
  /** Publish p99 of the fault's phase before the fault began, µs (the recovery yardstick). */
  baselineP99Us: number | null;
  /**
   * Seconds from the fault's start until each second's publish p99 was back within 2× the baseline
   * and stayed there; null when it never recovered before the phase (or run) ended.
   */
  recoverySec: number | null;
  /** Messages whose intended send time fell in the window (fault start to recovery) that were acked and never read. */
  lostInWindow: number | null;
  /** Messages of that window a group read more than once. */
  duplicatedInWindow: number | null;
  /** How the window's ends were chosen, in words (for the report). */
  window: { fromSec: number; toSec: number };
}
