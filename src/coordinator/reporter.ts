/** One progress line's figures, for the interval that just ended. */
export interface ProgressSnapshot {
  phase: string;
  elapsedSec: number;
  durationSec: number;
  sentPerSec: number;
  ackedPerSec: number;
  consumedPerSec: number;
  publishP99Us: number;
  ackedMBPerSec: number;
  /**
   * Set once the schedule is over but producers still wait for acks (a backlog): seconds past the
   * schedule's end. The interval then belongs to no phase, so the line must not name one.
   */
  afterScheduleSec?: number;
  /** The whole schedule: seconds since it started and its planned length (for a bar and an ETA). */
  run?: { elapsedSec: number; durationSec: number };
  /** The last consumer-lag sample (messages, summed over groups); absent without consumers. */
  consumerLag?: number | null;
  /** A run over agents: how many are still answering, of how many. */
  agents?: { answering: number; of: number };
}

/** How the core speaks to the user; the CLI decides where it goes (the core never prints). */
export interface Reporter {
  info(line: string): void;
  warn(line: string): void;
  progress(snapshot: ProgressSnapshot): void;
}

export const silentReporter: Reporter = { info: () => {}, warn: () => {}, progress: () => {} };
