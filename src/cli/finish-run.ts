/**
 * How every run ends on the command line, whether one process ran it, agents did, or `kload
 * merge` put segments together: write the result, print the summary and the verdicts, and turn
 * the outcome into an exit code CI can use.
 */
import type { Reporter } from '../coordinator/reporter.js';
import { ExitCode, KloadError } from '../errors.js';
import { formatSummaryAndModels } from '../report/models/format-run-models.js';
import { writeReports } from '../report/write-reports.js';
import { writeResultFile } from '../result/result-path.js';
import type { RunResult, ThresholdOutcome } from '../result/result-types.js';
import { formatThresholds } from '../thresholds/format.js';
import { failedThresholds, notEvaluated } from '../thresholds/outcome-status.js';

export interface FinishOptions {
  out: string;
  json: boolean;
  html?: string;
  hlog?: string;
  reporter: Reporter & { endLine(): void };
  /** Set when --abort-on-fail stopped the run. */
  abortedBy?: string | null;
}

export async function finishRun(result: RunResult, o: FinishOptions): Promise<ExitCode> {
  const { reporter } = o;
  const resultPath = await writeResultFile(o.out, result.scenario.name, new Date(result.startedAt), result);
  // A warmup is run, not judged: its generator verdict is saved, but warning about it (its first
  // second opens connections and warms the JIT) would cry wolf on every run.
  for (const p of result.phases.filter((phase) => phase.recorded))
    for (const reason of p.generatorBoundReasons) reporter.warn(`phase ${p.name} is generator-bound: ${reason}`);
  reporter.endLine();
  if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`\n${formatSummaryAndModels(result)}\n`);
  const thresholdLines = formatThresholds(result.thresholds);
  if (thresholdLines) reporter.info(thresholdLines);
  reporter.info(`Result: ${resultPath}`);
  for (const line of await writeReports(result, resultPath, { html: o.html, hlog: o.hlog })) reporter.info(line);
  if (result.status === 'failed') reporter.warn(`The run failed: ${result.statusReason}`);
  if (o.abortedBy)
    throw new KloadError('THRESHOLDS_FAILED', `Stopped early: ${o.abortedBy} (the partial result is saved).`);
  // An interrupted or failed run keeps its own exit code: its thresholds judged partial data.
  if (result.status === 'complete') gateThresholds(result.thresholds);
  return exitCodeOf(result.status);
}

/**
 * Exit 99 when a threshold failed, and also when one could not be evaluated (the drain timed out
 * with messages unverified): a gate that could not be checked must not let CI pass.
 */
function gateThresholds(outcomes: readonly ThresholdOutcome[]): void {
  const failed = failedThresholds(outcomes).length;
  if (failed > 0) {
    throw new KloadError(
      'THRESHOLDS_FAILED',
      `${failed} of ${outcomes.length} thresholds failed (the result is saved).`,
    );
  }
  const unjudged = outcomes.filter(notEvaluated);
  if (unjudged.length > 0) {
    throw new KloadError(
      'THRESHOLDS_FAILED',
      `${unjudged.length} of ${outcomes.length} thresholds not evaluated: ` +
        `${unjudged[0]!.notEvaluatedReason ?? 'undecided'} (the result is saved).`,
      {
        hint:
          'The consumer groups had not read every acknowledged message when the drain gave up; ' +
          'more consumer members or a lower rate let them keep up.',
      },
    );
  }
}

/** Runs and sweeps end alike: complete 0, interrupted 130, failed 1. */
export function exitCodeOf(status: 'complete' | 'interrupted' | 'failed'): ExitCode {
  return status === 'complete' ? ExitCode.ok : status === 'interrupted' ? ExitCode.interrupted : ExitCode.unexpected;
}
