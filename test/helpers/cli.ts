import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves once stdout has matched the pattern (rejects if the process ends first). */
  waitForOutput(pattern: RegExp): Promise<void>;
  /** Everything printed so far, stdout then stderr. */
  output(): string;
  done: Promise<CliResult>;
}

/** Starts the real `kload` binary as a user would, with a hard deadline so no test can hang. */
export function startCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): RunningCli {
  const began = Date.now();
  const child = spawn(process.execPath, [join(repoRoot(), 'bin', 'kload.cjs'), ...args], {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: () => void; reject: (e: Error) => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of watchers.splice(0)) w.pattern.test(stdout) ? w.resolve() : watchers.push(w);
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
  const done = new Promise<CliResult>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      for (const w of watchers.splice(0))
        w.reject(new Error(`kload exited before printing ${w.pattern}:\n${stdout}\n${stderr}`));
      resolve({ code, signal, stdout, stderr, durationMs: Date.now() - began });
    });
  });
  return {
    child,
    done,
    output: () => `${stdout}\n${stderr}`,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        if (pattern.test(stdout)) return resolve();
        watchers.push({ pattern, resolve, reject });
      }),
  };
}

export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliResult> {
  return startCli(args, options).done;
}
