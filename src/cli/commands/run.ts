import type { Argv } from 'yargs';
import { describeCluster, resolveCluster, type ClusterTarget } from '../../cluster/cluster-target.js';
import { readPropertiesFile } from '../../coordinator/client-properties.js';
import { runRepeats } from '../../coordinator/run-repeats.js';
import { refuseRepeats } from '../../coordinator/repeat-scenario.js';
import { type ExitCode, KloadError } from '../../errors.js';
import { runWithAgents } from '../../agent/coordinate-agents.js';
import { DEFAULT_CONTROL_TOPIC } from '../../agent/control-protocol.js';
import { runSegmentByHand } from './run-segment.js';
import { refuseFaultsInSplitRun } from '../../faults/fault-refusal.js';
import { exitCodeOf, finishRun } from '../finish-run.js';
import { writeResultFile } from '../../result/result-path.js';
import { loadScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/types.js';
import { formatSweepSummary } from '../../sweep/format-sweep.js';
import { formatSweepProgress } from '../../sweep/progress.js';
import { runSweep } from '../../sweep/run-sweep.js';
import { refuseGivenClusterForBrokerSweep, sweepsBrokers } from '../../sweep/point-clusters.js';
import { runningClusterState } from '../../cluster/cluster-control.js';
import { consoleReporter } from '../console-reporter.js';
import { interruptOnSignal } from '../interrupt.js';
import type { KloadCommand } from '../kload-command.js';
import { kloadVersion } from '../version.js';
import { startLiveMetrics } from '../live-metrics-option.js';
import { checkLabel, LABEL_OPTION, labelled } from '../run-label.js';

interface RunArgs {
  scenario: string;
  brokers?: string;
  'client-config'?: string;
  out: string;
  json: boolean;
  'abort-on-fail': boolean;
  html?: string;
  hlog?: string;
  segment?: string;
  'run-id'?: number;
  'start-at'?: string;
  agents?: string;
  'control-topic': string;
  metrics?: string;
  'metrics-wait': number;
  label?: string;
  repeats: number;
}

type ConsoleReporter = ReturnType<typeof consoleReporter>;

export const runCommand: KloadCommand<RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run a scenario file and write its result JSON',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' })
      .option('brokers', {
        type: 'string',
        describe: 'Bootstrap servers host:port,... (default: the running embedded cluster, else a temporary one)',
      })
      .option('client-config', {
        type: 'string',
        describe: 'librdkafka properties file for every client (security, cluster access)',
      })
      .option('out', { type: 'string', default: 'results', describe: 'Directory for the result JSON' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the result JSON on stdout (progress goes to stderr)',
      })
      .option('abort-on-fail', {
        type: 'boolean',
        default: false,
        describe: 'Stop as soon as a publish-latency threshold can no longer pass (exit 99)',
      })
      .option('label', LABEL_OPTION)
      .option('html', {
        type: 'string',
        describe: 'Also write a self-contained HTML report (default file: next to the result JSON)',
      })
      .option('hlog', {
        type: 'string',
        describe: 'Also write an HdrHistogram interval log (default file: next to the result JSON)',
      })
      .option('repeats', {
        type: 'number',
        default: 1,
        describe: 'Run the scenario N times on fresh topics; one result holds every repeat and their aggregate',
      })
      .option('metrics', {
        type: 'string',
        describe: 'Serve live Prometheus metrics on [host:]port at /metrics while the run lasts',
        group: 'Live metrics:',
      })
      .option('metrics-wait', {
        type: 'number',
        default: 15,
        describe: 'After the result is written, wait up to this many seconds for a last scrape',
        group: 'Live metrics:',
      })
      .option('segment', {
        type: 'string',
        describe: 'Run only share i of N (i/N) and write a segment file for `kload merge`',
        group: 'Many hosts:',
      })
      .option('run-id', {
        type: 'number',
        describe: 'With --segment: the one run id every segment of the run shares',
        group: 'Many hosts:',
      })
      .option('start-at', {
        type: 'string',
        describe: 'With --segment: when every segment starts its schedule (ISO 8601 with zone)',
        group: 'Many hosts:',
      })
      .option('agents', {
        type: 'string',
        describe: 'Split the run over N idle `kload agent`s (or name1,name2,...) and merge their results',
        group: 'Many hosts:',
      })
      .option('control-topic', {
        type: 'string',
        default: DEFAULT_CONTROL_TOPIC,
        describe: 'The topic agents and coordinator talk on',
        group: 'Many hosts:',
      })
      .conflicts('segment', 'agents')
      .example('$0 run scenarios/quickstart.yaml', 'On the embedded cluster (started for the run if none is running)')
      .example(
        '$0 run scenarios/max-throughput.yaml --brokers kafka-1:9092,kafka-2:9092',
        'Against an existing cluster',
      )
      .example(
        '$0 run x.yaml --client-config sasl.properties --out /tmp/results',
        'With SASL settings, results elsewhere',
      )
      .example('$0 run scenarios/quickstart.yaml --html', 'And an HTML report beside the result JSON')
      .example('$0 run scenarios/quickstart.yaml --repeats 5', 'Five runs in one result, for `kload compare`')
      .example('$0 run scenarios/quickstart.yaml --metrics 9464', 'Prometheus scrapes http://<host>:9464/metrics')
      .example('$0 run x.yaml --brokers kafka-1:9092 --agents 3', 'Over three `kload agent`s on other hosts')
      .example(
        '$0 run x.yaml --brokers kafka-1:9092 --segment 2/3 --run-id 42 --start-at 2026-12-02T10:00:00Z',
        "One host's share by hand; then `kload merge` the three files",
      )
      .epilogue(
        'Ctrl-C stops the run cleanly and still writes the partial result (marked "interrupted").',
      ) as Argv<RunArgs>,
  run: async (args) => {
    checkLabel(args.label);
    if (args.label !== undefined && args.segment !== undefined) {
      throw new KloadError('INVALID_ARGUMENT', '--label names a whole run: not with --segment', {
        hint: "Pass --label to `kload merge`, which writes the run's result.",
      });
    }
    const scenario = loadScenario(args.scenario);
    const split = args.segment !== undefined ? '--segment' : args.agents !== undefined ? '--agents' : null;
    refuseRepeats(scenario, args.repeats, split);
    if (args.segment !== undefined) refuseFaultsInSplitRun(scenario, '--segment');
    if (args.agents !== undefined) refuseFaultsInSplitRun(scenario, '--agents');
    const clientConfig = args['client-config'] ? readPropertiesFile(args['client-config']) : {};
    refuseGivenClusterForBrokerSweep(scenario, args.brokers);
    const reporter = consoleReporter({ json: args.json });
    const interrupt = interruptOnSignal(() =>
      reporter.warn('Interrupted: stopping the workers and writing the partial result (Ctrl-C again to quit now) ...'),
    );
    try {
      if (sweepsBrokers(scenario)) {
        const common = { scenario, cluster: null, clientConfig, reporter, signal: interrupt.signal };
        return await sweepOnce(args, common);
      }
      const cluster = await resolveCluster({
        brokers: args.brokers,
        scenario,
        clientConfig,
        log: (line) => reporter.info(line),
      });
      try {
        reporter.info(describeCluster(cluster));
        const common = { scenario, cluster, clientConfig, reporter, signal: interrupt.signal };
        return scenario.sweep === undefined ? await runOnce(args, common) : await sweepOnce(args, common);
      } finally {
        await cluster.release();
      }
    } finally {
      interrupt.dispose();
    }
  },
};

interface RunContext {
  scenario: Scenario;
  cluster: ClusterTarget;
  clientConfig: Record<string, string>;
  reporter: ConsoleReporter;
  signal: AbortSignal;
}

async function runOnce(args: RunArgs, c: RunContext): Promise<ExitCode> {
  if (args.metrics !== undefined && (args.segment !== undefined || args.agents !== undefined)) {
    throw new KloadError('INVALID_ARGUMENT', '--metrics serves a run of this process: not with --segment or --agents', {
      hint: 'With agents, start each one as `kload agent --metrics [host:]port`; they label series by the run id.',
    });
  }
  if (args.segment !== undefined) return runSegmentByHand(args, c);
  if (args.agents !== undefined) return runOnAgents(args, c);
  const live =
    args.metrics === undefined
      ? null
      : await startLiveMetrics(args.metrics, args['metrics-wait'], c.scenario, c.reporter);
  try {
    const { result, abortedBy } = await runRepeats(
      {
        ...c,
        ...(live ? { reporter: live.reporter, watch: live.watch } : {}),
        nodes: c.cluster.nodes ?? null,
        kloadVersion: kloadVersion(),
        abortOnFail: args['abort-on-fail'],
      },
      args.repeats,
    );
    live?.finish(result);
    return await finishRun(labelled(result, args.label), { ...args, reporter: c.reporter, abortedBy });
  } finally {
    await live?.close();
  }
}

async function runOnAgents(args: RunArgs, c: RunContext): Promise<ExitCode> {
  if (c.cluster.kind === 'embedded-temporary') {
    throw new KloadError('INVALID_ARGUMENT', '--agents needs a cluster the agents can reach too', {
      hint: 'Pass --brokers (the agents were started with the same), or start `kload cluster start --detach`.',
    });
  }
  const wanted = /^\d+$/.test(args.agents ?? '') ? Number(args.agents) : (args.agents ?? '').split(',').filter(Boolean);
  if (wanted === 0 || (Array.isArray(wanted) && wanted.length === 0)) {
    throw new KloadError('INVALID_ARGUMENT', `--agents ${JSON.stringify(args.agents)}: a count >= 1 or agent names`);
  }
  const result = await runWithAgents({ ...c, agents: wanted, controlTopic: args['control-topic'] });
  return finishRun(labelled(result, args.label), { ...args, reporter: c.reporter });
}

/**
 * A scenario with a `sweep` block runs every point of its grid and writes one sweep result. With
 * sweep.brokers there is no cluster here: every point starts its own.
 */
async function sweepOnce(
  args: RunArgs,
  c: Omit<RunContext, 'cluster'> & { cluster: ClusterTarget | null },
): Promise<ExitCode> {
  const { reporter } = c;
  if (c.cluster === null && runningClusterState())
    reporter.warn(
      'A detached embedded cluster is running: sweep.brokers leaves it alone and starts its own clusters, ' +
        'which share the cores with it.',
    );
  if (args.metrics !== undefined)
    throw new KloadError('INVALID_ARGUMENT', '--metrics serves a single run, not a sweep');
  if (args.html !== undefined || args.hlog !== undefined)
    reporter.warn('--html and --hlog apply to single runs; a sweep writes its sweep result only.');
  const result = await runSweep({
    ...c,
    kloadVersion: kloadVersion(),
    onPoint: (progress) => reporter.info(formatSweepProgress(progress)),
  });
  const resultPath = await writeResultFile(args.out, `${c.scenario.name}-sweep`, new Date(result.startedAt), result);
  reporter.endLine();
  if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`\n${formatSweepSummary(result)}\n`);
  reporter.info(`Sweep result: ${resultPath}`);
  if (result.status !== 'complete') reporter.warn(`The sweep stopped early: ${result.statusReason}`);
  return exitCodeOf(result.status);
}
