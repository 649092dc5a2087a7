/**
 * What each run is called in a trend, from `--label-from`:
 * - `time` (default): its start time, "2026-12-07 05:40:12".
 * - `git`: the text `kload run --label` recorded, which users set from `git rev-parse --short HEAD`.
 * - `field:<path>`: any field of the result by its dotted path, e.g. `field:kload.version`,
 *   `field:environment.kafka` or `field:scenario.producers.properties.linger.ms` (a key that holds
 *   a dot, like linger.ms, is matched whole). Its value must be text, a number or a boolean.
 * A run without the label asked for is refused, naming its file: a trend with gaps in its x axis
 * would be read wrongly.
 */
import { KloadError } from '../errors.js';
import type { RunResult } from '../result/result-types.js';
import type { LabelSource } from './trend-types.js';

export const LABEL_SOURCES_HELP = 'time | git | field:<dotted.path>';

export function parseLabelSource(text: string): LabelSource {
  if (text === 'time' || text === 'git') return { kind: text };
  const match = /^field:(.+)$/.exec(text);
  if (match !== null && match[1]!.split('.').every((part) => part !== '')) return { kind: 'field', path: match[1]! };
  throw new KloadError('INVALID_ARGUMENT', `--label-from must be ${LABEL_SOURCES_HELP} (got "${text}")`, {
    hint: 'e.g. --label-from git (the text of kload run --label) or --label-from field:kload.version',
  });
}

export function labelSourceText(source: LabelSource): string {
  return source.kind === 'field' ? `field:${source.path}` : source.kind;
}

export function runLabel(result: RunResult, source: LabelSource, file: string): string {
  switch (source.kind) {
    case 'time':
      return result.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
    case 'git':
      if (result.label !== undefined && result.label !== '') return result.label;
      throw new KloadError('INVALID_ARGUMENT', `${file} has no label (--label-from git)`, {
        hint: 'Record one when running: kload run x.yaml --label "$(git rev-parse --short HEAD)"',
      });
    case 'field':
      return fieldLabel(result, source.path, file);
  }
}

function fieldLabel(result: RunResult, path: string, file: string): string {
  const value = valueAtPath(result, path.split('.'));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  const what = value === undefined ? 'no such field' : `a field that holds ${value === null ? 'null' : typeof value}`;
  throw new KloadError('INVALID_ARGUMENT', `${file}: --label-from field:${path} names ${what}`, {
    hint: 'Name a field holding text or a number, e.g. field:kload.version or field:environment.kafka.',
  });
}

/** Follows the parts through objects, joining parts when a key holds a dot ("linger.ms"). */
function valueAtPath(data: unknown, parts: readonly string[]): unknown {
  if (parts.length === 0) return data;
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  // Longest key first, so { "linger.ms": 5 } wins over a nested { linger: { ms } }.
  for (let take = parts.length; take >= 1; take--) {
    const key = parts.slice(0, take).join('.');
    if (Object.hasOwn(record, key)) {
      const found = valueAtPath(record[key], parts.slice(take));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
