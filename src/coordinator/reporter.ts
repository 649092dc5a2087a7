import type { ProgressSnapshot } from '../report/console-summary.js';

/** How the core speaks to the user; the CLI decides where it goes (the core never prints). */
export interface Reporter {
  info(line: string): void;
  warn(line: string): void;
  progress(snapshot: ProgressSnapshot): void;
}

export const silentReporter: Reporter = { info: () => {}, warn: () => {}, progress: () => {} };
