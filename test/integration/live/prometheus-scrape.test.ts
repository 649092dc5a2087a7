import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { freePort } from '../../../src/cluster/ports.js';
import { runCli } from '../../helpers/cli.js';
import { randomTopic } from '../../helpers/kafka-io.js';
import { repoRoot, tempDir } from '../../helpers/paths.js';
import { Prometheus } from '../../helpers/prometheus.js';
import { readOnlyResult, writeScenario } from '../../helpers/scenario-files.js';

test('a real Prometheus scraping `kload run --metrics` stores the acked count of the result', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const port = await freePort();
  const prometheus = await Prometheus.start(`127.0.0.1:${port}`);
  t.after(() => prometheus.stop());
  const topic = randomTopic('live');
  const scenario = writeScenario(`
name: live-metrics
topics: [{ name: ${topic}, partitions: 2 }]
producers: { count: 2, message: { size: 100 }, properties: { acks: 1 } }
consumers: { groups: [${topic}-g], members: 1 }
phases:
  - { name: steady, type: constant, duration: 10s, rate: 1000 }
`);
  const out = tempDir('out');
  const r = await runCli([
    'run',
    scenario,
    '--brokers',
    cluster.bootstrapServers,
    '--out',
    out,
    '--metrics',
    `127.0.0.1:${port}`,
    '--metrics-wait',
    '10',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const run = /Metrics: http:\/\/127\.0\.0\.1:\d+\/metrics \(run="(\w+)"\)/.exec(r.stdout + r.stderr)?.[1];
  assert.ok(run, `the run label is printed:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout + r.stderr, /waiting up to 10 s for a last scrape/);
  const result = readOnlyResult(out);
  const acked = result.phases.reduce((n, p) => n + p.acked, 0);
  assert.equal(acked, 10_000);

  // The target is gone now, so its series are stale: read each one's last stored value.
  const last = async (metric: string, extra = '') => {
    const series = await prometheus.query(`last_over_time(${metric}{run="${run}"${extra}}[5m])`);
    return series;
  };
  const total = (series: { value: number }[]) => series.reduce((n, s) => n + s.value, 0);
  assert.equal(total(await last('kload_messages_acked_total')), acked, 'Prometheus holds the final acked count');
  assert.equal(total(await last('kload_messages_sent_total')), acked);
  assert.equal(total(await last('kload_messages_consumed_total')), result.phases[0]!.consumed);
  assert.equal(total(await last('kload_messages_lost_total')), 0);
  assert.deepEqual(
    (await last('kload_run_finished')).map((s) => s.value),
    [1],
  );
  const acks = await last('kload_messages_acked_total');
  assert.deepEqual(acks[0]!.labels, {
    __name__: 'kload_messages_acked_total',
    instance: `127.0.0.1:${port}`,
    job: 'kload',
    phase: 'steady',
    run: run!,
    scenario: 'live-metrics',
    topic,
  });
  const target = await prometheus.query(`max_over_time(kload_target_rate_messages_per_second{run="${run}"}[5m])`);
  assert.equal(target[0]?.value, 1000, 'the target rate gauge follows the schedule');
  const p99 = await prometheus.query(
    `max_over_time(kload_latency_seconds{run="${run}",kind="publish",quantile="0.99"}[5m])`,
  );
  assert.ok(p99.length === 1 && p99[0]!.value > 0 && p99[0]!.value < 5, `publish p99 gauge: ${JSON.stringify(p99)}`);
  const e2e = await prometheus.query(
    `count(last_over_time(kload_latency_seconds{run="${run}",kind="end-to-end"}[5m]))`,
  );
  assert.equal(e2e[0]?.value, 4, 'end-to-end p50, p99, p99.9 and max');
  const lag = await prometheus.query(`count_over_time(kload_consumer_lag_messages{run="${run}"}[5m])`);
  assert.ok((lag[0]?.value ?? 0) >= 5, 'consumer lag is sampled every second');

  // The Grafana dashboard's queries are valid PromQL, and every panel draws something for this run.
  const dashboard = JSON.parse(readFileSync(join(repoRoot(), 'deploy/grafana/kload-dashboard.json'), 'utf8')) as {
    panels: { title: string; targets: { expr: string }[] }[];
  };
  for (const panel of dashboard.panels) {
    let series = 0;
    for (const { expr } of panel.targets) {
      series += await prometheus.seriesOver(expr.replaceAll('$run', run!).replaceAll('$__rate_interval', '5s'), 120);
    }
    assert.ok(series > 0, `dashboard panel "${panel.title}" has data`);
  }
});
