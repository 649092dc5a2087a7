/**
 * The runner's timing and its promises about stops, on a recording NodeControl (node ids need no
 * cluster to resolve) and real `sh` commands; the integration test does the same on real nodes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentReporter } from '../../../src/coordinator/reporter.js';
import { FaultRunner } from '../../../src/faults/fault-runner.js';
import type { FaultSpec } from '../../../src/faults/fault-types.js';
import type { NodeControl } from '../../../src/faults/node-control.js';
import { nowUs } from '../../../src/workers/clock.js';

/** Records every call with its time (ms since creation); nodes 1-3. */
function recordingNodes(): NodeControl & { calls: { call: string; atMs: number }[] } {
  const began = Date.now();
  const calls: { call: string; atMs: number }[] = [];
  const note = (call: string) => calls.push({ call, atMs: Date.now() - began });
  return {
    calls,
    lifetime: 'temporary',
    nodeIds: [1, 2, 3],
    brokers: 'unused:9092',
    clientConfig: {},
    isRunning: () => true,
    pause: (id) => note(`pause ${id}`),
    resume: (id) => note(`resume ${id}`),
    kill: async (id) => void note(`kill ${id}`),
    restart: async (id) => void note(`restart ${id}`),
    metadataLogDir: () => '/nonexistent',
  };
}

/** Timers do not fire early, but two clocks read a millisecond apart may disagree by that much. */
const EARLY = 0.005;

async function until(done: () => boolean, deadlineMs = 30_000): Promise<void> {
  const began = Date.now();
  while (!done()) {
    assert.ok(Date.now() - began < deadlineMs, 'timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const phases = [
  { name: 'warmup', durationMs: 100 },
  { name: 'steady', durationMs: 2000 },
];

function runner(faults: FaultSpec[], nodes: NodeControl | null, signal = new AbortController().signal): FaultRunner {
  return new FaultRunner({ faults, phases, nodes, reporter: silentReporter, signal });
}

test('faults fire at their phase start + at, and a pause is undone after its duration', async () => {
  const nodes = recordingNodes();
  const faults = runner(
    [
      { phase: 'steady', atMs: 100, action: 'pause', target: { kind: 'node', nodeId: 2 }, durationMs: 200 },
      { phase: 'warmup', atMs: 0, action: 'kill', target: { kind: 'node', nodeId: 3 }, durationMs: 100 },
    ],
    nodes,
  );
  faults.start(nowUs());
  await until(() => nodes.calls.some((c) => c.call === 'resume 2'));
  const [pause, kill] = await faults.finish();
  assert.equal(pause?.outcome, 'done');
  assert.equal(pause?.nodeId, 2);
  assert.equal(pause?.target, 'node 2');
  // Never early (timers may be late on a busy machine, so no upper bound is asserted tightly).
  const pauseAt = pause?.startedAtSec ?? 0;
  assert.ok(pauseAt >= 0.2 - EARLY, `pause at ${pauseAt}`);
  assert.ok((pause?.endedAtSec ?? 0) - pauseAt >= 0.2 - EARLY, `resumed at ${pause?.endedAtSec}`);
  assert.equal(kill?.outcome, 'done');
  assert.ok((kill?.startedAtSec ?? 1) >= 0 && (kill?.startedAtSec ?? 1) < pauseAt);
  assert.deepEqual(
    nodes.calls.map((c) => c.call),
    ['kill 3', 'restart 3', 'pause 2', 'resume 2'],
  );
});

test('the end of the schedule skips what is due later and cuts a running pause short, resuming the node', async () => {
  const nodes = recordingNodes();
  const faults = runner(
    [
      { phase: 'steady', atMs: 0, action: 'pause', target: { kind: 'node', nodeId: 1 }, durationMs: 60_000 },
      { phase: 'steady', atMs: 1900, action: 'restart', target: { kind: 'node', nodeId: 2 } },
    ],
    nodes,
  );
  faults.start(nowUs());
  await new Promise((r) => setTimeout(r, 300));
  const began = Date.now();
  const [pause, restart] = await faults.finish();
  assert.ok(Date.now() - began < 30_000, 'finish() does not wait out the 60 s pause');
  assert.equal(pause?.outcome, 'done');
  assert.match(pause?.detail ?? '', /cut short, the schedule ended/);
  assert.equal(restart?.outcome, 'skipped');
  assert.match(restart?.detail ?? '', /the schedule ended before it was due/);
  assert.deepEqual(
    nodes.calls.map((c) => c.call),
    ['pause 1', 'resume 1'],
  );
});

test('a kill with a duration cut short by a stop is still restarted; one without stays down', async () => {
  const nodes = recordingNodes();
  const stop = new AbortController();
  const faults = runner(
    [
      { phase: 'warmup', atMs: 0, action: 'kill', target: { kind: 'node', nodeId: 1 }, durationMs: 60_000 },
      { phase: 'warmup', atMs: 0, action: 'kill', target: { kind: 'node', nodeId: 2 }, durationMs: null },
    ],
    nodes,
    stop.signal,
  );
  faults.start(nowUs());
  await new Promise((r) => setTimeout(r, 100));
  stop.abort();
  const [withDuration, forever] = await faults.finish();
  assert.match(withDuration?.detail ?? '', /restarted .*cut short, the run was stopped/);
  assert.equal(forever?.endedAtSec, null);
  assert.match(forever?.detail ?? '', /stays down/);
  assert.deepEqual(nodes.calls.map((c) => c.call).sort(), ['kill 1', 'kill 2', 'restart 1']);
});

test('a failing exec keeps its exit code and last stderr line; a slow one is killed at its timeout', async () => {
  const faults = runner(
    [
      { phase: 'warmup', atMs: 0, action: 'exec', command: 'echo first >&2; echo broken >&2; exit 3', timeoutMs: 5000 },
      { phase: 'warmup', atMs: 0, action: 'exec', command: 'sleep 5 & sleep 5; echo never', timeoutMs: 300 },
      { phase: 'warmup', atMs: 0, action: 'exec', command: 'true', timeoutMs: 5000 },
    ],
    null,
  );
  faults.start(nowUs());
  // finish() cuts running commands short: give the slow one time to reach its own 0.3 s timeout.
  await new Promise((r) => setTimeout(r, 2000));
  const [failing, slow, fine] = await faults.finish();
  assert.equal(failing?.outcome, 'failed');
  assert.match(failing?.detail ?? '', /^exit 3 after .*; last stderr line: broken$/);
  assert.equal(slow?.outcome, 'failed');
  assert.match(slow?.detail ?? '', /^timed out after 0.3 s/);
  const slowSec = (slow?.endedAtSec ?? 9) - (slow?.startedAtSec ?? 0);
  assert.ok(slowSec >= 0.3 - EARLY && slowSec < 4.5, `killed at the timeout, not after the 5 s sleep: ${slowSec} s`);
  assert.equal(fine?.outcome, 'done');
  assert.equal(fine?.target, 'exec: true');
  assert.equal(fine?.nodeId, null);
});

test('finish() before the schedule started records every fault as skipped', async () => {
  const faults = runner([{ phase: 'steady', atMs: 0, action: 'restart', target: { kind: 'node', nodeId: 1 } }], null);
  const [record] = await faults.finish();
  assert.equal(record?.outcome, 'skipped');
  assert.equal(record?.startedAtSec, null);
  assert.equal(record?.impact, null);
});
