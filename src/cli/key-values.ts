import { KloadError } from '../errors.js';

/** Parses repeated `key=value` flags; every malformed one is reported at once. */
export function parseKeyValues(items: string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const bad: string[] = [];
  for (const item of items) {
    const i = item.indexOf('=');
    if (i <= 0) bad.push(item);
    else out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  if (bad.length > 0) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `${flag} expects key=value; got ${bad.map((b) => JSON.stringify(b)).join(', ')}.`,
    );
  }
  return out;
}
