/**
 * Runs an exec fault's command with `sh -c`, in its own process group so a timeout or a stop
 * ends everything it started (ssh, a script's children), not just the shell.
 */
import { spawn } from 'node:child_process';

export interface CommandOutcome {
  /** The exit code; null when a signal ended it. */
  exitCode: number | null;
  signal: string | null;
  /** Killed because it ran past its timeout. */
  timedOut: boolean;
  /** Killed because the run stopped. */
  stopped: boolean;
  /** The last non-empty line it wrote to stderr ("" when none), for the record's detail. */
  lastStderrLine: string;
  durationMs: number;
}

export function runCommand(command: string, timeoutMs: number, stop: AbortSignal): Promise<CommandOutcome> {
  const began = Date.now();
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderrTail = '';
    let timedOut = false;
    let stopped = false;
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the end matters; keep a bounded tail so a chatty command cannot grow memory.
      stderrTail = (stderrTail + chunk.toString()).slice(-4096);
    });
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const onStop = () => {
      stopped = true;
      killGroup();
    };
    stop.addEventListener('abort', onStop, { once: true });
    const settle = (exitCode: number | null, signal: string | null) => {
      clearTimeout(timer);
      stop.removeEventListener('abort', onStop);
      const lines = stderrTail.split('\n').map((l) => l.trim());
      const lastStderrLine = lines.filter((l) => l !== '').at(-1) ?? '';
      resolve({ exitCode, signal, timedOut, stopped, lastStderrLine, durationMs: Date.now() - began });
    };
    child.on('error', (error) => {
      stderrTail += `\n${error.message}`;
      settle(null, null);
    });
    child.on('close', (code, signal) => settle(code, signal));
    if (stop.aborted) onStop();
  });
}

/** The record's words for an outcome: "exit 0 after 1.2 s", "timed out after 30 s (killed): ...". */
export function describeCommandOutcome(outcome: CommandOutcome, timeoutMs: number): string {
  const tail = outcome.lastStderrLine === '' ? '' : `; last stderr line: ${outcome.lastStderrLine}`;
  const took = `${(outcome.durationMs / 1000).toFixed(1)} s`;
  if (outcome.timedOut) return `timed out after ${timeoutMs / 1000} s (its process group was killed)${tail}`;
  if (outcome.stopped) return `killed after ${took}: the run stopped${tail}`;
  if (outcome.exitCode === null) return `ended by ${outcome.signal ?? 'an error'} after ${took}${tail}`;
  return `exit ${outcome.exitCode} after ${took}${tail}`;
}
