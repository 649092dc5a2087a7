import type { Argv, CommandModule } from 'yargs';
import { KloadError } from '../../errors.js';
import { calibrateNoiseFloor } from '../../compare/calibrate-noise-floor.js';
import { compareResults } from '../../compare/compare-results.js';
import {
  COMPARISON_FORMATS,
  formatComparison,
  percent,
  type ComparisonFormat,
} from '../../compare/format-comparison.js';
import { formatNoiseFloor } from '../../compare/format-noise-floor.js';
import { parseMaxRegression } from '../../compare/max-regression.js';
import { readNoiseFloorFile, writeNoiseFloorFile } from '../../compare/noise-floor-file.js';
import { readResultFile } from '../../result/read-result.js';

interface CompareArgs {
  base: string;
  head?: string;
  more?: string[];
  'max-regression': string;
  format: ComparisonFormat;
  calibrate: boolean;
  'noise-floor'?: string;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <base> [head] [more..]',
  describe: 'Compare two results of one scenario (exit 99 if the head regressed)',
  builder: (y: Argv) =>
    y
      .positional('base', {
        type: 'string',
        demandOption: true,
        describe: 'Result JSON to compare against, e.g. from the main branch',
      })
      .positional('head', { type: 'string', describe: 'Result JSON under test' })
      .positional('more', { type: 'string', array: true, describe: 'With --calibrate: more A/A results' })
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
      .option('noise-floor', {
        type: 'string',
        describe: 'Noise floor file: judges single runs against it (with --calibrate: where to write it)',
      })
      .option('calibrate', {
        type: 'boolean',
        default: false,
        describe: 'The results are A/A runs (nothing changed): write their noise floor to --noise-floor',
      })
      .example('$0 run x.yaml --repeats 5', 'Then compare two such results: verdicts from the spread of the repeats')
      .example('$0 compare results/main.json results/pr.json', 'Table in the terminal')
      .example('$0 compare main.json pr.json --max-regression 10% --format markdown', 'A pull request comment')
      .example('$0 compare --calibrate a1.json a2.json a3.json --noise-floor floor.json', 'A floor from A/A runs')
      .example('$0 compare main.json pr.json --noise-floor floor.json', 'Single runs judged against that floor')
      .epilogue(
        'A metric regresses only when it is worse by more than --max-regression AND beyond the noise between ' +
          'runs: the spread of the repeats (kload run --repeats N) when both results have them, else the ' +
          'A/A noise floor. Single runs without a floor cannot tell a change from noise: "noise unknown" (exit 0).',
      ) as Argv<CompareArgs>,
  // Synchronous unless calibrating: a refusal is thrown before anything is printed.
  handler: (args) => {
    if (args.calibrate) return calibrate(args);
    if (args.head === undefined || (args.more ?? []).length > 0) {
      throw new KloadError('INVALID_ARGUMENT', 'kload compare takes exactly two results: <base> <head>', {
        hint: 'More than two results are A/A runs for a noise floor only: add --calibrate --noise-floor floor.json.',
      });
    }
    const maxRegression = parseMaxRegression(args['max-regression']);
    const floorPath = args['noise-floor'];
    const noiseFloor = floorPath === undefined ? null : { floor: readNoiseFloorFile(floorPath), source: floorPath };
    const comparison = compareResults(readResultFile(args.base), readResultFile(args.head), {
      maxRegression,
      noiseFloor,
    });
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

async function calibrate(args: CompareArgs): Promise<void> {
  const path = args['noise-floor'];
  if (path === undefined) {
    throw new KloadError('INVALID_ARGUMENT', '--calibrate writes a noise floor file: pass --noise-floor <file>');
  }
  const files = [args.base, ...(args.head === undefined ? [] : [args.head]), ...(args.more ?? [])];
  const floor = calibrateNoiseFloor(files.map(readResultFile));
  await writeNoiseFloorFile(path, floor);
  process.stdout.write(`${formatNoiseFloor(floor, path)}\n`);
}
