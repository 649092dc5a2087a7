/**
 * What `kload report` was given: a single run's result or a sweep result. Each file says which
 * (a sweep carries `kind: "kload-sweep"`), and each kind is refused plainly when its schema
 * version is not the one this kload reads.
 */
import { KloadError } from '../errors.js';
import { checkSweepResult, isSweepResultData } from '../sweep/read-sweep-result.js';
import type { SweepResult } from '../sweep/sweep-result-types.js';
import { checkRunResult, readResultJson } from '../result/read-result.js';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../result/result-types.js';

export type ReportInput = { kind: 'run'; result: RunResult } | { kind: 'sweep'; result: SweepResult };

export function readReportInput(path: string): ReportInput {
  const data = readResultJson(path);
  if (isSweepResultData(data)) return { kind: 'sweep', result: checkSweepResult(data, path) };
  const result = checkRunResult(data, path);
  if (result.schemaVersion !== RESULT_SCHEMA_VERSION) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `${path} has result schemaVersion ${String(result.schemaVersion)}; ` +
        `this kload reads version ${RESULT_SCHEMA_VERSION}`,
      {
        hint: 'Use the kload version that wrote the result, or re-run the scenario with this one.',
      },
    );
  }
  return { kind: 'run', result };
}
