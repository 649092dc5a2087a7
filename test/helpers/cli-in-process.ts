/**
 * Runs the CLI's `main` in a worker thread kept for many commands, for tests that run hundreds of
 * them: a new node process per command costs ~300 ms, this costs milliseconds. A thread rather
 * than the test's own process because `main` prints to process.stdout (where node:test also
 * writes its protocol) and sets process.exitCode; and because a command stuck in a loop can only
 * be stopped by terminating its thread.
 */
import { Worker } from 'node:worker_threads';

export interface InProcessResult {
  /** The exit code `main` chose, or null when it did not finish within the deadline (or killed its thread). */
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface CliThread {
  /** One command at a time: the thread's streams are swapped for the whole call. */
  run(args: string[], deadlineMs: number): Promise<InProcessResult>;
  close(): Promise<void>;
}

export function startCliThread(): CliThread {
  let worker = spawnWorker();
  return {
    run: async (args, deadlineMs) => {
      await worker.ready;
      const began = performance.now();
      const answer = await ask(worker.thread, args, deadlineMs).catch((error: Error) => error);
      if (answer !== null && !(answer instanceof Error)) return answer;
      // Stuck or crashed: the thread is lost with its command; the next command gets a fresh one.
      await worker.thread.terminate();
      worker = spawnWorker();
      const stderr = answer === null ? `no answer within ${deadlineMs} ms` : `the thread died: ${answer.stack}`;
      return { code: null, stdout: '', stderr, durationMs: performance.now() - began };
    },
    close: async () => {
      await worker.thread.terminate();
    },
  };
}

/** A new thread, and when it has loaded the CLI (rejects if it dies first). */
function spawnWorker(): { thread: Worker; ready: Promise<void> } {
  const thread = new Worker(new URL('./cli-thread.js', import.meta.url));
  thread.unref();
  const ready = new Promise<void>((resolve, reject) => {
    thread.once('message', () => resolve());
    thread.once('error', reject);
  });
  return { thread, ready };
}

function ask(worker: Worker, args: string[], deadlineMs: number): Promise<InProcessResult | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(null), deadlineMs);
    const onError = (error: Error) => {
      clearTimeout(timer);
      worker.off('message', settle);
      reject(error);
    };
    function settle(answer: InProcessResult | null) {
      clearTimeout(timer);
      worker.off('message', settle);
      worker.off('error', onError);
      resolve(answer);
    }
    worker.on('message', settle);
    worker.once('error', onError);
    worker.postMessage(args);
  });
}
