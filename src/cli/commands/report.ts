import type { Argv, CommandModule } from 'yargs';
import { KloadError } from '../../errors.js';
import { formatSummaryAndModels } from '../../report/models/format-run-models.js';
import { buildRunModels } from '../../report/models/run-models.js';
import { readReportInput } from '../../report/read-report-input.js';
import { writeReports } from '../../report/write-reports.js';
import { writeSweepHtmlReport } from '../../report/html/sweep/sweep-page.js';
import { formatSweepReport } from '../../sweep/format-sweep-report.js';
import type { SweepResult } from '../../sweep/sweep-result-types.js';

interface ReportArgs {
  result: string;
  html?: string;
  hlog?: string;
  json: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <result>',
  describe: 'Read a run or sweep result again: summary and models, an HTML report, or an HdrHistogram log of a run',
  builder: (y: Argv) =>
    y
      .positional('result', {
        type: 'string',
        demandOption: true,
        describe: 'Result JSON written by kload run (a single run or a sweep)',
      })
      .option('html', {
        type: 'string',
        describe: 'Write a self-contained HTML report (default file: the result with .html)',
      })
      .option('hlog', {
        type: 'string',
        describe: 'Write an HdrHistogram interval log (default file: the result with .hlog)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print only the models section, as JSON' })
      .example(
        '$0 report results/x.json',
        "The summary table, then Little's law per phase and each ramp's latency knee",
      )
      .example(
        '$0 report results/x-sweep-<UTC>.json',
        "A sweep: its points, the seed-formula fits, USL, Little's law per point",
      )
      .example(
        '$0 report results/x-sweep-<UTC>.json --html',
        'results/x-sweep-<UTC>.html: the points, the fits and their bands, USL, latency; opens offline',
      )
      .example('$0 report results/x.json --json', 'The models as JSON, for scripts')
      .example('$0 report results/x.json --html', 'results/x.html: charts, spectrum, thresholds; opens offline')
      .example(
        '$0 report results/x.json --hlog x.hlog',
        'For HistogramLogProcessor or HdrHistogramVisualizer',
      ) as Argv<ReportArgs>,
  handler: async (args) => {
    const input = readReportInput(args.result);
    if (input.kind === 'sweep') return reportSweep(input.result, args);
    const { result } = input;
    const wantsFiles = args.html !== undefined || args.hlog !== undefined;
    if (args.json) process.stdout.write(`${JSON.stringify(buildRunModels(result), null, 2)}\n`);
    else if (!wantsFiles) process.stdout.write(`${formatSummaryAndModels(result)}\n`);
    // With --json stdout holds only the JSON, so the lines naming written files go to stderr.
    const out = args.json ? process.stderr : process.stdout;
    for (const line of await writeReports(result, args.result, { html: args.html, hlog: args.hlog }))
      out.write(`${line}\n`);
  },
};

async function reportSweep(result: SweepResult, args: ReportArgs): Promise<void> {
  if (args.hlog !== undefined) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `${args.result} is a sweep result; --hlog applies to a single run's result`,
      {
        hint:
          'Every point of a sweep holds a complete run result (points[i].result); ' +
          'save one as its own file to write its HdrHistogram log.',
      },
    );
  }
  if (args.json) process.stdout.write(`${JSON.stringify(result.models, null, 2)}\n`);
  else if (args.html === undefined) process.stdout.write(`${formatSweepReport(result)}\n`);
  if (args.html !== undefined) {
    const { path, bytes } = await writeSweepHtmlReport(result, args.result, args.html);
    // With --json stdout holds only the JSON, so the line naming the page goes to stderr.
    (args.json ? process.stderr : process.stdout).write(
      `HTML sweep report: ${path} (${Math.ceil(bytes / 1024)} KiB)\n`,
    );
  }
}
