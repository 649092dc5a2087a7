import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignThreads } from '../../../src/coordinator/assign-threads.js';
import { KloadError } from '../../../src/errors.js';
import {
  allMembers,
  parseSegment,
  segmentRefusal,
  type ExecutionSegment,
} from '../../../src/segment/execution-segment.js';
import { parseStartAt } from '../../../src/segment/start-time.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';

test('--segment takes i/N with 1 <= i <= N, and names the flag when it is wrong', () => {
  assert.deepEqual(parseSegment('2/3'), { index: 2, count: 3 });
  assert.deepEqual(parseSegment(' 1 / 1 '), { index: 1, count: 1 });
  for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3', '-1/2', '']) {
    assert.throws(
      () => parseSegment(bad),
      (e: unknown) => e instanceof KloadError && e.exitCode === 2 && /--segment/.test(e.message),
      bad,
    );
  }
});

for (const [count, threads, members, n] of [
  [5, 2, 3, 2],
  [7, 3, 4, 3],
  [3, 1, 1, 3],
  [12, 4, 5, 4],
] as const) {
  test(`${n} segments of ${count} producer clients and ${members} members add up to the scenario exactly`, () => {
    const scenario = scenarioWith({
      producers: { count, threads },
      consumers: { groups: ['a', 'b'], membersPerGroup: members, threads: 2 },
    });
    const segments: ExecutionSegment[] = Array.from({ length: n }, (_, i) => ({ index: i + 1, count: n }));
    const shares = segments.map((s) => assignThreads(scenario, s));
    const ids = shares.flatMap((a) => a.producers.flatMap((p) => p.producerIds)).sort((x, y) => x - y);
    assert.deepEqual(
      ids,
      Array.from({ length: count }, (_, i) => i),
      'every client once, in no two segments',
    );
    const pairs = shares.flatMap((a) => a.consumers.flatMap((c) => c.members.map((m) => `${m.group}/${m.member}`)));
    assert.deepEqual(
      pairs.sort(),
      allMembers(scenario)
        .map((m) => `${m.group}/${m.member}`)
        .sort(),
    );
    for (const a of shares) {
      assert.ok(a.producers.length <= threads, 'never more threads than the scenario asks for');
      // Every client keeps the scenario-wide slot rule, so intended times and totals are unchanged.
      for (const p of a.producers) for (const ph of p.phases) assert.equal(ph.schedule?.of, count);
    }
  });
}

test('a scenario splits into at most as many segments as it has producer clients', () => {
  const scenario = scenarioWith({ producers: { count: 2 } });
  assert.equal(segmentRefusal(scenario, 2), null);
  assert.match(segmentRefusal(scenario, 3) ?? '', /2 producer clients .* at most 2 segments, not 3/);
});

test('--start-at takes ISO 8601 with a zone or epoch milliseconds, and refuses a local time', () => {
  assert.equal(parseStartAt('2026-12-02T10:00:00Z'), Date.parse('2026-12-02T10:00:00Z') * 1000);
  assert.equal(parseStartAt('2026-12-02T11:00:00+01:00'), Date.parse('2026-12-02T10:00:00Z') * 1000);
  assert.equal(parseStartAt('1796205600000'), 1796205600000 * 1000);
  for (const bad of ['2026-12-02T10:00:00', 'tomorrow', undefined]) {
    assert.throws(() => parseStartAt(bad), /--start-at/);
  }
});
