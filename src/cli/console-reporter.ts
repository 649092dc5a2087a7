import type { ProgressSnapshot } from '../coordinator/reporter.js';
import { formatProgressLine } from '../report/console-summary.js';
import { formatProgressBar } from '../report/progress-bar.js';
import type { Reporter } from '../coordinator/reporter.js';

/**
 * Progress for people: on a terminal a bar redrawn in place, in a pipe or CI log one line per
 * second. With --json the human output goes to stderr so stdout stays parseable.
 */
export function consoleReporter(opts: { json: boolean }): Reporter & { endLine(): void } {
  const out = opts.json ? process.stderr : process.stdout;
  const tty = out.isTTY === true;
  let dangling = false;
  const endLine = () => {
    if (dangling) out.write('\n');
    dangling = false;
  };
  return {
    info: (line) => {
      endLine();
      out.write(`${line}\n`);
    },
    warn: (line) => {
      endLine();
      process.stderr.write(`warning: ${line}\n`);
    },
    progress: (s: ProgressSnapshot) => {
      if (tty) {
        out.write(`\r\x1b[K${formatProgressBar(s, out.columns ?? 100)}`);
        dangling = true;
      } else {
        out.write(`${formatProgressLine(s)}\n`);
      }
    },
    endLine,
  };
}
