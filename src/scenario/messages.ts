/**
 * The one place where zod's issue codes become the wording users read. Passed as the per-parse
 * error map (`safeParse(data, { error: humanMessage })`), so zod's defaults ("Invalid input:
 * expected number, received string") never reach a terminal. Field-specific wording (a duration's
 * format, a union's accepted forms) lives with the field, as the schema's own `error`.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';

type RawIssue = z.core.$ZodRawIssue;

export const positiveIntegerMessage = 'must be a positive integer';

/** For `z.int({ error })`: one wording for "not a number", "not whole" and "not > 0". */
export function positiveIntegerError(issue: RawIssue): string | undefined {
  return issue.input === undefined ? undefined : positiveIntegerMessage;
}

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
  null: 'empty',
};

export function humanMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${typeNames[issue.expected] ?? issue.expected} (got ${describeValue(issue.input)})`;
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, issue.inclusive ?? false);
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.inclusive ?? false);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'regex') return `must match ${issue.pattern ?? 'the expected pattern'}`;
      return `must be a valid ${issue.format}`;
    case 'invalid_union':
      return invalidUnion(issue);
    case 'unrecognized_keys':
      return unknownKeys(issue.keys, knownKeys(issue));
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'custom':
      return 'is invalid';
  }
}

function tooSmall(origin: string, minimum: number | bigint, inclusive: boolean): string {
  if (origin === 'array') return minimum === 1 ? 'must not be empty' : `must have at least ${minimum} items`;
  if (origin === 'string') return minimum === 1 ? 'must not be empty' : `must be at least ${minimum} characters long`;
  return `must be ${inclusive ? '>=' : '>'} ${minimum}`;
}

function tooBig(origin: string, maximum: number | bigint, inclusive: boolean): string {
  if (origin === 'array') return `must have at most ${maximum} items`;
  if (origin === 'string') return `must be at most ${maximum} characters long`;
  return `must be ${inclusive ? '<=' : '<'} ${maximum}`;
}

/** Discriminated unions report a bad or missing `type` here; plain unions carry their own wording. */
function invalidUnion(issue: Extract<RawIssue, { code: 'invalid_union' }>): string {
  const accepted = issue.options as readonly unknown[] | undefined;
  if (issue.discriminator === undefined || accepted === undefined) return 'does not match any accepted form';
  const options = accepted.map(String).join(', ');
  const input = issue.input as Record<string, unknown> | undefined;
  return input?.[issue.discriminator] === undefined ? `is required (one of ${options})` : `must be one of ${options}`;
}

/**
 * One line per key, in the order of `keys`: `problems.ts` splits them so each unknown key gets its
 * own path and line number.
 */
function unknownKeys(keys: readonly string[], known: readonly string[]): string {
  return keys
    .map((key) => {
      const suggestion = didYouMean(key, known);
      if (suggestion !== undefined) return `unknown key "${key}" (did you mean "${suggestion}"?)`;
      return known.length > 0 ? `unknown key "${key}" (expected one of ${known.join(', ')})` : `unknown key "${key}"`;
    })
    .join('\n');
}

function knownKeys(issue: RawIssue): string[] {
  const def = issue.inst?._zod.def as { shape?: Record<string, unknown> } | undefined;
  return def?.shape === undefined ? [] : Object.keys(def.shape);
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
