import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFaultTarget, parseFaultTarget } from '../../../src/faults/fault-target.js';

test('every target form parses, and formats back to its canonical text', () => {
  const cases: [string | number, string][] = [
    [2, 'node 2'],
    ['2', 'node 2'],
    ['node 3', 'node 3'],
    ['  node   3 ', 'node 3'],
    ['leader-of orders/0', 'leader-of orders/0'],
    ['follower-of my.topic-v2/11', 'follower-of my.topic-v2/11'],
    ['controller', 'controller'],
    ['coordinator-of my group', 'coordinator-of my group'],
  ];
  for (const [written, canonical] of cases) {
    const parsed = parseFaultTarget(written);
    assert.ok(parsed.ok, `${written}: ${parsed.ok ? '' : parsed.message}`);
    assert.equal(formatFaultTarget(parsed.target), canonical);
  }
});

test('a partition target keeps topic and partition apart', () => {
  assert.deepEqual(parseFaultTarget('leader-of orders/12'), {
    ok: true,
    target: { kind: 'leader-of', topic: 'orders', partition: 12 },
  });
});

test('malformed targets say what was expected', () => {
  const messages = ['leader-of orders', 'leader-of /0', 'follower-of t/x', 'node two', 'coordinator-of', 'boss'].map(
    (text) => {
      const parsed = parseFaultTarget(text);
      assert.ok(!parsed.ok, text);
      return parsed.message;
    },
  );
  assert.match(messages[0]!, /needs a topic and a partition/);
  assert.match(messages[1]!, /needs a topic and a partition/);
  assert.match(messages[2]!, /needs a topic and a partition/);
  assert.match(messages[3]!, /^"node two" is not a node id/);
  assert.match(messages[4]!, /names no group/);
  assert.match(messages[5]!, /^unknown target "boss"; use/);
});

test('a misspelt role gets a suggestion', () => {
  const parsed = parseFaultTarget('contoller');
  assert.ok(!parsed.ok);
  assert.match(parsed.message, /did you mean "controller"\?/);
});
