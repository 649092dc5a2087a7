/**
 * Segments back into one run result, of the same shape as a single process would write: worker
 * results are concatenated and folded by the code a single run uses (buildPhaseResults,
 * integrityByPhase), so histograms are added — the merged p99 is the p99 of all messages — and
 * integrity is checked across every producer and consumer of every segment.
 */
import { DEFAULT_GENERATOR_BOUNDS } from '../coordinator/generator-bound.js';
import { buildPhaseResults, phaseDurations } from '../coordinator/build-result.js';
import { integrityByPhase } from '../coordinator/integrity.js';
import { KloadError } from '../errors.js';
import { IntervalSeries } from '../metrics/interval-series.js';
import { RESULT_SCHEMA_VERSION, type Distribution, type RunResult } from '../result/result-types.js';
import type { SegmentResult } from '../result/segment-types.js';
import { summarizeRun } from '../result/summary.js';
import { evaluateThresholds } from '../thresholds/evaluate.js';
import { decodeConsumers, decodeProducers } from './segment-codec.js';

export interface MergeOptions {
  /**
   * Merge what there is when segments are missing (an agent died): the result is then 'failed'
   * and names them. Without it, a missing segment is an error: a merge by hand must be complete.
   */
  allowMissing?: boolean;
}

export function mergeSegments(segments: SegmentResult[], options: MergeOptions = {}): RunResult {
  const missing = checkBelongTogether(segments, options.allowMissing ?? false);
  const ordered = [...segments].sort((a, b) => a.segment.index - b.segment.index);
  const first = ordered[0]!;
  const scenario = first.scenario;
  // Worker ids stay as each segment numbered them, moved up by 1000 per segment to stay unique.
  const producers = ordered.flatMap((s, k) => decodeProducers(s.producers, 1000 * k));
  const consumers = ordered.flatMap((s, k) => decodeConsumers(s.consumers, 1000 * k));
  // A missing segment's consumers may have read what the others' did not: unverified, not lost.
  const drained = missing.length === 0 && ordered.every((s) => s.drained);
  const phases = buildPhaseResults({
    scenario,
    producers,
    consumers,
    series: alignedSeries(ordered),
    durationsSec: phaseDurations(scenario, latestStop(ordered)),
    lag: mergedLag(ordered),
    integrity: scenario.consumers
      ? integrityByPhase(scenario.phases.length, scenario.consumers.groups, producers, consumers, drained)
      : null,
    bounds: DEFAULT_GENERATOR_BOUNDS,
  });
  const { status, statusReason } = mergedStatus(ordered, missing);
  const result: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kload: first.kload,
    status,
    statusReason,
    startedAt: ordered.map((s) => s.startedAt).sort()[0]!,
    finishedAt: ordered
      .map((s) => s.finishedAt)
      .sort()
      .at(-1)!,
    scenario,
    environment: {
      ...first.environment,
      producerThreads: ordered.reduce((n, s) => n + s.environment.producerThreads, 0),
      consumerThreads: ordered.reduce((n, s) => n + s.environment.consumerThreads, 0),
    },
    phases,
    thresholds: [],
    summary: summarizeRun(phases),
  };
  if (first.segment.count > 1 || first.agent !== null) result.distribution = distribution(ordered, missing);
  result.thresholds = evaluateThresholds(scenario.thresholds, result);
  return result;
}

/** The 1-based indices of the missing segments (empty unless allowed). */
function checkBelongTogether(segments: SegmentResult[], allowMissing: boolean): number[] {
  if (segments.length === 0) throw new KloadError('INVALID_SEGMENT', 'no segments to merge');
  const first = segments[0]!;
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const s of segments) {
    const name = `segment ${s.segment.index}/${s.segment.count}`;
    if (s.runId !== first.runId) problems.push(`${name} is from run ${s.runId}, not ${first.runId}`);
    if (s.segment.count !== first.segment.count) problems.push(`${name} splits the run in ${s.segment.count}`);
    if (seen.has(s.segment.index)) problems.push(`${name} is given twice`);
    seen.add(s.segment.index);
    if (JSON.stringify(s.scenario) !== JSON.stringify(first.scenario)) {
      problems.push(`${name} ran another scenario (${s.scenario.name}) or another version of it`);
    }
    if (s.intervalMs !== first.intervalMs) problems.push(`${name} reported every ${s.intervalMs} ms`);
    const late = outsideOwnRun(s);
    if (late) problems.push(`${name} has ${late} outside its own run (${s.startedAt} to ${s.finishedAt})`);
  }
  const missing = Array.from({ length: first.segment.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0 && !allowMissing) {
    problems.push(`segment${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${first.segment.count} missing`);
  }
  if (problems.length > 0) {
    throw new KloadError('INVALID_SEGMENT', `these segments do not make one run:\n  ${problems.join('\n  ')}`, {
      hint: 'Merge the files of one run, one per segment: every --segment i/N with the same --run-id.',
    });
  }
  return missing;
}

/**
 * What of the segment lies outside its startedAt..finishedAt, or null. Only a damaged file has
 * such times, and lining it up would shift its series by years (an array of that many intervals).
 */
function outsideOwnRun(s: SegmentResult): string | null {
  // Schedule times are on the broker's clock (corrected by `clock`), the run's on the host's.
  const slackUs = Math.abs(s.clock?.offsetUs ?? 0) + Math.abs(s.clock?.boundUs ?? 0) + 60e6;
  const startedUs = Date.parse(s.startedAt) * 1000 - slackUs;
  const finishedUs = Date.parse(s.finishedAt) * 1000 + slackUs;
  if (!(s.scheduleStartWallUs >= startedUs && s.scheduleStartWallUs <= finishedUs)) return 'its schedule start';
  // A phase starts at or after the schedule, so an interval's index from its phase's start puts it no earlier.
  const lastIndex = s.intervals.flat().reduce((last, d) => Math.max(last, d.index), 0);
  if (s.scheduleStartWallUs + lastIndex * s.intervalMs * 1000 > finishedUs) return `interval ${lastIndex}`;
  return null;
}

/**
 * Interval i of a phase is the same second of the schedule in every segment when they started
 * together; a segment that started later is shifted by whole intervals, so the series line up on
 * wall time.
 */
function alignedSeries(segments: SegmentResult[]): IntervalSeries[] {
  const intervalUs = segments[0]!.intervalMs * 1000;
  const earliest = Math.min(...segments.map((s) => s.scheduleStartWallUs));
  const series = segments[0]!.scenario.phases.map(() => new IntervalSeries(segments[0]!.intervalMs));
  for (const s of segments) {
    const shift = Math.max(0, Math.round((s.scheduleStartWallUs - earliest) / intervalUs));
    s.intervals.forEach((deltas, phase) => {
      for (const d of deltas) series[phase]?.add({ ...d, index: d.index + shift });
    });
  }
  return series;
}

/** Every segment samples the same group's lag; the largest sample per interval is the cautious one. */
function mergedLag(segments: SegmentResult[]): Map<number, number>[] {
  return segments[0]!.scenario.phases.map((_, phase) => {
    const out = new Map<number, number>();
    for (const s of segments) {
      for (const [index, lag] of s.lag[phase] ?? []) out.set(index, Math.max(out.get(index) ?? 0, lag));
    }
    return out;
  });
}

function latestStop(segments: SegmentResult[]): number | null {
  const stops = segments.map((s) => s.stoppedAfterSec).filter((x): x is number => x !== null);
  return stops.length === 0 ? null : Math.max(...stops);
}

function mergedStatus(segments: SegmentResult[], missing: number[]): Pick<RunResult, 'status' | 'statusReason'> {
  const name = (s: SegmentResult) =>
    `segment ${s.segment.index}/${s.segment.count}${s.agent ? ` (agent ${s.agent})` : ''}`;
  const failed = segments.filter((s) => s.status === 'failed');
  if (missing.length > 0 || failed.length > 0) {
    const reasons = [
      ...failed.map((s) => `${name(s)} failed: ${s.statusReason ?? 'no reason given'}`),
      ...(missing.length > 0 ? [`no result from segment ${missing.join(', ')} of ${segments[0]!.segment.count}`] : []),
    ];
    return { status: 'failed', statusReason: reasons.join('; ') };
  }
  const cut = segments.find((s) => s.status === 'interrupted');
  if (cut)
    return {
      status: 'interrupted',
      statusReason: segments.length > 1 ? `${name(cut)}: ${cut.statusReason}` : cut.statusReason,
    };
  return { status: 'complete', statusReason: null };
}

function distribution(segments: SegmentResult[], missing: number[]): Distribution {
  return {
    runId: segments[0]!.runId,
    segmentCount: segments[0]!.segment.count,
    segments: segments.map((s) => ({
      index: s.segment.index,
      agent: s.agent,
      status: s.status,
      statusReason: s.statusReason,
      clockOffsetUs: s.clock?.offsetUs ?? null,
      clockBoundUs: s.clock?.boundUs ?? null,
    })),
    missingSegments: missing,
  };
}
