import type { ArgumentsCamelCase, CommandModule } from 'yargs';
import type { ExitCode } from '../errors.js';

/**
 * A command whose outcome is an exit code it returns (or a KloadError it throws), so that only
 * cli/main.ts sets the process's exit code.
 */
export type KloadCommand<A> = Omit<CommandModule<object, A>, 'handler'> & {
  run(args: ArgumentsCamelCase<A>): Promise<ExitCode>;
};
