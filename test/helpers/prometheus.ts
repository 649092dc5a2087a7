import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../src/cluster/ports.js';
import { tempDir } from './paths.js';

/** A real Prometheus (Debian's package) scraping one target every second, on a free port. */
export class Prometheus {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly log: () => string,
  ) {}

  static async start(target: string): Promise<Prometheus> {
    const dir = tempDir('prometheus');
    const port = await freePort();
    const config = join(dir, 'prometheus.yml');
    writeFileSync(
      config,
      `global: { scrape_interval: 1s, scrape_timeout: 900ms }\n` +
        `scrape_configs:\n  - job_name: kload\n    static_configs: [{ targets: ['${target}'] }]\n`,
    );
    const child = spawn(
      'prometheus',
      [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    const p = new Prometheus(child, `http://127.0.0.1:${port}`, () => output);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`prometheus exited ${child.exitCode}:\n${output}`);
      const ready = await fetch(`${p.url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return p;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill('SIGKILL');
    throw new Error(`prometheus not ready in 30 s:\n${output}`);
  }

  /** An instant PromQL query; one number per series, with its labels. */
  async query(promql: string): Promise<{ labels: Record<string, string>; value: number }[]> {
    const r = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await r.json()) as {
      status: string;
      error?: string;
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    if (body.status !== 'success') throw new Error(`${promql}: ${body.error}`);
    return body.data.result.map((s) => ({ labels: s.metric, value: Number(s.value[1]) }));
  }

  /** A range query over the last `seconds`, one point per second; the number of series returned. */
  async seriesOver(promql: string, seconds: number): Promise<number> {
    const end = Date.now() / 1000;
    const q = new URLSearchParams({ query: promql, start: String(end - seconds), end: String(end), step: '1' });
    const r = await fetch(`${this.url}/api/v1/query_range?${q}`);
    const body = (await r.json()) as { status: string; error?: string; data: { result: unknown[] } };
    if (body.status !== 'success') throw new Error(`${promql}: ${body.error}`);
    return body.data.result.length;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
