/**
 * The library's run core: what `kload run` does between loading the scenario and printing the
 * summary, as a function. It never prints, never exits and writes no file unless `saveResult`
 * is called; a failed threshold is in `result.thresholds`, not an exception, because a library
 * caller (a test, a CI script) decides what a failure means to it.
 */
import type { EmbeddedCluster } from '../cluster/embedded-cluster.js';
import { resolveCluster, type ClusterTarget } from '../cluster/cluster-target.js';
import { logDirsOfNodes } from '../cluster/log-dirs.js';
import { kloadVersion } from '../cli/version.js';
import { runRepeats } from '../coordinator/run-repeats.js';
import { refuseRepeats } from '../coordinator/repeat-scenario.js';
import { silentReporter, type Reporter } from '../coordinator/reporter.js';
import { KloadError } from '../errors.js';
import { embeddedNodeControl } from '../faults/node-control.js';
import { formatHlog } from '../report/hlog.js';
import { writeHtmlReport } from '../report/html/write-html-report.js';
import { writeResultFile } from '../result/result-path.js';
import type { RunResult } from '../result/result-types.js';
import type { Scenario } from '../scenario/types.js';
import { runSweep as runSweepPoints } from '../sweep/run-sweep.js';
import type { SweepResult } from '../sweep/sweep-result-types.js';
import { writeFileAtomic } from '../write-file-atomic.js';

/** Where the load goes: any cluster by address, or an embedded cluster this process started. */
export type RunTarget = { brokers: string } | { cluster: EmbeddedCluster };

export interface LibraryRunOptions {
  /** librdkafka properties for every client (security.protocol, sasl.*); default: a secured embedded cluster's own. */
  clientConfig?: Record<string, string>;
  /** Aborting it stops the run cooperatively; the partial result comes back with status 'interrupted'. */
  signal?: AbortSignal;
  /** Progress and messages; any method left out is silent. */
  reporter?: Partial<Reporter>;
  /** Length of one interval of the result's time series (default 1000 ms). */
  intervalMs?: number;
  /** How long consumers may take to read what was acknowledged (default 30 s). */
  drainTimeoutMs?: number;
  /** Stop as soon as a publish-latency threshold can no longer pass. */
  abortOnFail?: boolean;
  /**
   * Run it this many times on fresh topics (default 1): the result is then the aggregate with every
   * repeat in `repeats`, as `kload run --repeats N` writes it.
   */
  repeats?: number;
}

/** Runs a scenario without a `sweep` block once and returns its result (also when interrupted or failed). */
export async function runScenario(
  scenario: Scenario,
  target: RunTarget,
  options: LibraryRunOptions = {},
): Promise<RunResult> {
  if (scenario.sweep !== undefined) {
    throw new KloadError('INVALID_ARGUMENT', `scenario ${scenario.name} has a sweep block`, {
      hint: 'Run it with runSweep(), which runs every point of the grid.',
    });
  }
  refuseRepeats(scenario, options.repeats ?? 1, null);
  return withTarget(target, options, async (common) => {
    const run = { ...common, scenario, nodes: common.cluster.nodes ?? null, abortOnFail: options.abortOnFail };
    const { result } = await runRepeats(run, options.repeats ?? 1);
    return result;
  });
}

/** Runs every point of a scenario's `sweep` grid; the result feeds planCapacity(). */
export async function runSweep(
  scenario: Scenario,
  target: RunTarget,
  options: Omit<LibraryRunOptions, 'abortOnFail'> = {},
): Promise<SweepResult> {
  if (scenario.sweep?.brokers !== undefined) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `scenario ${scenario.name} sweeps brokers: its points need clusters of their own`,
      {
        hint:
          'runSweep() runs on the one target it is given; ' +
          '`kload run` starts a fresh cluster per point for sweep.brokers.',
      },
    );
  }
  return withTarget(target, options, (common) => runSweepPoints({ ...common, scenario }));
}

export interface SavedResult {
  /** `<dir>/<scenario>-<UTC>.json`, as `kload run` names it. */
  resultPath: string;
  htmlPath?: string;
  hlogPath?: string;
}

/** Writes what `kload run --out dir [--html] [--hlog]` writes, each file atomically, side by side. */
export async function saveResult(
  result: RunResult,
  dir: string,
  also: { html?: boolean; hlog?: boolean } = {},
): Promise<SavedResult> {
  const resultPath = await writeResultFile(dir, result.scenario.name, new Date(result.startedAt), result);
  const saved: SavedResult = { resultPath };
  const beside = (extension: string) => resultPath.replace(/\.json$/, extension);
  if (also.html) {
    saved.htmlPath = beside('.html');
    await writeHtmlReport(result, saved.htmlPath);
  }
  if (also.hlog) {
    saved.hlogPath = beside('.hlog');
    await writeFileAtomic(saved.hlogPath, formatHlog(result));
  }
  return saved;
}

/** What a single run and a sweep both take from the target and the options. */
interface CommonRunArgs {
  cluster: ClusterTarget;
  clientConfig: Record<string, string>;
  reporter: Reporter;
  signal: AbortSignal;
  kloadVersion: string;
  intervalMs?: number;
  drainTimeoutMs?: number;
}

async function withTarget<T>(
  target: RunTarget,
  options: LibraryRunOptions,
  body: (common: CommonRunArgs) => Promise<T>,
): Promise<T> {
  const reporter: Reporter = { ...silentReporter, ...options.reporter };
  const common = {
    reporter,
    signal: options.signal ?? new AbortController().signal,
    kloadVersion: kloadVersion(),
    intervalMs: options.intervalMs,
    drainTimeoutMs: options.drainTimeoutMs,
  };
  if ('brokers' in target) {
    const clientConfig = options.clientConfig ?? {};
    // The same probe as --brokers: an unreachable cluster or a refused login fails in 5 s, with a hint.
    const cluster = await resolveCluster({ brokers: target.brokers, clientConfig, log: (l) => reporter.info(l) });
    return body({ ...common, cluster, clientConfig });
  }
  const embedded = target.cluster;
  const clientConfig = options.clientConfig ?? embedded.security?.clientConfig ?? {};
  return body({ ...common, cluster: describeEmbedded(embedded), clientConfig });
}

/**
 * The caller started the cluster and stops it; for the result it is a temporary cluster (kload
 * reads its log directories and may pause, kill and restart its nodes for the scenario's faults).
 */
function describeEmbedded(cluster: EmbeddedCluster): ClusterTarget {
  return {
    kind: 'embedded-temporary',
    brokers: cluster.bootstrapServers,
    brokerCount: cluster.nodes.length,
    kafkaVersion: cluster.kafkaVersion,
    logDirs: logDirsOfNodes(cluster.nodes.map((n) => n.spec.dir)),
    logDirsUnavailableReason: null,
    release: async () => {},
    nodes: embeddedNodeControl(cluster, 'temporary'),
  };
}
