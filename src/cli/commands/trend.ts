import type { Argv, CommandModule } from 'yargs';
import { KloadError } from '../../errors.js';
import { percent } from '../../compare/format-comparison.js';
import { parseMaxRegression } from '../../compare/max-regression.js';
import { readResultFile } from '../../result/read-result.js';
import { writeTrendPage } from '../../report/html/trend/trend-page.js';
import { buildTrend } from '../../trend/build-trend.js';
import { formatTrend, TREND_FORMATS, type TrendFormat } from '../../trend/format-trend.js';
import { TREND_ORDERS } from '../../trend/order-runs.js';
import { LABEL_SOURCES_HELP, parseLabelSource } from '../../trend/run-labels.js';
import type { TrendOrder } from '../../trend/trend-types.js';

interface TrendArgs {
  results: string[];
  'label-from': string;
  order: TrendOrder;
  'max-regression': string;
  format: TrendFormat;
  html?: string;
  'fail-on-regression': boolean;
}

export const trendCommand: CommandModule<object, TrendArgs> = {
  command: 'trend <results..>',
  describe: 'Follow results of one scenario across runs: bands, change points, the newest run judged',
  builder: (y: Argv) =>
    y
      .positional('results', {
        type: 'string',
        array: true,
        demandOption: true,
        // yargs gives a variadic positional a [] default that --help would print as "[default: []]".
        default: undefined,
        describe: 'Result JSON files of one scenario (2 or more; a shell glob is fine)',
      })
      .option('label-from', {
        type: 'string',
        default: 'time',
        describe: `What names each run: ${LABEL_SOURCES_HELP} (git: the text of kload run --label)`,
      })
      .option('order', {
        choices: TREND_ORDERS,
        default: 'time' as TrendOrder,
        describe: 'Order runs by start time, by label (natural order: build-9 before build-10), or as given',
      })
      .option('max-regression', {
        type: 'string',
        default: '5%',
        describe: 'Smallest change that counts, whatever the spread of the earlier runs',
      })
      .option('format', { choices: TREND_FORMATS, default: 'table' as TrendFormat, describe: 'Output format' })
      .option('html', { type: 'string', describe: 'Also write a self-contained HTML page with one chart per metric' })
      .option('fail-on-regression', {
        type: 'boolean',
        default: false,
        describe: 'Exit 99 when the newest run regressed against the runs before it',
      })
      .example('$0 trend results/quickstart-*.json', 'Every quickstart run so far, oldest first')
      .example(
        '$0 run x.yaml --label "$(git rev-parse --short HEAD)"',
        'Record the commit under test in the result, for --label-from git',
      )
      .example(
        '$0 trend results/x-*.json --label-from git --fail-on-regression --max-regression 10%',
        'A nightly gate: fail when the newest commit made a metric worse',
      )
      .example('$0 trend results/x-*.json --label-from field:kload.version --order label', 'One run per kload version')
      .example('$0 trend results/x-*.json --html trend.html --format markdown', 'A page with charts and a PR comment')
      .epilogue(
        'Per recorded phase: throughput, publish p99 and end-to-end p99. A run is beyond noise when it lies ' +
          'outside the band of the runs before it: their median ± the larger of 3 robust standard deviations ' +
          '(1.4826 × MAD; repeats of kload run --repeats count as extra samples) and --max-regression. The ' +
          'change point (◆) is the first run from which it and the next 2 runs (or all that follow) stay beyond ' +
          'that band on the same side, so one odd run is never a change. Results of other scenarios or phases ' +
          'are refused (exit 2).',
      ) as Argv<TrendArgs>,
  handler: async (args) => {
    const maxRegression = parseMaxRegression(args['max-regression']);
    const labels = parseLabelSource(args['label-from']);
    if (args.html === '') {
      throw new KloadError('INVALID_ARGUMENT', '--html needs a file name, e.g. --html trend.html');
    }
    const files = args.results.map((file) => ({ file, result: readResultFile(file) }));
    const trend = buildTrend(files, { order: args.order, labels, maxRegression });
    process.stdout.write(`${formatTrend(trend, args.format)}\n`);
    if (args.html !== undefined) {
      const { path, bytes } = await writeTrendPage(trend, args.html);
      process.stderr.write(`HTML trend page: ${path} (${Math.ceil(bytes / 1024)} KiB)\n`);
    }
    const n = trend.regressions;
    if (args['fail-on-regression'] && n > 0) {
      throw new KloadError(
        'REGRESSION_FOUND',
        `the newest run regressed in ${n} metric${n === 1 ? '' : 's'} beyond ${percent(maxRegression)} ` +
          'and beyond the spread of the runs before it',
      );
    }
  },
};
