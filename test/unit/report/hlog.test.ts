import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistogramLogReader } from 'hdr-histogram-js';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import { formatHlog, HLOG_KINDS, HLOG_LEGEND } from '../../../src/report/hlog.js';
import { latencies, phaseResult, realisticRunResult, runResult } from '../../helpers/result-fixture.js';

const intervalLines = (log: string) => log.split('\n').filter((l) => l.startsWith('Tag='));

test('the hlog starts with the format version, start time and legend', () => {
  const lines = formatHlog(realisticRunResult()).split('\n');
  assert.equal(lines[0], '#[Histogram log format version 1.3]');
  assert.equal(lines[1], '#[StartTime: 1795303845.120 (seconds since epoch), 2026-11-21T23:30:45.120Z]');
  assert.equal(lines[2], '#[BaseTime: 1795303845.120 (seconds since epoch)]');
  assert.ok(lines.includes(HLOG_LEGEND));
  assert.ok(
    lines.some((l) => /^#.*not per second/.test(l)),
    'says the lines are whole phases',
  );
  assert.ok(
    lines.every((l) => l === '' || l.startsWith('#') || l.startsWith('Tag=') || l === HLOG_LEGEND),
    'no stray lines',
  );
  assert.equal(lines.at(-1), '', 'ends with a newline');
});

test('the hlog has one line per phase and latency kind, timed by cumulative phase durations', () => {
  const result = realisticRunResult();
  const lines = intervalLines(formatHlog(result));
  // flat-out is unpaced: its schedule-delay histogram is empty and left out.
  assert.equal(lines.length, result.phases.length * HLOG_KINDS.length - 1);
  const fields = lines.map((l) => l.split(','));
  assert.deepEqual(
    fields.filter((f) => f[0] === 'Tag=publish').map((f) => [f[1], f[2]]),
    [
      ['0.000', '3.000'],
      ['3.000', '10.000'],
      ['13.000', '5.000'],
    ],
  );
  assert.deepEqual(new Set(fields.map((f) => f[0])), new Set(HLOG_KINDS.map((k) => `Tag=${k.tag}`)));
});

test('each hlog line decodes back to the histogram it came from', () => {
  const result = realisticRunResult();
  const lines = intervalLines(formatHlog(result));
  const steadyPublish = lines.filter((l) => l.startsWith('Tag=publish,'))[1]!.split(',');
  const decoded = decodeHistogram(steadyPublish[4]!);
  assert.equal(decoded.totalCount, result.phases[1]!.publishLatencyUs.count);
  assert.equal(Number(steadyPublish[3]), Number((result.phases[1]!.publishLatencyUs.max / 1000).toFixed(3)));
});

test("HdrHistogram's own log reader reads every line back with its tag and count", () => {
  const result = realisticRunResult();
  const reader = new HistogramLogReader(formatHlog(result), 64);
  const read: { tag: string; count: number }[] = [];
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram())
    read.push({ tag: h.tag, count: h.totalCount });
  const expected = result.phases
    .flatMap((p) => HLOG_KINDS.map((k) => ({ tag: k.tag, count: k.pick(p).count })))
    .filter((e) => e.count > 0);
  assert.deepEqual(read, expected);
  assert.equal(reader.startTimeSec, Date.parse(result.startedAt) / 1000);
});

test('a run without consumers writes no end-to-end lines', () => {
  const log = formatHlog(runResult([phaseResult({ endToEndLatencyUs: latencies() })]));
  assert.deepEqual(
    intervalLines(log).map((l) => l.split(',')[0]),
    ['Tag=publish', 'Tag=service', 'Tag=schedule-delay'],
  );
});

test('a result with interval histograms writes one line per interval, in time order', () => {
  const second = (...valuesUs: number[]) => latencies(...valuesUs).histogram;
  const phases = [
    phaseResult({
      name: 'one',
      durationSec: 2,
      intervalHistograms: {
        intervalSec: 1,
        // The third publish entry is a late ack, measured after the phase ended.
        publish: [second(100), second(200, 300), second(900_000)],
        service: [second(90), null],
        scheduleDelay: [],
        endToEnd: [],
      },
    }),
    phaseResult({
      name: 'two',
      durationSec: 1,
      intervalHistograms: { intervalSec: 1, publish: [second(50)], service: [], scheduleDelay: [], endToEnd: [] },
    }),
  ];
  const log = formatHlog(runResult(phases));
  assert.match(log, /#One line per interval per kind/);
  const fields = intervalLines(log).map((l) => l.split(',').slice(0, 4));
  assert.deepEqual(fields, [
    ['Tag=publish', '0.000', '1.000', '0.100'],
    ['Tag=service', '0.000', '1.000', '0.090'],
    ['Tag=publish', '1.000', '1.000', '0.300'],
    ['Tag=publish', '2.000', '1.000', '900.095'], // HDR's bucket at 3 digits
    ['Tag=publish', '2.000', '1.000', '0.050'],
  ]);
  const reader = new HistogramLogReader(log, 64);
  let publish = 0;
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram())
    if (h.tag === 'publish') publish += h.totalCount;
  assert.equal(publish, 5);
});
