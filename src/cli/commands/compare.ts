import type { Argv, CommandModule } from 'yargs';
import { KloadError } from '../../errors.js';
import { compareResults } from '../../compare/compare-results.js';
import {
  COMPARISON_FORMATS,
  formatComparison,
  percent,
  type ComparisonFormat,
} from '../../compare/format-comparison.js';
import { parseMaxRegression } from '../../compare/max-regression.js';
import { readResultFile } from '../../result/read-result.js';

interface CompareArgs {
  base: string;
  head: string;
  'max-regression': string;
  format: ComparisonFormat;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <base> <head>',
  describe: 'Compare two results of one scenario (exit 99 if the head regressed)',
  builder: (y: Argv) =>
    y
      .positional('base', {
        type: 'string',
        demandOption: true,
        describe: 'Result JSON to compare against, e.g. from the main branch',
      })
      .positional('head', { type: 'string', demandOption: true, describe: 'Result JSON under test' })
      .option('max-regression', {
        type: 'string',
        default: '5%',
        describe: 'Tolerated change per metric; smaller deltas are ok',
      })
      .option('format', {
        choices: COMPARISON_FORMATS,
        default: 'table' as ComparisonFormat,
        describe: 'Output format',
      })
      .example('$0 compare results/main.json results/pr.json', 'Table in the terminal')
      .example('$0 compare main.json pr.json --max-regression 10% --format markdown', 'A pull request comment')
      .epilogue(
        'A latency percentile regresses only when it is worse by more than --max-regression AND beyond the ' +
          'sampling uncertainty of both histograms; otherwise a large change is reported as noise.',
      ) as Argv<CompareArgs>,
  handler: (args) => {
    const maxRegression = parseMaxRegression(args['max-regression']);
    const comparison = compareResults(readResultFile(args.base), readResultFile(args.head), { maxRegression });
    process.stdout.write(`${formatComparison(comparison, args.format)}\n`);
    const n = comparison.regressions;
    if (n > 0) {
      throw new KloadError(
        'REGRESSION_FOUND',
        `${n} metric${n === 1 ? '' : 's'} regressed beyond ${percent(maxRegression)}`,
      );
    }
  },
};
