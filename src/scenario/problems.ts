/**
 * Turns zod issues into problems a person can act on: one per offending field, with a path in
 * the form users see in their file (`phases[1].rate`, `topics[0].configs["retention.ms"]`).
 */
import type { z } from 'zod';

export type PathSegment = string | number;

export interface Problem {
  /** Keys and list indices from the document root to the offending field; empty for the root. */
  path: PathSegment[];
  message: string;
}

export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], base: readonly PathSegment[] = []): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = [...base, ...issue.path.map(toSegment)];
    switch (issue.code) {
      case 'unrecognized_keys':
        return unknownKeyProblems(issue.keys, issue.message, path);
      case 'invalid_union':
        return unionProblems(issue, path);
      default:
        return [{ path, message: issue.message }];
    }
  });
}

/** One problem per key, so each gets its own line; messages.ts wrote one line per key. */
function unknownKeyProblems(keys: readonly string[], message: string, path: PathSegment[]): Problem[] {
  const lines = message.split('\n');
  const aligned = lines.length === keys.length;
  return keys.map((key, i) => ({
    path: [...path, key],
    message: aligned ? (lines[i] as string) : `unknown key "${key}"`,
  }));
}

/**
 * A value that fits no form of a union. When exactly one form got past the type check (the user
 * clearly meant it: a mapping where mappings are allowed), its own problems are the useful ones;
 * otherwise the union's summary of the accepted forms is.
 */
function unionProblems(issue: z.core.$ZodIssueInvalidUnion, path: PathSegment[]): Problem[] {
  const meant = issue.errors.filter((branch) => !branch.some(isKindMismatch));
  if (meant.length === 1) return problemsFromIssues(meant[0] as z.core.$ZodIssue[], path);
  return [{ path, message: issue.message }];
}

/** The value is of another kind than this form takes (a string where a mapping goes). */
function isKindMismatch(issue: z.core.$ZodIssue): boolean {
  if (issue.path.length > 0) return false;
  // zod reports 99.5 for an integer as invalid_type "int", but it is the right kind: a number.
  if (issue.code === 'invalid_type') return issue.expected !== 'int';
  return issue.code === 'invalid_value';
}

function toSegment(key: PropertyKey): PathSegment {
  return typeof key === 'number' ? key : String(key);
}

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `producers.message.size`, `phases[1]`, `topics[0].configs["retention.ms"]`; "" for the root. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (plainKey.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
