/**
 * `kload agent --metrics`: one endpoint for the agent's whole life, serving the metrics of the
 * segment it runs now, or of the last one it ran (so the final counters stay scrapeable). Every
 * agent labels a run by the coordinator's run id, so `sum by (run)` adds the agents up.
 */
import { Registry } from 'prom-client';
import type { Reporter } from '../coordinator/reporter.js';
import type { Scenario } from '../scenario/types.js';
import type { WorkerMessage } from '../workers/protocol.js';
import { LiveMetrics } from './live-metrics.js';
import { type MetricsAddress, MetricsServer } from './metrics-server.js';

export interface SegmentMetrics {
  reporter: Reporter;
  watch: (m: WorkerMessage) => void;
  finish(): void;
}

export class AgentMetrics {
  #current: Registry = new Registry();

  private constructor(readonly server: MetricsServer) {}

  static async start(at: MetricsAddress): Promise<AgentMetrics> {
    let self: AgentMetrics | null = null;
    const source = {
      contentType: new Registry().contentType,
      metrics: () => (self ? self.#current.metrics() : Promise.resolve('')),
    };
    self = new AgentMetrics(await MetricsServer.start(source, at));
    return self;
  }

  /** A new segment: its metrics replace the previous segment's from now on. */
  begin(scenario: Scenario, runId: number, reporter: Reporter): SegmentMetrics {
    const metrics = new LiveMetrics(scenario, String(runId));
    this.#current = metrics.registry;
    return {
      reporter: metrics.reporting(reporter),
      watch: (m) => metrics.observe(m),
      finish: () => metrics.finish(null),
    };
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
