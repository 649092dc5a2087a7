/**
 * Runs one benchmark child under GNU time, so its CPU and peak RSS are the process's own (wait4
 * rusage), not the bench's. The child's stdout and stderr are kept for the tool's parser.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface TimedResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  userSec: number;
  systemSec: number;
  peakRssMb: number;
  wallSec: number;
}

export interface TimedOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where GNU time writes its line; a file, so the child's own stderr stays unmixed. */
  workDir: string;
  timeoutMs: number;
}

export function assertGnuTime(): void {
  if (!existsSync(GNU_TIME))
    throw new Error(`${GNU_TIME} is missing: the bench measures CPU and RSS with GNU time (apt-get install time).`);
}

export function runTimed(command: string, args: string[], o: TimedOptions): Promise<TimedResult> {
  const timeFile = join(o.workDir, 'time.txt');
  rmSync(timeFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawn(GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, command, ...args], {
    env: o.env ?? process.env,
    cwd: o.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const wallSec = Number(process.hrtime.bigint() - started) / 1e9;
      const usage = parseGnuTime(existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '');
      resolve({ exitCode, signal, stdout, stderr, wallSec, ...usage });
    });
  });
}

/**
 * `-f '%U %S %M'`: user s, system s, max RSS in KiB. When the child exits non-zero GNU time first
 * writes "Command exited with non-zero status N", so the figures are the last line.
 */
export function parseGnuTime(text: string): { userSec: number; systemSec: number; peakRssMb: number } {
  const line = text.trim().split('\n').pop() ?? '';
  const m = /^([\d.]+) ([\d.]+) (\d+)$/.exec(line.trim());
  if (!m) return { userSec: NaN, systemSec: NaN, peakRssMb: NaN };
  return { userSec: Number(m[1]), systemSec: Number(m[2]), peakRssMb: (Number(m[3]) * 1024) / 1e6 };
}

/** A child that failed or printed no figures: its exit and the last lines of its output. */
export function exitError(what: string, t: TimedResult, detail = 'without a summary line'): Error {
  return new Error(`${what} exited ${t.exitCode ?? t.signal} ${detail}:\n${tail(t.stderr + t.stdout)}`);
}

/** The last lines of a child's output, for error messages. */
export function tail(text: string, lines = 8): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
