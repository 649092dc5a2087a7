/**
 * Batches an agent's worker messages for the coordinator: interval deltas and assignments as
 * they come, consumer positions only the latest per worker. A few control messages a second,
 * however many messages the run sends.
 */
import type { WorkerMessage } from '../workers/protocol.js';

export class StatsForwarder {
  private pending: WorkerMessage[] = [];
  private readonly positions = new Map<number, WorkerMessage>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly send: (messages: WorkerMessage[]) => void) {}

  add(m: WorkerMessage): void {
    if (m.type === 'consumed') this.positions.set(m.workerId, m);
    else if (m.type !== 'ready') this.pending.push(m);
  }

  start(everyMs = 250): void {
    this.timer = setInterval(() => this.flush(), everyMs);
    this.timer.unref();
  }

  flush(): void {
    const batch = [...this.pending, ...this.positions.values()];
    this.pending = [];
    this.positions.clear();
    if (batch.length > 0) this.send(batch);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }
}
