import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assembleSweepResult, type SweepAssembly } from '../../../src/sweep/assemble-result.js';
import { SWEEP_RESULT_SCHEMA_VERSION, type SweepPointResult } from '../../../src/sweep/sweep-result-types.js';
import { phaseResult, runResult } from '../../helpers/result-fixture.js';
import { scenarioWith } from '../../helpers/scenario-fixture.js';
import { gridPoints } from './fabricated-points.js';

function assembly(overrides: Partial<SweepAssembly> = {}): SweepAssembly {
  const points: SweepPointResult[] = gridPoints((n, r, k) => (50 * n * r) / k).map((p) => ({
    ...p,
    result: runResult([phaseResult()]),
  }));
  const scenario = scenarioWith();
  return {
    kloadVersion: '0.1.0',
    scenario: { ...scenario, producers: { ...scenario.producers, properties: { 'sasl.password': 'hunter2' } } },
    startedAt: new Date('2026-11-22T00:00:00Z'),
    finishedAt: new Date('2026-11-22T00:01:00Z'),
    pointLoad: 'max 3 s',
    cluster: {
      kind: 'embedded-temporary',
      brokers: '127.0.0.1:1',
      brokerCount: 1,
      kafkaVersion: '4.3.1',
      logDirs: ['/d'],
      logDirsUnavailableReason: null,
    },
    plannedPoints: 12,
    points,
    ending: { status: 'complete', reason: null },
    ...overrides,
  };
}

test('a sweep result holds every point, the models fitted to them, and says what a point ran', () => {
  const result = assembleSweepResult(assembly());
  assert.equal(result.schemaVersion, SWEEP_RESULT_SCHEMA_VERSION);
  assert.equal(result.kind, 'kload-sweep');
  assert.equal(result.status, 'complete');
  assert.equal(result.points.length, 12);
  assert.equal(result.pointLoad, 'max 3 s');
  assert.equal(result.betweenPoints, 'stored bytes read, page cache written back (sync), topic deleted');
  assert.ok(result.models.throughput.checked && result.models.throughput.holds === true);
  assert.ok(result.models.efficiency.checked, 'stored bytes were measured');
  assert.equal(result.scenario.producers.properties['sasl.password'], '[redacted]');
  assert.deepEqual(Object.keys(result.cluster).sort(), [
    'brokerCount',
    'brokers',
    'kafkaVersion',
    'kind',
    'logDirs',
    'logDirsUnavailableReason',
  ]);
});

test('an interrupted sweep keeps its points, and one without a measured phase stays out of the models', () => {
  const base = assembly();
  const points = base.points.slice(0, 5);
  points.push({ ...points[4]!, parameters: { ...points[4]!.parameters, index: 5 }, measurement: null, storage: null });
  const result = assembleSweepResult({
    ...base,
    points,
    ending: { status: 'interrupted', reason: 'interrupted (SIGINT) after 6 of 12 points' },
  });
  assert.equal(result.status, 'interrupted');
  assert.equal(result.statusReason, 'interrupted (SIGINT) after 6 of 12 points');
  assert.equal(result.points.length, 6);
  assert.equal(result.plannedPoints, 12);
  assert.equal(result.models.partitionSizing.length, 5);
  assert.equal(result.models.littlesLaw.length, 5);
});

test('on an external cluster nothing is synced and E says why it is not checked', () => {
  const reason = 'the cluster was given with --brokers';
  const result = assembleSweepResult(
    assembly({
      cluster: {
        kind: 'external',
        brokers: 'k:9092',
        brokerCount: 3,
        kafkaVersion: null,
        logDirs: null,
        logDirsUnavailableReason: reason,
      },
    }),
  );
  assert.equal(result.betweenPoints, 'topic deleted');
  assert.ok(!result.models.efficiency.checked && result.models.efficiency.reason === reason);
});
