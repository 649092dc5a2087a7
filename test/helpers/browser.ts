/**
 * Debian's headless Chromium driven by playwright-core, for tests that look at a page as a person
 * would. Never a downloaded browser: CI installs the `chromium` package (scripts/install.sh).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenedPage {
  page: Page;
  /** console.error messages and uncaught page errors, in order. */
  errors: string[];
  /** Every URL the page requested (the page itself included). */
  requests: string[];
  /** Requests that failed, with the reason. */
  failedRequests: string[];
  close(): Promise<void>;
}

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `${CHROMIUM_PATH} not found: install Debian's chromium package (bash scripts/install.sh)`;
}

/** Opens `url` in a fresh profile and waits for the load event; listeners are attached first. */
export async function openPage(url: string, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
  const profile = mkdtempSync(join(tmpdir(), 'kload-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      timeout: 60_000,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const opened: OpenedPage = {
      page,
      errors: [],
      requests: [],
      failedRequests: [],
      close: async () => {
        await context?.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
    page.on('console', (m) => {
      if (m.type() === 'error') opened.errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => opened.errors.push(`page error: ${e.message}`));
    page.on('request', (r) => opened.requests.push(r.url()));
    page.on('requestfailed', (r) => opened.failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    return opened;
  } catch (error) {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
