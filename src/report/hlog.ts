/**
 * A result's latency histograms as an HdrHistogram interval log, the text format that
 * HistogramLogProcessor, HdrHistogramVisualizer and hdr-histogram-js's HistogramLogReader read:
 *
 *   #[Histogram log format version 1.3]
 *   #[StartTime: 1795303845.000 (seconds since epoch), 2026-11-21T23:30:45.000Z]
 *   "StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
 *   Tag=publish,0.000,10.000,12.345,HISTFAAAA...
 *
 * One line per phase per latency kind, tagged by kind, so `HistogramLogProcessor -tag publish`
 * walks the phases in order. The base64 is the result's own encoding, copied as is.
 */
import type { LatencySummaryUs, PhaseResult, RunResult } from '../result/result-types.js';

export const HLOG_FORMAT_VERSION = '1.3';
export const HLOG_LEGEND = '"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"';

/** Tag (no commas or spaces: it is a CSV field) and where the histogram lives in a phase. */
export const HLOG_KINDS: readonly { tag: string; pick: (p: PhaseResult) => LatencySummaryUs }[] = [
  { tag: 'publish', pick: (p) => p.publishLatencyUs },
  { tag: 'service', pick: (p) => p.serviceLatencyUs },
  { tag: 'schedule-delay', pick: (p) => p.scheduleDelayUs },
  { tag: 'end-to-end', pick: (p) => p.endToEndLatencyUs },
];

/** Interval_Max is written in ms; the histograms themselves count µs. */
const MAX_VALUE_UNIT_RATIO = 1000;

export function formatHlog(result: RunResult): string {
  const startMs = Date.parse(result.startedAt);
  const lines = [
    `#[Histogram log format version ${HLOG_FORMAT_VERSION}]`,
    `#[StartTime: ${seconds(startMs / 1000)} (seconds since epoch), ${result.startedAt}]`,
    `#[BaseTime: ${seconds(startMs / 1000)} (seconds since epoch)]`,
    `#kload ${result.kload.version}, scenario ${oneLine(result.scenario.name)}, status ${result.status}`,
    '#Values are microseconds (Interval_Max in ms); HistogramLogProcessor -outputValueUnitRatio 1000 prints ms.',
    '#The result keeps one histogram per phase, not per second: each line is a whole phase. Phase',
    '#start times are not saved, so timestamps add up phase durations from the run start.',
    '#Empty histograms (e.g. end-to-end without consumers) are left out.',
    HLOG_LEGEND,
  ];
  let offsetSec = 0;
  for (const phase of result.phases) {
    lines.push(`#phase ${oneLine(phase.name)} (${phase.type}${phase.recorded ? '' : ', not recorded'})`);
    for (const kind of HLOG_KINDS) {
      const latency = kind.pick(phase);
      if (latency.count === 0) continue;
      lines.push(
        `Tag=${kind.tag},${seconds(offsetSec)},${seconds(phase.durationSec)},` +
          `${seconds(latency.max / MAX_VALUE_UNIT_RATIO)},${latency.histogram}`,
      );
    }
    offsetSec += phase.durationSec;
  }
  return `${lines.join('\n')}\n`;
}

function seconds(value: number): string {
  return value.toFixed(3);
}

/** A name with a line break would start a bogus log line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
