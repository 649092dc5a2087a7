/**
 * `kload run x.yaml --segment i/N --run-id ID --start-at TIME`: this host's share of a run that
 * N hosts run together, started by any orchestrator (ssh, Ansible, a Kubernetes Indexed Job).
 * It writes a segment file; `kload merge` turns the N files into one result.
 */
import type { ClusterTarget } from '../../cluster/cluster-target.js';
import { runSegment } from '../../coordinator/run-scenario.js';
import { ExitCode, KloadError } from '../../errors.js';
import { measureClockOffset } from '../../kafka/clock-offset.js';
import type { ClockOffsetRecord } from '../../result/segment-types.js';
import { writeResultFile } from '../../result/result-path.js';
import type { Scenario } from '../../scenario/types.js';
import { formatSegment, parseSegment, segmentRefusal } from '../../segment/execution-segment.js';
import { parseStartAt, startOnMonotonic } from '../../segment/start-time.js';
import { exitCodeOf } from '../finish-run.js';
import { kloadVersion } from '../version.js';
import type { consoleReporter } from '../console-reporter.js';

export interface SegmentArgs {
  segment?: string;
  'run-id'?: number;
  'start-at'?: string;
  out: string;
  json: boolean;
}

export interface SegmentContext {
  scenario: Scenario;
  cluster: ClusterTarget;
  clientConfig: Record<string, string>;
  reporter: ReturnType<typeof consoleReporter>;
  signal: AbortSignal;
}

export async function runSegmentByHand(args: SegmentArgs, c: SegmentContext): Promise<ExitCode> {
  const segment = parseSegment(args.segment ?? '');
  const refusal = segmentRefusal(c.scenario, segment.count);
  if (refusal) throw new KloadError('INVALID_ARGUMENT', `--segment ${formatSegment(segment)}: ${refusal}`);
  const runId = args['run-id'];
  if (runId === undefined || !Number.isInteger(runId) || runId < 0 || runId >= 2 ** 31) {
    throw new KloadError('INVALID_ARGUMENT', '--segment needs --run-id: one integer in [0, 2^31) for every segment', {
      hint: 'Consumers count only messages of their run: give all N segments the same --run-id, e.g. $RANDOM.',
    });
  }
  const startWallUs = parseStartAt(args['start-at']);
  const clock = await measureClock(c);
  c.reporter.info(
    `Segment ${formatSegment(segment)} of run ${runId}; this host's clock is ` +
      `${(clock.offsetUs / 1000).toFixed(1)} ms ± ${(clock.boundUs / 1000).toFixed(1)} ms from the broker's.`,
  );
  const { segment: result } = await runSegment({
    ...c,
    kloadVersion: kloadVersion(),
    segment,
    runId,
    agent: null,
    clock,
    chooseStart: async () => startOnMonotonic(startWallUs, clock.offsetUs, c.reporter),
  });
  const name = `${c.scenario.name}-segment-${segment.index}of${segment.count}`;
  const path = await writeResultFile(args.out, name, new Date(result.startedAt), result);
  c.reporter.endLine();
  const total = (pick: (w: { sent: number; acked: number }) => number) =>
    result.producers.reduce((n, w) => n + w.phases.reduce((m, p) => m + pick(p), 0), 0);
  const consumed = result.consumers.reduce((n, w) => n + w.phases.reduce((m, p) => m + p.consumed, 0), 0);
  c.reporter.info(
    `Segment ${formatSegment(segment)} ${result.status}: sent ${total((p) => p.sent)}, ` +
      `acked ${total((p) => p.acked)}, consumed ${consumed} (all phases).`,
  );
  c.reporter.info(`Segment file: ${path}`);
  c.reporter.info(`Merge the ${segment.count} segment files with: kload merge <files>`);
  if (result.status === 'failed') c.reporter.warn(`The segment failed: ${result.statusReason}`);
  return exitCodeOf(result.status);
}

async function measureClock(c: SegmentContext): Promise<ClockOffsetRecord> {
  const o = await measureClockOffset(c.cluster.brokers, c.clientConfig);
  return { offsetUs: o.offsetUs, boundUs: o.boundUs, method: o.method };
}
