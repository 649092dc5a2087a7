/**
 * The nodes a fault holds SIGSTOPped right now. While any is, hooks send them SIGCONT if kload
 * ends abruptly: on process 'exit' (a crash) and on SIGINT/SIGTERM. The second Ctrl-C of a run
 * finds no other listener (interrupt.ts removed its own) and would end the process without
 * 'exit' hooks, leaving a detached cluster with a frozen JVM that nothing ever resumes; so the
 * nodes are resumed first and the signal raised again for its default action. The hook runs
 * before interrupt.ts's (prepended): a signal that arrives once the run is already stopping is
 * that second one.
 */
import type { NodeControl } from './node-control.js';

const signals = ['SIGINT', 'SIGTERM'] as const;

export class PausedNodes {
  private readonly ids = new Set<number>();
  private readonly resumeAll = () => {
    for (const id of this.ids) this.nodes?.resume(id);
  };
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.resumeAll();
    if (!this.runStopped.aborted) return; // the first: the run's own interrupt handling stops it
    this.unhook();
    process.kill(process.pid, signal);
  };

  constructor(
    private readonly nodes: NodeControl | null,
    private readonly runStopped: AbortSignal,
  ) {}

  pause(id: number): void {
    if (this.nodes === null) return;
    if (this.ids.size === 0) this.hook();
    this.ids.add(id);
    this.nodes.pause(id);
  }

  resume(id: number): void {
    if (!this.ids.delete(id)) return;
    this.nodes?.resume(id);
    if (this.ids.size === 0) this.unhook();
  }

  /** Resumes any node still held (finish() awaited every fault, so normally none). */
  dispose(): void {
    for (const id of [...this.ids]) this.resume(id);
  }

  private hook(): void {
    process.on('exit', this.resumeAll);
    for (const s of signals) process.prependListener(s, this.onSignal);
  }

  private unhook(): void {
    process.removeListener('exit', this.resumeAll);
    for (const s of signals) process.removeListener(s, this.onSignal);
  }
}
