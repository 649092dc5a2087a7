import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { parseThreshold, parseThresholds } from '../../../src/thresholds/parse.js';

const valid: [text: string, phase: string | null, metric: string, operator: string, limit: number, unit: string][] = [
  ['publish.p99 < 50ms', null, 'publish.p99', '<', 50, 'ms'],
  ['e2e.p999 < 200ms', null, 'e2e.p999', '<', 200, 'ms'],
  ['throughput > 20000 msg/s', null, 'throughput.msgs', '>', 20000, 'msg/s'],
  ['throughput > 10 MB/s', null, 'throughput.mb', '>', 10, 'MB/s'],
  ['lost == 0', null, 'lost', '==', 0, 'count'],
  ['errors.rate < 0.1%', null, 'errors.rate', '<', 0.1, '%'],
  ['errors.rate <= 0.001', null, 'errors.rate', '<=', 0.001, 'ratio'],
  ['steady: publish.p99 < 50ms', 'steady', 'publish.p99', '<', 50, 'ms'],
  ['service.p50 < 5ms', null, 'service.p50', '<', 5, 'ms'],
  ['schedule.p99 < 1ms', null, 'schedule.p99', '<', 1, 'ms'],
  ['duplicated == 0', null, 'duplicated', '==', 0, 'count'],
  ['outOfOrder == 0', null, 'outOfOrder', '==', 0, 'count'],
  ['consumed >= 10000', null, 'consumed', '>=', 10000, 'count'],
  ['  peak load :publish.max<=1.5s ', 'peak load', 'publish.max', '<=', 1.5, 's'],
  ['publish.mean != 250 µs', null, 'publish.mean', '!=', 250, 'us'],
  ['publish.min > 1us', null, 'publish.min', '>', 1, 'us'],
  ['e2e.p9999 < 1e3ms', null, 'e2e.p9999', '<', 1000, 'ms'],
  ['e2e.p90 < .5s', null, 'e2e.p90', '<', 0.5, 's'],
  ['sent > 0', null, 'sent', '>', 0, 'count'],
  ['acked >= 1000', null, 'acked', '>=', 1000, 'count'],
  ['failed == 0', null, 'failed', '==', 0, 'count'],
];

for (const [text, phase, metric, operator, limit, unit] of valid) {
  test(
    `"${text}" parses as ${phase === null ? 'the whole run' : `phase ${phase}`}: ` +
      `${metric} ${operator} ${limit} ${unit}`,
    () => {
      const parsed = parseThreshold(text);
      assert.equal(parsed.expression, text);
      assert.equal(parsed.phase, phase);
      assert.equal(parsed.metric.name, metric);
      assert.equal(parsed.operator, operator);
      assert.equal(parsed.limit, limit);
      assert.equal(parsed.metric.unit, unit);
    },
  );
}

test('a latency threshold keeps its source and statistic apart for evaluation', () => {
  assert.deepEqual(parseThreshold('e2e.p999 < 200ms').metric, {
    kind: 'latency',
    name: 'e2e.p999',
    source: 'e2e',
    stat: 'p999',
    unit: 'ms',
  });
});

const invalid: [text: string, message: string][] = [
  ['publish.p99 < 50 msec', 'unknown unit "msec" for publish.p99 (expected us, µs, ms or s) (column 18)'],
  ['publish.p99 < 5 MS', 'unknown unit "MS" for publish.p99 (did you mean "ms"?) (column 17)'],
  ['publish.p99 < 50', 'missing unit: a latency limit needs us, µs, ms or s (column 17)'],
  ['throughput > 20000', 'missing unit: throughput needs msg/s or MB/s (column 19)'],
  ['throughput > 10 mb/s', 'unknown unit "mb/s" for throughput (did you mean "MB/s"?) (column 17)'],
  ['throughput > 10 kB/s', 'unknown unit "kB/s" for throughput (did you mean "MB/s"?) (column 17)'],
  ['throughput > 10 bytes/s', 'unknown unit "bytes/s" for throughput (expected msg/s or MB/s) (column 17)'],
  ['lost == 0 msg', 'unit "msg" not allowed: lost is a count of messages (column 11)'],
  [
    'errors.rate < 0.1 ms',
    'unknown unit "ms" for errors.rate (expected % or no unit for a ratio of failed to sent) (column 19)',
  ],
  ['pubish.p99 < 5ms', 'unknown metric "pubish.p99" (did you mean "publish.p99"?) (column 1)'],
  ['outoforder == 0', 'unknown metric "outoforder" (did you mean "outOfOrder"?) (column 1)'],
  [
    'latency.p99 < 5ms',
    'unknown metric "latency.p99" (expected a latency such as publish.p99 or e2e.p999, throughput, errors.rate, ' +
      'or a count: lost, duplicated, outOfOrder, sent, acked, consumed, failed) (column 1)',
  ],
  [
    'publish.p95 < 5ms',
    'unknown statistic "p95" for publish latency (expected p50, p90, p99, p999, p9999, max, mean or min) (column 9)',
  ],
  ['publish < 5ms', '"publish" needs a statistic, e.g. publish.p99 (column 8)'],
  ['steady: < 5ms', 'expected a metric, e.g. publish.p99 (column 9)'],
  [': lost == 0', 'missing phase name before ":" (column 1)'],
  ['lost 0', 'expected an operator (<, <=, >, >=, == or !=) after "lost", found "0" (column 6)'],
  ['lost', 'expected an operator (<, <=, >, >=, == or !=) after "lost" (column 5)'],
  ['lost = 0', 'unknown operator "=" (did you mean "=="?) (column 6)'],
  ['lost =< 0', 'unknown operator "=<" (did you mean "<="?) (column 6)'],
  ['publish.p99 <> 5ms', 'unknown operator "<>" (did you mean "!="?) (column 13)'],
  ['lost !! 0', 'unknown operator "!!" (expected <, <=, >, >=, == or !=) (column 6)'],
  ['lost ==', 'expected a number after "==" (column 8)'],
  ['publish.p99 < fast', 'expected a number after "<", found "fast" (column 15)'],
  ['lost == 1.2.3', 'bad number "1.2.3" (column 9)'],
  ['consumed >= 20,000', 'bad number "20,000" (write it without separators: 20000) (column 13)'],
  ['lost == -1', 'limit must not be negative (-1) (column 9)'],
  ['publish.p99 < 50ms and lost == 0', 'unexpected "and lost == 0" after the limit (column 20)'],
  ['   ', 'is empty (expected e.g. "publish.p99 < 50ms") (column 1)'],
];

for (const [text, message] of invalid) {
  test(`"${text}" is refused with: ${message}`, () => {
    assert.throws(
      () => parseThreshold(text),
      (error: unknown) => {
        assert.ok(error instanceof KloadError);
        assert.equal(error.code, 'INVALID_SCENARIO');
        assert.equal(error.exitCode, 2);
        assert.equal(error.message, `${JSON.stringify(text)}: ${message}`);
        assert.match(error.hint ?? '', /\[<phase>:\] <metric> <operator> <number>\[<unit>\]/);
        return true;
      },
    );
  });
}

test('parseThresholds reports every bad threshold at once, each with its index', () => {
  assert.throws(
    () => parseThresholds(['publish.p99 < 50ms', 'lost = 0', 'throughput > 5']),
    (error: unknown) => {
      assert.ok(error instanceof KloadError);
      assert.deepEqual(error.message.split('\n'), [
        'thresholds[1]: "lost = 0": unknown operator "=" (did you mean "=="?) (column 6)',
        'thresholds[2]: "throughput > 5": missing unit: throughput needs msg/s or MB/s (column 15)',
      ]);
      return true;
    },
  );
});

test('parseThresholds returns every threshold in order when all parse', () => {
  const parsed = parseThresholds(['lost == 0', 'steady: e2e.p99 < 1s']);
  assert.deepEqual(
    parsed.map((t) => [t.phase, t.metric.name]),
    [
      [null, 'lost'],
      ['steady', 'e2e.p99'],
    ],
  );
});
