/**
 * What the browser tests share: the site built once with vite's build() API into a
 * temporary directory, served on 127.0.0.1, and Debian's chromium driven headless by
 * playwright-core. Pages record console errors so a test can assert there were none.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from './serve-static.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.PODSIM_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-results');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export interface Site {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSite(extra: Record<string, string> = {}): Promise<Site> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set PODSIM_CHROMIUM`);
  const out = mkdtempSync(join(tmpdir(), 'podsim-site-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  const server = await serveStatic(out, extra);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

const openContexts = new Set<BrowserContext>();

/** close every page opened so far (their animation loops compete for the CPU) */
export async function closePages(): Promise<void> {
  for (const c of openContexts) await c.close().catch(() => undefined);
  openContexts.clear();
}

export interface Opened {
  page: Page;
  /** console errors and uncaught page errors so far */
  errors: string[];
}

/** Open the page (with a query string) and wait until the simulator and its canvas are up. */
export async function openPage(site: Site, query = '', viewport = { width: 1400, height: 900 }, opts: { reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<Opened> {
  const ctx = await site.browser.newContext({ viewport, reducedMotion: opts.reducedMotion ?? 'no-preference' });
  openContexts.add(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${site.url}/${query}`);
  await page.waitForFunction(() => !!window.podsim);
  const canvas = await page.evaluate(() => window.podsim.canvasReady());
  if (canvas !== null) errors.push(`canvas: ${canvas}`);
  return { page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
