/**
 * Helpers for cross-field checks that must run even when *other* parts of the file are invalid,
 * so one run reports every problem. zod skips refinements once any aborting issue exists; these
 * checks opt back in with `when` and then only trust the fields no issue touches.
 */
import type { z } from 'zod';

type Path = readonly PropertyKey[];
type Issue = { readonly code?: string | undefined; readonly path?: PropertyKey[] | undefined };

/** `when` for a refinement on an object: run whenever the value at least is an object. */
export function whenObject(payload: z.core.ParsePayload): boolean {
  return typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);
}

/** `when` for a refinement on an array. */
export function whenArray(payload: z.core.ParsePayload): boolean {
  return Array.isArray(payload.value);
}

/**
 * True when the parsed value at `path` can be trusted: no issue sits at it, above it or below it.
 * Two kinds do not count. An unknown key leaves its known siblings parsed. A custom issue reports
 * a rule between values that did parse (a duplicate, threads > count); the one custom issue raised
 * by a transform (a duration under 1ms) is on a field no cross-field check reads.
 */
export function isValidAt(issues: readonly Issue[], path: Path): boolean {
  return issues.every(
    (issue) => issue.code === 'unrecognized_keys' || issue.code === 'custom' || !related(issue.path ?? [], path),
  );
}

function related(a: Path, b: Path): boolean {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Reports every later occurrence of a name already used earlier in the list. */
export function checkUnique(
  ctx: z.core.$RefinementCtx,
  entries: readonly { name: string; path: PropertyKey[] }[],
  what: string,
  hint = `${what}s must be unique`,
): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!seen.has(entry.name)) {
      seen.add(entry.name);
      continue;
    }
    const message = `duplicate ${what} "${entry.name}" (${hint})`;
    ctx.addIssue({ code: 'custom', path: entry.path, input: entry.name, message });
  }
}
