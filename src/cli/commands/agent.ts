import { hostname } from 'node:os';
import type { Argv } from 'yargs';
import { runAgent } from '../../agent/agent.js';
import { DEFAULT_CONTROL_TOPIC } from '../../agent/control-protocol.js';
import { resolveCluster } from '../../cluster/cluster-target.js';
import { readPropertiesFile } from '../../coordinator/client-properties.js';
import { ExitCode, KloadError } from '../../errors.js';
import { consoleReporter } from '../console-reporter.js';
import { interruptOnSignal } from '../interrupt.js';
import type { KloadCommand } from '../kload-command.js';
import { kloadVersion } from '../version.js';
import { AgentMetrics } from '../../live/agent-metrics.js';
import { parseMetricsAddress } from '../../live/metrics-server.js';

interface AgentArgs {
  brokers?: string;
  'client-config'?: string;
  name?: string;
  'control-topic': string;
  'test-clock-shift-ms'?: number;
  metrics?: string;
}

export const agentCommand: KloadCommand<AgentArgs> = {
  command: 'agent',
  describe: 'Wait on the cluster for work from `kload run --agents` and run a share of each run',
  builder: (y: Argv) =>
    y
      .option('brokers', {
        type: 'string',
        describe: 'Bootstrap servers of the cluster under test (default: the running embedded cluster)',
      })
      .option('client-config', { type: 'string', describe: 'librdkafka properties file (security, access)' })
      .option('name', { type: 'string', describe: 'How coordinators name this agent (default: host-pid)' })
      .option('control-topic', {
        type: 'string',
        default: DEFAULT_CONTROL_TOPIC,
        describe: 'The topic agents and coordinators talk on (created when missing)',
      })
      .option('metrics', {
        type: 'string',
        describe: 'Serve live Prometheus metrics of the segment it runs (or ran last) on [host:]port at /metrics',
      })
      .option('test-clock-shift-ms', { type: 'number', hidden: true })
      .example('$0 agent --brokers kafka-1:9092 --name load-1', 'On each load host; then on any host:')
      .example('$0 run x.yaml --brokers kafka-1:9092 --agents 3', 'Splits the run over three idle agents')
      .epilogue(
        'An agent opens no port (unless --metrics): it needs only what the run needs, a connection to the ' +
          'cluster. It runs one ' +
          'segment at a time and declines work while busy. Ctrl-C stops the current segment and sends its ' +
          'partial result.',
      ) as Argv<AgentArgs>,
  run: async (args) => {
    const clientConfig = args['client-config'] ? readPropertiesFile(args['client-config']) : {};
    const name = args.name ?? `${hostname()}-${process.pid}`;
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
      throw new KloadError('INVALID_ARGUMENT', `--name ${JSON.stringify(name)}: letters, digits, '.', '_', '-' only`);
    }
    const reporter = consoleReporter({ json: false });
    const metrics =
      args.metrics === undefined ? undefined : await AgentMetrics.start(parseMetricsAddress(args.metrics));
    if (metrics) reporter.info(`Metrics: ${metrics.server.url} (run = the coordinator's run id)`);
    const interrupt = interruptOnSignal(() => reporter.warn('Leaving: stopping the current segment, if any ...'));
    try {
      const cluster = await resolveCluster({ brokers: args.brokers, clientConfig, log: (l) => reporter.info(l) });
      try {
        await runAgent({
          name,
          brokers: cluster.brokers,
          clientConfig,
          controlTopic: args['control-topic'],
          kloadVersion: kloadVersion(),
          reporter,
          signal: interrupt.signal,
          clockShiftUs: (args['test-clock-shift-ms'] ?? 0) * 1000,
          ...(metrics ? { metrics } : {}),
        });
      } finally {
        await cluster.release();
      }
    } finally {
      interrupt.dispose();
      await metrics?.close();
    }
    return ExitCode.ok;
  },
};
