import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { CapacityPlan, PlanRefusal } from '../../../src/plan/plan-types.js';
import type { SweepResult } from '../../../src/sweep/sweep-result-types.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { writeScenario } from '../../helpers/scenario-files.js';
import { isolatedEnv } from '../../helpers/isolated-env.js';

/** Resolves true when something accepts a TCP connection at host:port within a second. */
function listening(address: string): Promise<boolean> {
  const [host, port] = address.split(':') as [string, string];
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port), timeout: 1000 });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

test(
  'sweep.brokers [1, 3]: every point on a fresh cluster of its size, replication capped by it, ' +
    'the clusters stopped; the fit has a broker term and the plan sizes brokers',
  async () => {
    // Two points per broker count, 3 s each: the mechanics are under test, not Kafka's scaling. Every
    // point's JVMs are cold, and three of them on a shared 2-core box acked ~300 msg/s in their first
    // seconds: a slow paced warmup keeps its messages from clogging the max phase's window. Idempotence
    // caps requests in flight at 5, so acks=all on three brokers gets batches, not a backlog of tiny
    // requests (see "The seed example on three nodes" in the README).
    const scenario = writeScenario(`
name: broker-sweep
topics: [{ name: orders, partitions: 2, replicationFactor: 3 }]
producers: { count: 1, message: { size: 100 }, properties: { enable.idempotence: true } }
phases: [{ type: max, duration: 1s }]
sweep:
  brokers: [1, 3]
  producers: [1, 2]
  warmup: 3s
  warmupRate: 200
  pointDuration: 3s
  maxInFlight: 200
`);
    const out = tempDir('broker-sweep-out');
    const run = await runCli(['run', scenario, '--out', out], { env: isolatedEnv(), timeoutMs: 480_000 });
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /fresh 1- or 3-broker cluster \(replication factor 3, capped at 1 on 1 broker\)/);
    const file = readdirSync(out).find((f) => f.startsWith('broker-sweep-sweep-'));
    const path = join(out, file!);
    const sweep = JSON.parse(readFileSync(path, 'utf8')) as SweepResult;
    assert.equal(sweep.status, 'complete');
    assert.deepEqual(sweep.cluster.perPointBrokerCounts, [1, 3]);
    assert.equal(sweep.cluster.brokerCount, 3);
    assert.deepEqual(
      sweep.points.map((p) => [p.parameters.brokers, p.parameters.replicationFactor, p.parameters.producers]),
      [
        [1, 1, 1],
        [1, 1, 2],
        [3, 3, 1],
        [3, 3, 2],
      ],
    );
    const addresses = new Set<string>();
    for (const { parameters, result, storage, measurement } of sweep.points) {
      const label = `point ${parameters.index}`;
      const brokers = result.environment.brokers.split(',');
      assert.equal(brokers.length, parameters.brokers, `${label} ran on ${result.environment.brokers}`);
      for (const b of brokers) addresses.add(b);
      assert.equal(result.scenario.topics[0]!.replicationFactor, parameters.replicationFactor, label);
      assert.equal(result.status, 'complete', label);
      assert.ok(measurement !== null, `${label} recorded its max phase`);
      // Stored bytes come from the point's own cluster, every replica counted: RF 3 stores about three copies.
      assert.ok(storage !== null && storage.logBytes > 0, `${label}: stored bytes read from its cluster`);
      const perReplica = storage.bytesPerMessage / parameters.replicationFactor!;
      assert.ok(perReplica > 100 && perReplica < 400, `${label}: ${perReplica} stored bytes per message per replica`);
    }
    assert.equal(addresses.size, 2 * 1 + 2 * 3, 'a fresh cluster, on fresh ports, for every point');
    for (const address of addresses) assert.equal(await listening(address), false, `${address} stopped`);
    for (const dir of sweep.cluster.logDirs ?? []) assert.equal(existsSync(dir), false, `${dir} removed`);
    assert.equal(sweep.cluster.logDirs?.length, 2 * 1 + 2 * 3);

    const fit = sweep.models.throughput;
    const measured = sweep.points.map((p) => p.measurement!.throughputMsgsPerSec);
    if (measured.some((t) => t === 0)) {
      // A starved point acked nothing in its phase: it is left out, and 3 points cannot fit c, a and e.
      assert.ok(!fit.checked && /too few points/.test(fit.reason), fit.checked ? fit.fit.formula : fit.reason);
      return;
    }
    assert.ok(fit.checked, fit.checked ? '' : fit.reason);
    assert.equal(fit.fit.formula, 'T = c·N^a·R^b·K^d·B^e');
    assert.deepEqual(
      fit.fit.exponents.map((e) => e.key),
      ['producers', 'brokers'],
    );
    assert.match(run.stdout, /^\s+e = -?\d+\.\d\d \[/m, "the broker exponent's verdict is printed");

    const target = Math.floor(Math.min(...measured) / 2);
    const p99Ms = Math.ceil(Math.max(...sweep.points.map((p) => p.measurement!.publishP99Us)) / 1000) * 2;
    const plan = await runCli(['plan', path, '--target', String(target), '--p99', `${p99Ms}ms`, '--json']);
    if (plan.code === 0) {
      const planned = JSON.parse(plan.stdout) as CapacityPlan;
      assert.ok(planned.brokers.value !== null && planned.brokers.value >= 1);
      assert.match(planned.brokers.evidence, /per broker/);
    } else {
      // Four 2-second points on a shared 2-core box may scatter below the R² gate; that refusal must say so.
      assert.equal(plan.code, 2, plan.stderr);
      const refusal = JSON.parse(plan.stdout) as PlanRefusal;
      assert.ok(
        refusal.reasons.some((r) => /R² = /.test(r)),
        refusal.reasons.join('\n'),
      );
    }
  },
);
