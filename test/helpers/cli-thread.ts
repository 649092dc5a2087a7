/** The worker thread of cli-in-process.ts: runs `main` for each argv it is sent, answers with what it printed. */
import { parentPort } from 'node:worker_threads';
import { main } from '../../src/cli/main.js';

const printed = { stdout: '', stderr: '' };

function capture(to: 'stdout' | 'stderr') {
  return ((chunk: string | Uint8Array) => {
    printed[to] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
}

process.stdout.write = capture('stdout');
process.stderr.write = capture('stderr');

// Loading `main` and everything it imports takes a while on a busy machine: the caller's clock
// for the first command must not include it.
parentPort?.postMessage('ready');

parentPort?.on('message', async (args: string[]) => {
  printed.stdout = '';
  printed.stderr = '';
  process.exitCode = undefined;
  const began = performance.now();
  await main(args);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  parentPort?.postMessage({ code, ...printed, durationMs: performance.now() - began });
});
