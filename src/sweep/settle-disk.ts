/**
 * Between two points on a cluster that runs on this machine, write the page cache back to disk.
 * A point with large records leaves hundreds of megabytes of dirty pages; left alone, the kernel
 * writes them back later (after dirty_expire_centisecs, or past its background threshold), during
 * some following point, which then measures an earlier point's disk traffic. A `sync` between
 * points makes every point start from the same state, at the cost of a second or two.
 */
import { spawn } from 'node:child_process';

/** Runs `sync`; resolves with the time it took, or null where there is no `sync` (best effort). */
export function settleDisk(timeoutMs = 60_000): Promise<number | null> {
  const began = Date.now();
  return new Promise((resolve) => {
    const child = spawn('sync', [], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? Date.now() - began : null);
    });
  });
}
