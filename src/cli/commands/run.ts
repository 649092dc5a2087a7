import type { Argv, CommandModule } from 'yargs';
import { ExitCode, KloadError } from '../../errors.js';
import { formatThresholds } from '../../report/thresholds/format.js';
import { loadScenario } from '../../scenario/load.js';
import { readPropertiesFile } from '../../coordinator/client-properties.js';
import { runScenario } from '../../coordinator/run-scenario.js';
import { formatSummaryAndModels } from '../../report/models/format-run-models.js';
import { consoleReporter } from '../console-reporter.js';
import { kloadVersion } from '../version.js';
import type { Scenario } from '../../scenario/types.js';
import { formatSweepSummary } from '../../sweep/format-sweep.js';
import { formatSweepProgress } from '../../sweep/progress.js';
import { runSweep } from '../../sweep/run-sweep.js';
import { writeReports } from '../../report/write-reports.js';

interface RunArgs {
  scenario: string;
  brokers?: string;
  'client-config'?: string;
  out: string;
  json: boolean;
  'abort-on-fail': boolean;
  html?: string;
  hlog?: string;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run a scenario file and write its result JSON',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' })
      .option('brokers', { type: 'string', describe: 'Bootstrap servers host:port,... (default: the running embedded cluster, else a temporary one)' })
      .option('client-config', { type: 'string', describe: 'librdkafka properties file for every client (security, cluster access)' })
      .option('out', { type: 'string', default: 'results', describe: 'Directory for the result JSON' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result JSON on stdout (progress goes to stderr)' })
      .option('abort-on-fail', { type: 'boolean', default: false, describe: 'Stop as soon as a publish-latency threshold can no longer pass (exit 99)' })
      .option('html', { type: 'string', describe: 'Also write a self-contained HTML report (default file: next to the result JSON)' })
      .option('hlog', { type: 'string', describe: 'Also write an HdrHistogram interval log (default file: next to the result JSON)' })
      .example('$0 run scenarios/quickstart.yaml', 'On the embedded cluster (started for the run if none is running)')
      .example('$0 run scenarios/max-throughput.yaml --brokers kafka-1:9092,kafka-2:9092', 'Against an existing cluster')
      .example('$0 run x.yaml --client-config sasl.properties --out /tmp/results', 'With SASL settings, results elsewhere')
      .example('$0 run scenarios/quickstart.yaml --html', 'And an HTML report beside the result JSON')
      .epilogue('Ctrl-C stops the run cleanly and still writes the partial result (marked "interrupted").') as Argv<RunArgs>,
  handler: async (args) => {
    const scenario = loadScenario(args.scenario);
    const clientConfig = args['client-config'] ? readPropertiesFile(args['client-config']) : {};
    const reporter = consoleReporter({ json: args.json });
    const abort = new AbortController();
    const onSigint = () => {
      if (abort.signal.aborted) process.exit(ExitCode.interrupted); // second Ctrl-C: give up at once
      reporter.warn('Interrupted: stopping the workers and writing the partial result (Ctrl-C again to quit now) ...');
      abort.abort();
    };
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    try {
      if (scenario.sweep !== undefined) {
        process.exitCode = await runSweepScenario(args, scenario, clientConfig, reporter, abort.signal);
        return;
      }
      const { result, resultPath, abortedBy } = await runScenario({
        scenario, kloadVersion: kloadVersion(), brokers: args.brokers, clientConfig, outDir: args.out, signal: abort.signal, reporter,
        abortOnFail: args['abort-on-fail'],
      });
      reporter.endLine();
      if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`\n${formatSummaryAndModels(result)}\n`);
      const thresholdLines = formatThresholds(result.thresholds);
      if (thresholdLines) reporter.info(thresholdLines);
      reporter.info(`Result: ${resultPath}`);
      for (const line of await writeReports(result, resultPath, { html: args.html, hlog: args.hlog })) reporter.info(line);
      if (result.status === 'failed') reporter.warn(`The run failed: ${result.statusReason}`);
      const failedThresholds = result.thresholds.filter((t) => !t.pass).length;
      if (abortedBy) throw new KloadError('THRESHOLDS_FAILED', `Stopped early: ${abortedBy} (the partial result is saved).`);
      if (result.status === 'complete' && failedThresholds > 0) {
        throw new KloadError('THRESHOLDS_FAILED', `${failedThresholds} of ${result.thresholds.length} thresholds failed (the result is saved).`);
      }
      process.exitCode = exitCodeOf(result.status);
    } finally {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigint);
    }
  },
};

/** A scenario with a `sweep` block runs every point of its grid and writes one sweep result. */
async function runSweepScenario(
  args: RunArgs,
  scenario: Scenario,
  clientConfig: Record<string, string>,
  reporter: ReturnType<typeof consoleReporter>,
  signal: AbortSignal,
): Promise<ExitCode> {
  if (args.html !== undefined || args.hlog !== undefined) reporter.warn('--html and --hlog apply to single runs; a sweep writes its sweep result only.');
  const { result, resultPath } = await runSweep({
    scenario, kloadVersion: kloadVersion(), brokers: args.brokers, clientConfig, outDir: args.out, signal, reporter,
    onPoint: (progress) => reporter.info(formatSweepProgress(progress)),
  });
  reporter.endLine();
  if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`\n${formatSweepSummary(result)}\n`);
  reporter.info(`Sweep result: ${resultPath}`);
  if (result.status !== 'complete') reporter.warn(`The sweep stopped early: ${result.statusReason}`);
  return exitCodeOf(result.status);
}

/** Runs and sweeps end alike: complete 0, interrupted 130, failed 1. */
function exitCodeOf(status: 'complete' | 'interrupted' | 'failed'): ExitCode {
  return status === 'complete' ? ExitCode.ok : status === 'interrupted' ? ExitCode.interrupted : ExitCode.unexpected;
}
