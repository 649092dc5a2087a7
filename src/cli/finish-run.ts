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
import type { RunResult } from '../result/result-types.js';
import { formatThresholds } from '../thresholds/format.js';

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
  for (const p of result.phases)
    for (const reason of p.generatorBoundReasons) reporter.warn(`phase ${p.name} is generator-bound: ${reason}`);
  reporter.endLine();
  if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`\n${formatSummaryAndModels(result)}\n`);
  const thresholdLines = formatThresholds(result.thresholds);
  if (thresholdLines) reporter.info(thresholdLines);
  reporter.info(`Result: ${resultPath}`);
  for (const line of await writeReports(result, resultPath, { html: o.html, hlog: o.hlog })) reporter.info(line);
  if (result.status === 'failed') reporter.warn(`The run failed: ${result.statusReason}`);
  const failedThresholds = result.thresholds.filter((t) => !t.pass).length;
  if (o.abortedBy)
    throw new KloadError('THRESHOLDS_FAILED', `Stopped early: ${o.abortedBy} (the partial result is saved).`);
  if (result.status === 'complete' && failedThresholds > 0) {
    throw new KloadError(
      'THRESHOLDS_FAILED',
      `${failedThresholds} of ${result.thresholds.length} thresholds failed (the result is saved).`,
    );
  }
  return exitCodeOf(result.status);
}

/** Runs and sweeps end alike: complete 0, interrupted 130, failed 1. */
export function exitCodeOf(status: 'complete' | 'interrupted' | 'failed'): ExitCode {
  return status === 'complete' ? ExitCode.ok : status === 'interrupted' ? ExitCode.interrupted : ExitCode.unexpected;
}
