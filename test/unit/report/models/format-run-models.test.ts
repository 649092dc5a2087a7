import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRunModels } from '../../../../src/report/models/format-run-models.js';
import { buildRunModels } from '../../../../src/report/models/run-models.js';
import { rampPhase, runResult, steadyPhase } from '../../../helpers/result-fixture.js';

const climbing = [1000, 1100, 950, 1000, 1050, 1000, 4000, 6000, 9000, 14_000];

test('the models section has one line per phase and a knee line under each ramp', () => {
  const warmup = steadyPhase(1000, [20, 20, 0], 20_000, { name: 'warmup', type: 'warmup', recorded: false });
  const steady = steadyPhase(5000, [30, 30, 30, 30, 30], 6000);
  const text = formatRunModels(buildRunModels(runResult([warmup, steady, rampPhase(climbing)])));
  const lines = text.split('\n');
  assert.equal(lines[0], 'Models');
  assert.match(lines[1]!, /^warmup \(not recorded\): Little's law not checked: only 3 interval snapshot\(s\)/);
  assert.match(lines[2]!, /^steady: Little's law: λ·W = 5,000 msg\/s × 6\.0 ms = 30\.0 in flight; measured mean 30\.0/);
  assert.match(lines[3]!, /^ramp: Little's law/);
  assert.match(
    lines[4]!,
    new RegExp(
      String.raw`^ {2}knee: p99 leaves its floor of 1\.1 ms at ~6,850 msg\/s ` +
        String.raw`\(evidence: p99 leaves 2\.0× the floor .*; 10 intervals\)$`,
    ),
  );
  assert.match(lines[5]!, /^Little's law: L = sent − acked/);
  assert.equal(lines.length, 6);
});

test('a ramp without a knee says why, and a generator-bound knee says whose limit it may be', () => {
  const flat = formatRunModels(buildRunModels(runResult([rampPhase([1000, 1000, 1000, 1000, 1000])])));
  assert.match(
    flat,
    /^ {2}no knee: p99 stayed within 2\.0× the floor .* the ramp never left the floor \(5 intervals\)$/m,
  );
  const short = formatRunModels(buildRunModels(runResult([rampPhase([1000, 1000])])));
  assert.match(short, /^ {2}no knee: too few intervals: 2 of the ramp's 2/m);
  const bound = formatRunModels(
    buildRunModels(runResult([rampPhase(climbing, 1000, 10_000, { generatorBound: true })])),
  );
  assert.match(
    bound,
    /; 10 intervals\); the phase was generator-bound, so this may be kload's limit, not the cluster's$/m,
  );
});
