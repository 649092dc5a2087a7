import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { CoordinatorMessage, WorkerAssignment, WorkerMessage } from '../workers/protocol.js';

/** An assignment as the coordinator writes it; the pool adds the MessagePort. */
export type AssignmentWithoutPort = WorkerAssignment extends infer A
  ? A extends WorkerAssignment
    ? Omit<A, 'port'>
    : never
  : never;

export interface RunningTask<R> {
  workerId: number;
  result: Promise<R>;
  send(message: CoordinatorMessage): void;
}

/**
 * A piscina pool with exactly one long task per thread: a worker holds its clients for the
 * whole run. atomics 'disabled' because piscina's default parks idle threads in Atomics.wait,
 * which would freeze a worker's event loop (and its delivery reports) between tasks.
 */
export class WorkerPool<R> {
  private readonly pool: Piscina;

  constructor(taskFile: URL, threads: number) {
    this.pool = new Piscina({
      filename: taskFile.href,
      minThreads: threads,
      maxThreads: threads,
      atomics: 'disabled',
      idleTimeout: 60_000,
    });
  }

  start(assignment: AssignmentWithoutPort, onMessage: (m: WorkerMessage) => void): RunningTask<R> {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', onMessage);
    const result = (this.pool.run({ ...assignment, port: port2 }, { transferList: [port2] }) as Promise<R>).finally(
      () => port1.close(),
    );
    return { workerId: assignment.workerId, result, send: (m) => port1.postMessage(m) };
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
