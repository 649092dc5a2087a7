/**
 * Reads a saved result for `kload compare`. Only the fields that decide comparability are checked
 * here; comparable.ts then refuses other schema versions, so the rest can be trusted to match
 * result-types.ts.
 */
import { readFileSync } from 'node:fs';
import { KloadError } from '../errors.js';
import { RESULT_SCHEMA_VERSION, type RunResult } from './result-types.js';
import { runResultShape, shapeProblems } from './result-shape.js';

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
  // Other versions are refused by the callers, with the version in the message.
  if (data.schemaVersion === RESULT_SCHEMA_VERSION) refuseDamaged(shapeProblems(runResultShape, data), path);
  return data;
}

/** Throws for a file whose fields do not fit the result format, naming the first few. */
export function refuseDamaged(problems: string[], path: string): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).map((p) => `\n  ${p}`);
  const more = problems.length > 5 ? `\n  (and ${problems.length - 5} more)` : '';
  throw new KloadError('INVALID_ARGUMENT', `${path} is damaged or not a kload result:${shown.join('')}${more}`, {
    hint: 'Results are written by kload and not meant to be edited; re-run the scenario to get a new one.',
  });
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
