/**
 * Between two points on a cluster that runs on this machine, write the page cache back to disk.
 * A point with large records leaves up to a gigabyte of dirty pages; left alone, the kernel writes
 * them back during the following points (once the dirty total crosses its background threshold),
 * and those points measure the previous point's disk traffic. Measured on 2 cores: the last
 * 10,000-byte point of sweep-small fell from ~20,000 to ~6,000 msg/s without this.
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
