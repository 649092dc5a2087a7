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
