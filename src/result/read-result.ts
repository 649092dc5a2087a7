/**
 * Reads a saved result for `kload compare`. Only the fields that decide comparability are checked
 * here; comparable.ts then refuses other schema versions, so the rest can be trusted to match
 * result-types.ts.
 */
import { readFileSync } from 'node:fs';
import { KloadError } from '../errors.js';
import type { RunResult } from './result-types.js';

const HINT = 'Pass result JSON files written by `kload run` (in results/ by default).';

export function readResultFile(path: string): RunResult {
  return checkRunResult(readResultJson(path), path);
}

/** The file's JSON, not yet checked: `kload report` decides from it whether it holds a run or a sweep. */
export function readResultJson(path: string): unknown {
  return parseJson(readText(path), path);
}

export function checkRunResult(data: unknown, path: string): RunResult {
  if (!looksLikeRunResult(data)) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `${path} is not a kload result (no schemaVersion, scenario name or phases)`,
      { hint: HINT },
    );
  }
  return data;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new KloadError('FILE_NOT_FOUND', `result file not found: ${path}`, { hint: HINT, cause: error });
    }
    throw new KloadError('INVALID_ARGUMENT', `cannot read result file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new KloadError('INVALID_ARGUMENT', `${path} is not valid JSON: ${(error as Error).message}`, {
      hint: HINT,
      cause: error,
    });
  }
}

function looksLikeRunResult(data: unknown): data is RunResult {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as { schemaVersion?: unknown; scenario?: { name?: unknown }; phases?: unknown };
  return (
    typeof candidate.schemaVersion === 'number' &&
    typeof candidate.scenario?.name === 'string' &&
    Array.isArray(candidate.phases)
  );
}
