import type { Argv, CommandModule } from 'yargs';
import { KloadError } from '../../errors.js';
import { validateScenarioFiles } from '../../scenario/load.js';

export const validateCommand: CommandModule<object, { files: string[] }> = {
  command: 'validate <files..>',
  describe: 'Check scenario files without running them (exit 2 if any is invalid)',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Scenario files' })
      .example('$0 validate scenarios/*.yaml', 'Check every shipped scenario') as Argv<{ files: string[] }>,
  handler: (args) => {
    const reports = validateScenarioFiles(args.files);
    for (const r of reports) {
      if (r.ok) process.stdout.write(`ok       ${r.path}\n`);
      else process.stdout.write(`invalid  ${r.path}\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
    }
    const bad = reports.filter((r) => !r.ok).length;
    if (bad > 0)
      throw new KloadError(
        'INVALID_SCENARIO',
        `${bad} of ${reports.length} scenario file${reports.length > 1 ? 's are' : ' is'} invalid.`,
      );
  },
};
