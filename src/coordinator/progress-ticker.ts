import type { Scenario } from '../scenario/types.js';
import { nowUs } from '../workers/clock.js';
import type { Collector } from './collector.js';
import type { Reporter } from './reporter.js';

/** Once a second, hands the reporter what every worker did in that second. */
export class ProgressTicker {
  private timer: NodeJS.Timeout | null = null;
  private last = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly collector: Collector,
    private readonly reporter: Reporter,
    /** The latest consumer lag, if the run samples it. */
    private readonly lag: () => number | null = () => null,
  ) {}

  start(startAtUs: number): void {
    this.last = Date.now();
    this.collector.takeWindow();
    // Workers post an interval just after it ends; report a quarter second later so the line
    // holds every worker's numbers for that second, not a mix of two.
    const firstInMs = Math.max(0, (startAtUs - nowUs()) / 1000) + 1250;
    this.timer = setTimeout(() => {
      this.report(startAtUs);
      this.timer = setInterval(() => this.report(startAtUs), 1000);
      this.timer.unref();
    }, firstInMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private report(startAtUs: number): void {
    const now = Date.now();
    const seconds = Math.max(0.001, (now - this.last) / 1000);
    this.last = now;
    const w = this.collector.takeWindow();
    // Seconds since the start at the end of the interval just reported (a whole number).
    const elapsed = Math.round((nowUs() - startAtUs) / 1e6 - 0.25);
    const plannedSec = this.scenario.phases.reduce((sum, p) => sum + p.durationMs / 1000, 0);
    let start = 0;
    let phase = this.scenario.phases[0]!;
    let over = true;
    for (const p of this.scenario.phases) {
      phase = p;
      // The interval's middle decides.
      if (elapsed - 0.5 < start + p.durationMs / 1000) {
        over = false;
        break;
      }
      start += p.durationMs / 1000;
    }
    this.reporter.progress({
      phase: phase.name,
      elapsedSec: Math.max(0, Math.min(elapsed - start, phase.durationMs / 1000)),
      durationSec: phase.durationMs / 1000,
      sentPerSec: w.sent / seconds,
      ackedPerSec: w.acked / seconds,
      consumedPerSec: w.consumed / seconds,
      publishP99Us: w.publishP99Us,
      ackedMBPerSec: w.ackedBytes / 1e6 / seconds,
      run: { elapsedSec: Math.max(0, Math.min(elapsed, plannedSec)), durationSec: plannedSec },
      ...(this.scenario.consumers ? { consumerLag: this.lag() } : {}),
      ...(over ? { afterScheduleSec: Math.max(0, elapsed - start) } : {}),
    });
  }
}
