/**
 * Reads a sweep result for `kload plan` and `kload report`, and says plainly when the file is
 * something else (a single run's result, a newer format) instead of failing later on a missing
 * field.
 */
import { readFile } from 'node:fs/promises';
import { KloadError } from '../errors.js';
import { refuseDamaged } from '../result/read-result.js';
import { shapeProblems } from '../result/result-shape.js';
import { sweepResultShape } from './sweep-shape.js';
import { SWEEP_RESULT_SCHEMA_VERSION, type SweepResult } from './sweep-result-types.js';

const sweepHint =
  'Plan from the sweep result `kload run` writes for a scenario with a sweep block, ' +
  'e.g. results/sweep-small-sweep-<timestamp>.json.';

export async function readSweepResult(path: string): Promise<SweepResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new KloadError('FILE_NOT_FOUND', `sweep result not found: ${path}`, { hint: sweepHint, cause: error });
    throw new KloadError('INVALID_ARGUMENT', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new KloadError('INVALID_ARGUMENT', `${path} is not JSON: ${(error as Error).message}`, {
      hint: sweepHint,
      cause: error,
    });
  }
  return checkSweepResult(data, path);
}

/** The file says what it is (`kind`), so a sweep is told from a run result without guessing. */
export function isSweepResultData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)['kind'] === 'kload-sweep';
}

/** Parsed JSON from `path` as a sweep result of this kload's schema version, or a plain refusal. */
export function checkSweepResult(data: unknown, path: string): SweepResult {
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (!isSweepResultData(data)) {
    const what = 'phases' in record ? 'the result of a single run, not of a sweep' : 'not a kload sweep result';
    throw new KloadError('INVALID_ARGUMENT', `${path} is ${what}`, { hint: sweepHint });
  }
  if (record['schemaVersion'] !== SWEEP_RESULT_SCHEMA_VERSION) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `${path} has sweep schemaVersion ${String(record['schemaVersion'])}; ` +
        `this kload reads version ${SWEEP_RESULT_SCHEMA_VERSION}`,
      {
        hint: 'Use the kload version that wrote the sweep, or run the sweep again.',
      },
    );
  }
  refuseDamaged(shapeProblems(sweepResultShape, data), path);
  return data as SweepResult;
}
