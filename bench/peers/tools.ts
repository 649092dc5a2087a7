/**
 * The producer rows: kload at each thread count on its default (native) driver, kload on one
 * thread with the node-rdkafka driver, the two peers, the binding's floor.
 */
import { DEFAULT_MAX_IN_FLIGHT } from '../../src/scenario/schema-phases.js';
import type { ClientDriver } from '../../src/scenario/types.js';
import { runBindingFloor } from './binding-floor-tool.js';
import { runJavaPerf, type JavaPerfTool } from './java-perf-tool.js';
import { runKload, type KloadRunSpec } from './kload-tool.js';
import { runRdkafkaPerf } from './rdkafka-perf-tool.js';
import type { BenchOptions, MeasuredRun, RunContext } from './types.js';

export interface BenchTool {
  name: string;
  run(ctx: RunContext): Promise<MeasuredRun>;
}

/**
 * A first guess for one kload thread, before any run of the row measured one (roughly what each
 * driver reached on a 2-core machine, 100 B, acks=1): only the first case's kload runs use it.
 */
const FIRST_GUESS_MSGS_PER_SEC_PER_THREAD: Record<ClientDriver, number> = { native: 400_000, 'node-rdkafka': 120_000 };

/** The node-rdkafka row: one thread, as kload-1t, so the two differ by the driver alone. */
export const KLOAD_BINDING_ROW = 'kload-1t node-rdkafka';
const MIN_SECONDS = 1;
const MAX_SECONDS = 300;

/**
 * kload's phases are timed, the peers' runs are counted. To compare like with like (start-up
 * cost spread over the same number of messages, the same amount of log written), kload's max
 * phase lasts N / r seconds, r being the rate the same kload row (thread count and driver) last
 * reached in the same case (else in any case, else a guess). The rows show the messages each
 * tool actually sent.
 */
export class KloadPhaseSizer {
  private readonly byCase = new Map<string, number>();
  private readonly byRow = new Map<string, number>();

  constructor(
    private readonly messages: number,
    private readonly fixedSeconds: number | null,
  ) {}

  seconds(caseId: string, row: string, threads: number, client: ClientDriver): number {
    if (this.fixedSeconds !== null) return this.fixedSeconds;
    const rate =
      this.byCase.get(`${caseId}/${row}`) ??
      this.byRow.get(row) ??
      FIRST_GUESS_MSGS_PER_SEC_PER_THREAD[client] * threads;
    const seconds = Math.round((this.messages / rate) * 10) / 10;
    return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, seconds));
  }

  observe(caseId: string, row: string, msgsPerSec: number): void {
    if (!(msgsPerSec > 0)) return;
    this.byCase.set(`${caseId}/${row}`, msgsPerSec);
    this.byRow.set(row, msgsPerSec);
  }
}

export function benchTools(o: BenchOptions, peers: { java: JavaPerfTool | null; rdkafka: string | null }): BenchTool[] {
  const tools: BenchTool[] = [];
  const sizer = new KloadPhaseSizer(o.messages, o.kloadSeconds);
  const kload = (spec: Omit<KloadRunSpec, 'seconds' | 'maxInFlight'>): BenchTool => ({
    name: spec.tool,
    run: async (ctx) => {
      const seconds = sizer.seconds(ctx.benchCase.id, spec.tool, spec.threads, spec.client);
      const run = await runKload(ctx, { ...spec, seconds, maxInFlight: o.kloadMaxInFlight });
      sizer.observe(ctx.benchCase.id, spec.tool, run.msgsPerSec);
      return run;
    },
  });
  if (o.tools.includes('kload'))
    for (const threads of o.threads) tools.push(kload({ tool: `kload-${threads}t`, threads, client: 'native' }));
  if (o.tools.includes('kload-binding'))
    tools.push(kload({ tool: KLOAD_BINDING_ROW, threads: 1, client: 'node-rdkafka' }));
  const java = peers.java;
  if (java) tools.push({ name: 'kafka-producer-perf-test', run: (ctx) => runJavaPerf(java, ctx) });
  const rdkafka = peers.rdkafka;
  if (rdkafka) tools.push({ name: 'rdkafka_performance', run: (ctx) => runRdkafkaPerf(rdkafka, ctx) });
  const window = o.kloadMaxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  if (o.tools.includes('binding'))
    tools.push({ name: 'node-binding floor', run: (ctx) => runBindingFloor(ctx, window) });
  return tools;
}
