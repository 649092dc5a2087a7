import { extname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { KloadError } from '../../errors.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { readResultFile } from '../../report/compare/read-result.js';
import { formatSummaryTable } from '../../report/console-summary.js';
import { formatHlog } from '../../report/hlog.js';
import { writeHtmlReport } from '../../report/html/write-html-report.js';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../../report/result-types.js';

interface ReportArgs {
  result: string;
  html?: string;
  hlog?: string;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <result>',
  describe: 'Turn a result JSON into an HTML report or an HdrHistogram log (default: the summary table)',
  builder: (y: Argv) =>
    y
      .positional('result', { type: 'string', demandOption: true, describe: 'Result JSON written by kload run' })
      .option('html', { type: 'string', describe: 'Write a self-contained HTML report (default file: the result with .html)' })
      .option('hlog', { type: 'string', describe: 'Write an HdrHistogram interval log (default file: the result with .hlog)' })
      .example('$0 report results/quickstart-20261121T233045Z.json', 'The summary table again')
      .example('$0 report results/x.json --html', 'results/x.html: charts, spectrum, thresholds; opens offline')
      .example('$0 report results/x.json --hlog x.hlog', 'For HistogramLogProcessor or HdrHistogramVisualizer') as Argv<ReportArgs>,
  handler: async (args) => {
    const result = readKnownResult(args.result);
    if (args.html === undefined && args.hlog === undefined) {
      process.stdout.write(`${formatSummaryTable(result)}\n`);
      return;
    }
    for (const line of await writeReports(result, args.result, { html: args.html, hlog: args.hlog })) process.stdout.write(`${line}\n`);
  },
};

/**
 * Writes the files asked for by `--html [file]` / `--hlog [file]` (an empty value means "next to
 * the result") and returns one line per file for the user. Shared with `kload run`.
 */
export async function writeReports(result: RunResult, resultPath: string, wanted: { html?: string; hlog?: string }): Promise<string[]> {
  const lines: string[] = [];
  if (wanted.html !== undefined) {
    const path = outputPath(resultPath, wanted.html, '.html');
    const bytes = await writeHtmlReport(result, path);
    lines.push(`HTML report: ${path} (${Math.ceil(bytes / 1024)} KiB)`);
  }
  if (wanted.hlog !== undefined) {
    const path = outputPath(resultPath, wanted.hlog, '.hlog');
    await writeFileAtomic(path, formatHlog(result));
    lines.push(`HdrHistogram log: ${path}`);
  }
  return lines;
}

/** `--html` alone gives "" from yargs: the result's path with the report's extension. */
export function outputPath(resultPath: string, flagValue: string, extension: string): string {
  if (flagValue !== '') return flagValue;
  const ext = extname(resultPath);
  return `${ext === '' ? resultPath : resultPath.slice(0, -ext.length)}${extension}`;
}

function readKnownResult(path: string): RunResult {
  const result = readResultFile(path);
  if (result.schemaVersion !== RESULT_SCHEMA_VERSION) {
    throw new KloadError('INVALID_ARGUMENT', `${path} has result schemaVersion ${String(result.schemaVersion)}; this kload reads version ${RESULT_SCHEMA_VERSION}`, {
      hint: 'Use the kload version that wrote the result, or re-run the scenario with this one.',
    });
  }
  return result;
}
