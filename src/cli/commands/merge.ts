import type { Argv } from 'yargs';
import { ExitCode } from '../../errors.js';
import { readResultJson } from '../../result/read-result.js';
import { mergeSegments } from '../../segment/merge-segments.js';
import { checkSegment } from '../../segment/segment-codec.js';
import { consoleReporter } from '../console-reporter.js';
import { finishRun } from '../finish-run.js';
import type { KloadCommand } from '../kload-command.js';
import { checkLabel, LABEL_OPTION, labelled } from '../run-label.js';

interface MergeArgs {
  segments: string[];
  out: string;
  json: boolean;
  html?: string;
  hlog?: string;
  label?: string;
}

export const mergeCommand: KloadCommand<MergeArgs> = {
  command: 'merge <segments..>',
  describe: 'Merge the segment files of one run (kload run --segment i/N) into one result',
  builder: (y: Argv) =>
    y
      .positional('segments', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'One segment file per segment of the run',
      })
      .option('out', { type: 'string', default: 'results', describe: 'Directory for the result JSON' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result JSON on stdout' })
      .option('html', { type: 'string', describe: 'Also write an HTML report (default file: next to the result)' })
      .option('hlog', { type: 'string', describe: 'Also write an HdrHistogram log (default file: next to the result)' })
      .option('label', LABEL_OPTION)
      .example('$0 merge results/x-segment-*.json', 'Three hosts ran --segment 1/3, 2/3, 3/3; one result')
      .epilogue(
        'Histograms are added, never averaged (the merged p99 is the p99 of every message); integrity is ' +
          'checked across all segments; thresholds are judged on the merged result; exit codes as `kload run`.',
      ) as Argv<MergeArgs>,
  run: async (args) => {
    checkLabel(args.label);
    const segments = args.segments.map((path) => checkSegment(readResultJson(path), path));
    const result = mergeSegments(segments);
    const reporter = consoleReporter({ json: args.json });
    if (result.distribution) {
      for (const s of result.distribution.segments) {
        const clock =
          s.clockOffsetUs === null
            ? 'clock not measured'
            : `clock ${(s.clockOffsetUs / 1000).toFixed(1)} ms ± ${((s.clockBoundUs ?? 0) / 1000).toFixed(1)} ms`;
        reporter.info(`segment ${s.index}/${result.distribution.segmentCount}: ${s.status}, ${clock}`);
      }
    }
    return (await finishRun(labelled(result, args.label), { ...args, reporter })) satisfies ExitCode;
  },
};
