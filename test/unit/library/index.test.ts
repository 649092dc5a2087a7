import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as kload from '../../../src/index.js';
import { repoRoot } from '../../helpers/paths.js';

test('the library entry exports the run core, scenarios, the cluster, compare, reports and plans', () => {
  const names = [
    'runScenario',
    'runSweep',
    'saveResult',
    'loadScenario',
    'parseScenario',
    'validateScenarioFiles',
    'EmbeddedCluster',
    'compareResults',
    'formatComparison',
    'readResultFile',
    'renderRunReport',
    'renderPlanPage',
    'writePlanHtmlPage',
    'writeHtmlReport',
    'formatHlog',
    'planCapacity',
    'readSweepResult',
    'KloadError',
  ];
  for (const name of names) assert.equal(typeof (kload as Record<string, unknown>)[name], 'function', name);
});

test('runScenario refuses a scenario with a sweep block before it touches a cluster', async () => {
  const scenario = kload.loadScenario(join(repoRoot(), 'scenarios', 'sweep-small.yaml'));
  await assert.rejects(kload.runScenario(scenario, { brokers: '127.0.0.1:1' }), (error: unknown) => {
    assert.ok(error instanceof kload.KloadError);
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.match(error.hint ?? '', /runSweep/);
    return true;
  });
});

test('runSweep refuses a sweep over brokers before touching a cluster: kload run starts one per point', async () => {
  const scenario = kload.loadScenario(join(repoRoot(), 'scenarios', 'sweep-small.yaml'));
  const brokers = { ...scenario, sweep: { ...scenario.sweep!, brokers: [1, 3] } };
  await assert.rejects(kload.runSweep(brokers, { brokers: '127.0.0.1:1' }), (error: unknown) => {
    assert.ok(error instanceof kload.KloadError);
    assert.match(error.message, /sweeps brokers/);
    assert.match(error.hint ?? '', /kload run/);
    return true;
  });
});
