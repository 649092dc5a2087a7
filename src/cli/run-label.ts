/**
 * `--label <text>` of `kload run` and `kload merge`: free text saved in the result (the commit
 * under test), which `kload trend --label-from git` names runs by.
 */
import { KloadError } from '../errors.js';
import type { RunResult } from '../result/result-types.js';

export const LABEL_OPTION = {
  type: 'string',
  describe: 'Free text saved in the result as `label`, e.g. the commit: "$(git rev-parse --short HEAD)"',
} as const;

/** A label is one short line: it names a run on a chart axis and in a table row. */
export function checkLabel(label: string | undefined): void {
  if (label === undefined) return;
  if (label.trim() === '' || label.length > 100 || /[\r\n]/.test(label)) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `--label must be one line of 1 to 100 characters (got ${JSON.stringify(label)})`,
      { hint: 'e.g. --label "$(git rev-parse --short HEAD)"' },
    );
  }
}

export function labelled(result: RunResult, label: string | undefined): RunResult {
  return label === undefined ? result : { ...result, label };
}
