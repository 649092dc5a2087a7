import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import { checkRunResult } from '../../../src/result/read-result.js';
import { phaseResult, runResult } from '../../helpers/result-fixture.js';

function refused(data: unknown, message: RegExp): void {
  assert.throws(
    () => checkRunResult(data, 'r.json'),
    (e: unknown) => e instanceof KloadError && e.exitCode === 2 && message.test(e.message),
  );
}

const saved = () => JSON.parse(JSON.stringify(runResult([phaseResult()])));

test('a result reads back as written', () => {
  assert.deepEqual(checkRunResult(saved(), 'r.json'), saved());
});

test('a result with a damaged field is refused naming the field, before a report or compare trips on it', () => {
  const renamed = saved();
  // A garbled byte in a key: the latency is then missing, which the tables used to crash on.
  renamed.phases[0].endToEndLatencyXs = renamed.phases[0].endToEndLatencyUs;
  delete renamed.phases[0].endToEndLatencyUs;
  refused(renamed, /damaged.*\n {2}phases\[0\]\.endToEndLatencyUs: /);
  const wrongType = saved();
  wrongType.phases[0].intervals = { x: 1 };
  refused(wrongType, /phases\[0\]\.intervals/);
  const unknownPhase = saved();
  unknownPhase.phases[0].type = 42;
  refused(unknownPhase, /phases\[0\]\.type/);
});

test('a result of another schema version is left to the caller to refuse with its version', () => {
  const older = { ...saved(), schemaVersion: 1, phases: [{}] };
  assert.equal(checkRunResult(older, 'r.json'), older);
});
