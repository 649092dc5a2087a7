import type { Argv, CommandModule } from 'yargs';
import { KloadError } from '../../errors.js';
import { formatPlanMarkdown } from '../../plan/format-plan.js';
import { planCapacity } from '../../plan/plan-capacity.js';
import { parseLatencyUs, parseTarget } from '../../plan/plan-inputs.js';
import type { PlanOutcome } from '../../plan/plan-types.js';
import { writePlanHtmlPage } from '../../report/html/plan/plan-page.js';
import { readSweepResult } from '../../sweep/read-sweep-result.js';
import type { SweepResult } from '../../sweep/sweep-result-types.js';
import { writeFileAtomic } from '../../write-file-atomic.js';

interface PlanArgs {
  sweep: string;
  target: string;
  p99: string;
  'message-bytes'?: number;
  out?: string;
  html?: string;
  json: boolean;
  'min-r2': number;
}

export const planCommand: CommandModule<object, PlanArgs> = {
  command: 'plan <sweep>',
  describe: 'Partitions, producers and consumers for a target throughput and p99, from a sweep result',
  builder: (y: Argv) =>
    y
      .positional('sweep', {
        type: 'string',
        demandOption: true,
        describe: 'Sweep result JSON (results/<scenario>-sweep-<timestamp>.json)',
      })
      .option('target', {
        type: 'string',
        demandOption: true,
        describe: 'Throughput to sustain: msg/s or MB/s, e.g. 20000, "20k msg/s", "5 MB/s"',
      })
      .option('p99', {
        type: 'string',
        demandOption: true,
        describe: 'Publish p99 limit in the units thresholds take (us, µs, ms, s), e.g. 50ms, 250us, 0.5s',
      })
      .option('message-bytes', {
        type: 'number',
        describe: 'Record size to plan for (a size the sweep measured; default: the largest)',
      })
      .option('out', { type: 'string', describe: 'Write the Markdown plan to this file instead of stdout' })
      .option('html', {
        type: 'string',
        describe:
          'Also write a self-contained HTML page: the numbers, their evidence points on the sweep charts, ' +
          'the headroom; a refusal page when refused (default file: the sweep result with -plan.html)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the plan (or the refusal) as JSON on stdout',
      })
      .option('min-r2', {
        type: 'number',
        default: 0.8,
        describe: 'Refuse when the throughput fit explains less than this (R²)',
      })
      .example(
        '$0 plan results/sweep-small-sweep-20261122T003136Z.json --target 20000 --p99 300ms',
        'A plan in Markdown',
      )
      .example(
        '$0 plan sweep.json --target "5 MB/s" --p99 50ms --message-bytes 1000 --json',
        'As JSON, for 1,000-byte records',
      )
      .example(
        '$0 plan results/x-sweep-<UTC>.json --target 20000 --p99 300ms --html',
        'results/x-sweep-<UTC>-plan.html: the plan over the sweep charts; opens offline',
      )
      .epilogue(
        'Exit 2 with every reason when the sweep cannot support the target: ' +
          'beyond 1.25× the highest measured throughput, a throughput fit with R² below --min-r2 (0.8), ' +
          'or no point within the p99 limit.',
      ) as Argv<PlanArgs>,
  handler: async (args) => {
    const request = {
      target: parseTarget(args.target),
      p99Us: parseLatencyUs(args.p99),
      messageBytes: args['message-bytes'],
      minRSquared: args['min-r2'],
    };
    const sweep = await readSweepResult(args.sweep);
    const outcome = planCapacity(sweep, request);
    if (args.json) process.stdout.write(`${JSON.stringify(outcome.ok ? outcome.plan : outcome.refusal, null, 2)}\n`);
    // With --json stdout holds only the JSON, so the lines naming written files go to stderr.
    const notes = args.json ? process.stderr : process.stdout;
    // A refused plan gets its page too: the reasons over the charts are what the user needs to see.
    if (args.html !== undefined) await writePage(sweep, outcome, args.sweep, args.html, notes);
    if (!outcome.ok) {
      throw new KloadError(
        'PLAN_REFUSED',
        `the sweep cannot support this plan:\n${outcome.refusal.reasons.map((r) => `- ${r}`).join('\n')}`,
        {
          hint:
            'Lower the target or relax --p99, or run a sweep that covers it ' +
            '(more producers and partitions, repeats, a paced load, sweep.brokers for larger clusters).',
        },
      );
    }
    const markdown = formatPlanMarkdown(outcome.plan);
    if (args.out !== undefined) {
      await writeFileAtomic(args.out, markdown);
      notes.write(`Plan: ${args.out}\n`);
    } else if (!args.json && args.html === undefined) {
      process.stdout.write(markdown);
    }
  },
};

async function writePage(
  sweep: SweepResult,
  outcome: PlanOutcome,
  sweepPath: string,
  flagValue: string,
  notes: NodeJS.WritableStream,
): Promise<void> {
  const { path, bytes } = await writePlanHtmlPage(sweep, outcome, sweepPath, flagValue);
  notes.write(`HTML ${outcome.ok ? 'plan' : 'refusal'} page: ${path} (${Math.ceil(bytes / 1024)} KiB)\n`);
}
