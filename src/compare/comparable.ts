/**
 * Two results can be compared metric by metric only when they ran the same scenario shape: same
 * result format, same scenario name, same phases in the same order. Anything else would compare
 * one phase's numbers with another's, so it is refused (exit 2) with every difference listed.
 */
import { KloadError } from '../errors.js';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../result/result-types.js';

const HINT = 'Compare two results of the same scenario, e.g. the result of a main-branch run and of a PR run.';

export function assertComparable(base: RunResult, head: RunResult): void {
  const problems = comparabilityProblems(base, head);
  if (problems.length === 0) return;
  const message = ['the results are not comparable:', ...problems.map((problem) => `  ${problem}`)].join('\n');
  throw new KloadError('INVALID_ARGUMENT', message, { hint: HINT });
}

/** Empty when comparable; otherwise one sentence per difference. */
export function comparabilityProblems(base: RunResult, head: RunResult): string[] {
  // A different format means the other fields cannot be trusted to mean the same; stop here.
  const versions = versionProblems(base.schemaVersion, head.schemaVersion);
  if (versions.length > 0) return versions;
  const problems: string[] = [];
  if (base.scenario.name !== head.scenario.name) {
    problems.push(`base ran scenario "${base.scenario.name}", head ran "${head.scenario.name}"`);
  }
  if (base.phases.length !== head.phases.length) {
    problems.push(`base has ${base.phases.length} phases, head has ${head.phases.length}`);
  }
  const shared = Math.min(base.phases.length, head.phases.length);
  for (let i = 0; i < shared; i++) {
    const b = base.phases[i];
    const h = head.phases[i];
    if (b === undefined || h === undefined || (b.name === h.name && b.type === h.type)) continue;
    problems.push(`phase ${i + 1} differs: base has "${b.name}" (${b.type}), head has "${h.name}" (${h.type})`);
  }
  return problems;
}

function versionProblems(base: number, head: number): string[] {
  if (base !== head) {
    return [
      `result schema versions differ: base is version ${base}, head is version ${head} ` +
        '(re-run the older one with this kload)',
    ];
  }
  if (base !== RESULT_SCHEMA_VERSION) {
    return [
      `both results have schema version ${base}; this kload reads version ${RESULT_SCHEMA_VERSION} ` +
        '(re-run them with this kload)',
    ];
  }
  return [];
}
