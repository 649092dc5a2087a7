/**
 * `kload run --metrics [host:]port`: serves the run's live numbers to Prometheus while it runs,
 * and after the result is written waits (bounded) for one last scrape so the final counters are
 * stored, then closes.
 */
import type { Reporter } from '../coordinator/reporter.js';
import { LiveMetrics } from '../live/live-metrics.js';
import { MetricsServer, parseMetricsAddress } from '../live/metrics-server.js';
import type { RunResult } from '../result/result-types.js';
import type { Scenario } from '../scenario/types.js';
import type { WorkerMessage } from '../workers/protocol.js';

export interface LiveMetricsRun {
  /** Passes progress on to `reporter` after updating the gauges. */
  reporter: Reporter;
  watch: (m: WorkerMessage) => void;
  /** The result is final: counters complete, integrity known. */
  finish(result: RunResult): void;
  /** After the result is written: one last scrape (if anything scrapes), then close. */
  close(): Promise<void>;
}

export async function startLiveMetrics(
  address: string,
  waitSec: number,
  scenario: Scenario,
  reporter: Reporter,
): Promise<LiveMetricsRun> {
  const run = new Date().toISOString().replace(/[-:]|\.\d+/g, '');
  const metrics = new LiveMetrics(scenario, run);
  const server = await MetricsServer.start(metrics.registry, parseMetricsAddress(address));
  reporter.info(`Metrics: ${server.url} (run="${run}")`);
  let closed = false;
  return {
    reporter: metrics.reporting(reporter),
    watch: (m) => metrics.observe(m),
    finish: (result) => metrics.finish(result),
    close: async () => {
      if (closed) return;
      closed = true;
      if (server.scrapes > 0 && waitSec > 0) {
        reporter.info(`Metrics: waiting up to ${waitSec} s for a last scrape ...`);
        await server.nextScrape(waitSec * 1000);
      }
      await server.close();
    },
  };
}
