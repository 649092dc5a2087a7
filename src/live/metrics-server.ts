/**
 * The HTTP endpoint Prometheus scrapes: GET /metrics in Prometheus's text format (0.0.4), which
 * every Prometheus and OpenMetrics scraper reads. It lives as long as the run's result is not
 * written; after that it waits for one last scrape (the final counters) for a bounded time.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** What the endpoint serves: a registry, or something that hands on to the current one (an agent's runs). */
export type MetricsSource = Pick<Registry, 'metrics' | 'contentType'>;
import { KloadError } from '../errors.js';

export interface MetricsAddress {
  host: string;
  port: number;
}

/** `9464`, `:9464`, `0.0.0.0:9464` or `[::1]:9464`; the host defaults to all interfaces. */
export function parseMetricsAddress(text: string): MetricsAddress {
  const t = text.trim();
  const m = /^(?:\[([^\]]+)\]:|([^:[\]]*):)?(\d{1,5})$/.exec(t);
  const port = m ? Number(m[3]) : Number.NaN;
  if (!m || port > 65535) {
    throw new KloadError('INVALID_ARGUMENT', `--metrics ${JSON.stringify(text)}: expected [host:]port`, {
      hint: 'For example --metrics 9464 (all interfaces) or --metrics 127.0.0.1:9464; port 0 picks a free one.',
    });
  }
  return { host: m[1] ?? (m[2] || '0.0.0.0'), port };
}

export class MetricsServer {
  #lastScrapeMs = 0;
  #scrapes = 0;
  #waiters: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(registry: MetricsSource, at: MetricsAddress): Promise<MetricsServer> {
    let instance: MetricsServer | null = null;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || !(req.url === '/metrics' || req.url?.startsWith('/metrics?'))) {
        res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/plain' });
        res.end('kload live metrics: GET /metrics (Prometheus text format)\n');
        return;
      }
      registry.metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(body);
          instance?.scraped();
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`${String(error)}\n`);
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new KloadError('INVALID_ARGUMENT', `--metrics: cannot listen on ${at.host}:${at.port}: ${error.code}`, {
            hint:
              error.code === 'EADDRINUSE'
                ? 'Another process holds that port: pick another, or 0 for a free one.'
                : 'Check the host is an address of this machine.',
            cause: error,
          }),
        ),
      );
      server.listen(at.port, at.host, resolve);
    });
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    instance = new MetricsServer(
      server,
      `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${port}/metrics`,
    );
    return instance;
  }

  /** Resolves after the next scrape, or after `timeoutMs`; at once when nothing ever scraped. */
  async nextScrape(timeoutMs: number): Promise<boolean> {
    if (this.#scrapes === 0) return false;
    const before = this.#lastScrapeMs;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve(this.#lastScrapeMs > before);
      });
    });
  }

  get scrapes(): number {
    return this.#scrapes;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private scraped(): void {
    this.#scrapes++;
    this.#lastScrapeMs = Date.now();
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
