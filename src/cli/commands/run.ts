import type { Argv, CommandModule } from 'yargs';
import { ExitCode, KloadError } from '../../errors.js';
import { formatThresholds } from '../../report/thresholds/format.js';
import { loadScenario } from '../../scenario/load.js';
import { readPropertiesFile } from '../../coordinator/client-properties.js';
import { runScenario } from '../../coordinator/run-scenario.js';
import { formatSummaryTable } from '../../report/console-summary.js';
import { consoleReporter } from '../console-reporter.js';
import { kloadVersion } from '../version.js';

interface RunArgs {
  scenario: string;
  brokers?: string;
  'client-config'?: string;
  out: string;
  json: boolean;
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
      .example('$0 run scenarios/quickstart.yaml', 'On the embedded cluster (started for the run if none is running)')
      .example('$0 run scenarios/max-throughput.yaml --brokers kafka-1:9092,kafka-2:9092', 'Against an existing cluster')
      .example('$0 run x.yaml --client-config sasl.properties --out /tmp/results', 'With SASL settings, results elsewhere')
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
      const { result, resultPath } = await runScenario({
        scenario, kloadVersion: kloadVersion(), brokers: args.brokers, clientConfig, outDir: args.out, signal: abort.signal, reporter,
      });
      reporter.endLine();
      if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`\n${formatSummaryTable(result)}\n`);
      const thresholdLines = formatThresholds(result.thresholds);
      if (thresholdLines) (args.json ? process.stderr : process.stdout).write(`${thresholdLines}\n`);
      (args.json ? process.stderr : process.stdout).write(`Result: ${resultPath}\n`);
      if (result.status === 'failed') reporter.warn(`The run failed: ${result.statusReason}`);
      const failedThresholds = result.thresholds.filter((t) => !t.pass).length;
      if (result.status === 'complete' && failedThresholds > 0) {
        throw new KloadError('THRESHOLDS_FAILED', `${failedThresholds} of ${result.thresholds.length} thresholds failed (the result is saved).`);
      }
      process.exitCode = result.status === 'complete' ? ExitCode.ok : result.status === 'interrupted' ? ExitCode.interrupted : ExitCode.unexpected;
    } finally {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigint);
    }
  },
};
