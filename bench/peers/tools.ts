/** The rows of the benchmark: kload at each thread count, the two peers, the binding's floor. */
import { DEFAULT_MAX_IN_FLIGHT } from '../../src/scenario/schema-phases.js';
import { runBindingFloor } from './binding-floor-tool.js';
import { runJavaPerf, type JavaPerfTool } from './java-perf-tool.js';
import { runKload } from './kload-tool.js';
import { runRdkafkaPerf } from './rdkafka-perf-tool.js';
import type { BenchOptions, MeasuredRun, RunContext } from './types.js';

export interface BenchTool {
  name: string;
  run(ctx: RunContext): Promise<MeasuredRun>;
}

/** A first guess for one kload thread, before any kload run of this bench measured one. */
const FIRST_GUESS_MSGS_PER_SEC_PER_THREAD = 150_000;
const MIN_SECONDS = 1;
const MAX_SECONDS = 300;

/**
 * kload's phases are timed, the peers' runs are counted. To compare like with like (start-up
 * cost spread over the same number of messages, the same amount of log written), kload's max
 * phase lasts N / r seconds, r being the rate kload last reached in the same case at the same
 * thread count (else at that thread count in any case, else a guess). The rows show the
 * messages each tool actually sent.
 */
export class KloadPhaseSizer {
  private readonly byCase = new Map<string, number>();
  private readonly byThreads = new Map<number, number>();

  constructor(private readonly messages: number, private readonly fixedSeconds: number | null) {}

  seconds(caseId: string, threads: number): number {
    if (this.fixedSeconds !== null) return this.fixedSeconds;
    const rate = this.byCase.get(`${caseId}/${threads}`) ?? this.byThreads.get(threads) ?? FIRST_GUESS_MSGS_PER_SEC_PER_THREAD * threads;
    const seconds = Math.round((this.messages / rate) * 10) / 10;
    return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, seconds));
  }

  observe(caseId: string, threads: number, msgsPerSec: number): void {
    if (!(msgsPerSec > 0)) return;
    this.byCase.set(`${caseId}/${threads}`, msgsPerSec);
    this.byThreads.set(threads, msgsPerSec);
  }
}

export function benchTools(o: BenchOptions, peers: { java: JavaPerfTool | null; rdkafka: string | null }): BenchTool[] {
  const tools: BenchTool[] = [];
  if (o.tools.includes('kload')) {
    const sizer = new KloadPhaseSizer(o.messages, o.kloadSeconds);
    for (const threads of o.threads) {
      tools.push({
        name: `kload-${threads}t`,
        run: async (ctx) => {
          const seconds = sizer.seconds(ctx.benchCase.id, threads);
          const run = await runKload(ctx, { threads, seconds, maxInFlight: o.kloadMaxInFlight });
          sizer.observe(ctx.benchCase.id, threads, run.msgsPerSec);
          return run;
        },
      });
    }
  }
  const java = peers.java;
  if (java) tools.push({ name: 'kafka-producer-perf-test', run: (ctx) => runJavaPerf(java, ctx) });
  const rdkafka = peers.rdkafka;
  if (rdkafka) tools.push({ name: 'rdkafka_performance', run: (ctx) => runRdkafkaPerf(rdkafka, ctx) });
  const window = o.kloadMaxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  if (o.tools.includes('binding')) tools.push({ name: 'node-binding floor', run: (ctx) => runBindingFloor(ctx, window) });
  return tools;
}
