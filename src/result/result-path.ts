/**
 * Result file names sort by scenario, then by time, and survive every file system (no ':' as in
 * ISO 8601, which Windows forbids).
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../write-file-atomic.js';

/** `<scenario>-<UTC timestamp>.json`, e.g. `steady-20261121T233045Z.json`. */
export function resultFileName(scenarioName: string, date: Date): string {
  return `${safeName(scenarioName)}-${compactUtcTimestamp(date)}.json`;
}

/** `20261121T233045Z`: ISO 8601 basic format, UTC, whole seconds. */
export function compactUtcTimestamp(date: Date): string {
  // toISOString() is always UTC: 2026-11-21T23:30:45.123Z.
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Validation already limits scenario names to [a-zA-Z0-9._-]+; this repeats it because a name
 * that reaches here another way must not write outside the results directory ("../x").
 */
function safeName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return cleaned === '' ? 'run' : cleaned;
}

/** Writes a result as `<dir>/<name>-<timestamp>.json` atomically (a reader never sees half a file). */
export async function writeResultFile(dir: string, name: string, startedAt: Date, data: unknown): Promise<string> {
  const path = join(dir, resultFileName(name, startedAt));
  await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}
