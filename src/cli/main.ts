import yargs from 'yargs';
import type { CommandModule } from 'yargs';
import { ExitCode, exitCodesLine, KloadError } from '../errors.js';
import type { KloadCommand } from './kload-command.js';
import { agentCommand } from './commands/agent.js';
import { clusterCommand } from './commands/cluster.js';
import { mergeCommand } from './commands/merge.js';
import { compareCommand } from './commands/compare.js';
import { planCommand } from './commands/plan.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { trendCommand } from './commands/trend.js';
import { validateCommand } from './commands/validate.js';
import { kloadVersion } from './version.js';

/** Parses argv, runs one command, maps its outcome to an exit code. The only place that exits. */
export async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  let exitCode: ExitCode = ExitCode.ok;
  const returning = <A>(c: KloadCommand<A>): CommandModule<object, A> => ({
    ...c,
    handler: async (args) => {
      exitCode = await c.run(args);
    },
  });
  try {
    await yargs(argv)
      .scriptName('kload')
      .usage('kload: a load generator for Apache Kafka.\n\nUsage: $0 <command> [options]')
      .command(returning(runCommand))
      .command(returning(mergeCommand))
      .command(returning(agentCommand))
      .command(validateCommand)
      .command(clusterCommand)
      .command(compareCommand)
      .command(trendCommand)
      .command(planCommand)
      .command(reportCommand)
      .example('$0 run scenarios/quickstart.yaml', 'A first run (~20 s) on an embedded Kafka cluster')
      .example('$0 run x.yaml --brokers kafka-1:9092', 'Against an existing cluster')
      .example('$0 cluster start --nodes 3 --detach', 'A 3-node cluster that later runs reuse')
      .example('$0 validate scenarios/*.yaml', 'Check scenario files')
      .example('$0 agent --brokers kafka-1:9092', 'A load host waiting for `run --agents N`')
      .option('verbose', { type: 'boolean', describe: 'Show stack traces and debug output' })
      .demandCommand(1, 'Name a command, e.g. kload run scenarios/quickstart.yaml')
      .recommendCommands()
      .strict()
      .version(kloadVersion())
      .help()
      .alias('h', 'help')
      .epilogue(`${exitCodesLine()}\nDocs: README.md`)
      .wrap(Math.min(110, process.stdout.columns ?? 100))
      .fail((msg, err) => {
        if (err) throw err;
        throw new KloadError('INVALID_ARGUMENT', msg, { hint: 'Run with --help to see the commands and options.' });
      })
      .parseAsync();
    process.exitCode = exitCode;
  } catch (err) {
    process.exitCode = reportError(err, verbose);
  }
}

function reportError(err: unknown, verbose: boolean): number {
  if (err instanceof KloadError) {
    process.stderr.write(`error: ${err.message}\n`);
    if (err.hint) process.stderr.write(`hint: ${err.hint}\n`);
    if (verbose && err.stack) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  process.stderr.write(
    `kload failed unexpectedly (a bug; please report it):\n${err instanceof Error ? err.stack : String(err)}\n`,
  );
  return ExitCode.unexpected;
}
