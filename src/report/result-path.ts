/**
 * Result file names sort by scenario, then by time, and survive every file system (no ':' as in
 * ISO 8601, which Windows forbids).
 */

/** `<scenario>-<UTC timestamp>.json`, e.g. `steady-20261121T233045Z.json`. */
export function resultFileName(scenarioName: string, date: Date): string {
  return `${safeName(scenarioName)}-${compactUtcTimestamp(date)}.json`;
}

/** `20261121T233045Z`: ISO 8601 basic format, UTC, whole seconds. */
export function compactUtcTimestamp(date: Date): string {
  // toISOString() is always UTC: 2026-11-21T23:30:45.123Z.
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Validation already limits scenario names to [a-zA-Z0-9._-]+; this repeats it because a name
 * that reaches here another way must not write outside the results directory ("../x").
 */
function safeName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return cleaned === '' ? 'run' : cleaned;
}
