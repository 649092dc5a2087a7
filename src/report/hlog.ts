/**
 * A result's latency histograms as an HdrHistogram interval log, the text format that
 * HistogramLogProcessor, HdrHistogramVisualizer and hdr-histogram-js's HistogramLogReader read:
 *
 *   #[Histogram log format version 1.3]
 *   #[StartTime: 1795303845.000 (seconds since epoch), 2026-11-21T23:30:45.000Z]
 *   "StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
 *   Tag=publish,3.000,1.000,12.345,HISTFAAAA...
 *
 * One line per interval per latency kind, tagged by kind, so `HistogramLogProcessor -tag publish`
 * walks the run second by second. Results written before kload kept interval histograms get one
 * line per phase instead. The base64 is the result's own encoding, copied as is.
 */
import { decodeHistogram } from '../metrics/histogram.js';
import type { IntervalHistograms, LatencySummaryUs, PhaseResult, RunResult } from '../result/result-types.js';

export const HLOG_FORMAT_VERSION = '1.3';
export const HLOG_LEGEND = '"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"';

/** Tag (no commas or spaces: it is a CSV field) and where the histograms live in a phase. */
export const HLOG_KINDS: readonly {
  tag: string;
  pick: (p: PhaseResult) => LatencySummaryUs;
  intervals: keyof Omit<IntervalHistograms, 'intervalSec'>;
}[] = [
  { tag: 'publish', pick: (p) => p.publishLatencyUs, intervals: 'publish' },
  { tag: 'service', pick: (p) => p.serviceLatencyUs, intervals: 'service' },
  { tag: 'schedule-delay', pick: (p) => p.scheduleDelayUs, intervals: 'scheduleDelay' },
  { tag: 'end-to-end', pick: (p) => p.endToEndLatencyUs, intervals: 'endToEnd' },
];

/** Interval_Max is written in ms; the histograms themselves count µs. */
const MAX_VALUE_UNIT_RATIO = 1000;

interface LogLine {
  startSec: number;
  lengthSec: number;
  maxUs: number;
  tag: string;
  histogram: string;
}

export function formatHlog(result: RunResult): string {
  const startMs = Date.parse(result.startedAt);
  const perInterval = result.phases.every((p) => p.intervalHistograms !== undefined);
  const header = [
    `#[Histogram log format version ${HLOG_FORMAT_VERSION}]`,
    `#[StartTime: ${seconds(startMs / 1000)} (seconds since epoch), ${result.startedAt}]`,
    `#[BaseTime: ${seconds(startMs / 1000)} (seconds since epoch)]`,
    `#kload ${result.kload.version}, scenario ${oneLine(result.scenario.name)}, status ${result.status}`,
    '#Values are microseconds (Interval_Max in ms); HistogramLogProcessor -outputValueUnitRatio 1000 prints ms.',
    perInterval
      ? "#One line per interval per kind. A latency belongs to its message's phase and to the interval it was\n" +
        "#measured in, so a phase's late acks may overlap the next phase's first second."
      : '#This result keeps one histogram per phase, not per second: each line is a whole phase.',
    '#Phase start times are not saved, so timestamps add up phase durations from the run start.',
    '#Empty histograms (e.g. end-to-end without consumers) are left out.',
    HLOG_LEGEND,
  ];
  const lines: LogLine[] = [];
  let offsetSec = 0;
  for (const phase of result.phases) {
    lines.push(...(perInterval ? intervalLines(phase, offsetSec) : phaseLines(phase, offsetSec)));
    offsetSec += phase.durationSec;
  }
  // In time order (the readers stop at the first line past a range's end); ties keep kind order.
  lines.sort((a, b) => a.startSec - b.startSec);
  const body = lines.map(
    (l) =>
      `Tag=${l.tag},${seconds(l.startSec)},${seconds(l.lengthSec)},` +
      `${seconds(l.maxUs / MAX_VALUE_UNIT_RATIO)},${l.histogram}`,
  );
  const phaseNotes = result.phases.map(
    (p) => `#phase ${oneLine(p.name)} (${p.type}${p.recorded ? '' : ', not recorded'}, ${seconds(p.durationSec)} s)`,
  );
  return `${[...header.slice(0, -1), ...phaseNotes, HLOG_LEGEND, ...body].join('\n')}\n`;
}

function intervalLines(phase: PhaseResult, offsetSec: number): LogLine[] {
  const h = phase.intervalHistograms!;
  const lines: LogLine[] = [];
  for (const kind of HLOG_KINDS) {
    h[kind.intervals].forEach((histogram, i) => {
      if (histogram === null) return;
      const decoded = decodeHistogram(histogram);
      if (decoded.totalCount === 0) return;
      const startSec = offsetSec + i * h.intervalSec;
      lines.push({ startSec, lengthSec: h.intervalSec, maxUs: decoded.maxValue, tag: kind.tag, histogram });
    });
  }
  return lines;
}

function phaseLines(phase: PhaseResult, offsetSec: number): LogLine[] {
  return HLOG_KINDS.map((kind) => ({ kind, latency: kind.pick(phase) }))
    .filter(({ latency }) => latency.count > 0)
    .map(({ kind, latency }) => ({
      startSec: offsetSec,
      lengthSec: phase.durationSec,
      maxUs: latency.max,
      tag: kind.tag,
      histogram: latency.histogram,
    }));
}

function seconds(value: number): string {
  return value.toFixed(3);
}

/** A name with a line break would start a bogus log line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
