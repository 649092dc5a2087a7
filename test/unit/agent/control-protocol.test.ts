import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTROL_PROTOCOL_VERSION,
  encodeControlMessage,
  parseControlMessage,
} from '../../../src/agent/control-protocol.js';
import { pickAgents, STALE_AFTER_MS, type SeenAgent } from '../../../src/agent/pick-agents.js';
import { ChunkAssembler, CHUNK_CHARS, toChunks } from '../../../src/agent/result-chunks.js';
import { mulberry32 } from '../../helpers/random.js';

test('a control message round-trips with the protocol version added', () => {
  const bytes = encodeControlMessage({ type: 'stop', coordinator: 'c', runId: 7, reason: 'Ctrl-C' });
  const parsed = parseControlMessage(bytes);
  assert.deepEqual(parsed, {
    ok: true,
    message: { v: CONTROL_PROTOCOL_VERSION, type: 'stop', coordinator: 'c', runId: 7, reason: 'Ctrl-C' },
  });
});

test('another version, a garbled message or a missing field is ignored with a reason, never acted on', () => {
  const cases: [string, RegExp][] = [
    ['{"v":0,"type":"stop","coordinator":"c","runId":1,"reason":"x"}', /protocol version 0/],
    ['{"type":"stop"}', /protocol version undefined/],
    ['not json at all', /not JSON/],
    ['[1,2]', /protocol version/],
    ['"text"', /not a JSON object/],
    [`{"v":${CONTROL_PROTOCOL_VERSION},"type":"explode"}`, /unknown message type "explode"/],
    [`{"v":${CONTROL_PROTOCOL_VERSION},"type":"stop","coordinator":"c","reason":"x"}`, /stop\.runId: expected number/],
    [`{"v":${CONTROL_PROTOCOL_VERSION},"type":"stats","agent":"a","runId":1,"messages":{}}`, /stats\.messages/],
  ];
  for (const [text, reason] of cases) {
    const parsed = parseControlMessage(text);
    assert.equal(parsed.ok, false, text);
    if (!parsed.ok) assert.match(parsed.reason, reason, text);
  }
});

const heard = (agent: string, state: 'idle' | 'busy', atMs: number): [string, SeenAgent] => [
  agent,
  {
    atMs,
    heartbeat: {
      v: 1,
      type: 'heartbeat',
      agent,
      state,
      runId: state === 'busy' ? 9 : null,
      coordinator: state === 'busy' ? 'other' : null,
      host: 'h',
      kloadVersion: '0',
    },
  },
];

test('a run takes idle agents only, and says who was heard when there are too few', () => {
  const now = 100_000;
  const seen = new Map([heard('b', 'idle', now), heard('a', 'idle', now), heard('c', 'busy', now)]);
  assert.deepEqual(pickAgents(2, seen, now), { ok: true, names: ['a', 'b'] });
  const three = pickAgents(3, seen, now);
  assert.equal(three.ok, false);
  if (!three.ok)
    assert.match(three.reason, /3 idle agents wanted, 2 available; heard: .*c \(busy with run 9 of other\)/);
  const named = pickAgents(['a', 'c'], seen, now);
  assert.equal(named.ok, false);
  if (!named.ok) assert.match(named.reason, /agent c not idle or not there/);
  seen.set(...heard('a', 'idle', now - STALE_AFTER_MS - 1));
  assert.deepEqual(pickAgents(2, seen, now).ok, false, 'an agent silent for 3 s has left');
});

test('a result larger than one control message comes back whole from its chunks, in any order', () => {
  const rnd = mulberry32(3);
  const data = { bitmap: Array.from({ length: 400_000 }, () => Math.floor(rnd() * 256)).join(',') };
  const chunks = toChunks(data);
  assert.ok(chunks.length > 1, `${chunks.length} chunks`);
  assert.ok(chunks.every((c) => c.length <= CHUNK_CHARS));
  const assembler = new ChunkAssembler();
  const order = chunks.map((_, i) => i).reverse();
  let out: unknown;
  for (const index of order) {
    out = assembler.add({
      v: 1,
      type: 'result-chunk',
      agent: 'a',
      runId: 1,
      index,
      total: chunks.length,
      data: chunks[index]!,
    });
    if (index !== order.at(-1)) assert.equal(out, undefined);
  }
  assert.deepEqual(out, data);
});
