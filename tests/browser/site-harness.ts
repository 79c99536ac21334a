/**
 * What the browser tests share: the site (both pages and the <pod-sim> element) built
 * once per test run with vite's build() API, served on 127.0.0.1, and Debian's chromium driven headless by
 * playwright-core. Pages record console errors so a test can assert there were none.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { inject } from 'vitest';
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

/** the site as `npm run build` makes it: index.html, embed.html, public/ (examples), embed/pod-sim.js */
async function buildSite(out: string): Promise<void> {
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  await build({ root: ROOT, configFile: join(ROOT, 'vite.embed.config.ts'), logLevel: 'error', build: { outDir: join(out, 'embed'), emptyOutDir: true } });
}

let built: Promise<string> | null = null;

/**
 * The built site's folder, shared by every browser test file of this run (read-only: serve
 * it, don't write into it). The first file to ask builds it; the others wait. Run outside
 * vitest's global setup (no shared folder), each caller builds its own.
 */
export function builtSite(): Promise<string> {
  built ??= (async () => {
    let cache: string | undefined;
    try {
      cache = inject('podsimSiteCache');
    } catch {
      cache = undefined;
    }
    if (!cache) {
      const out = mkdtempSync(join(tmpdir(), 'podsim-site-'));
      await buildSite(out);
      return out;
    }
    const out = join(cache, 'site');
    const done = join(cache, 'done');
    const failed = join(cache, 'failed');
    let mine = false;
    try {
      mkdirSync(join(cache, 'lock')); // atomic: exactly one file wins
      mine = true;
    } catch {
      mine = false;
    }
    if (mine) {
      try {
        await buildSite(out);
        writeFileSync(done, '');
      } catch (e) {
        writeFileSync(failed, e instanceof Error ? e.message : String(e));
        throw e;
      }
      return out;
    }
    for (let waited = 0; waited < 300_000; waited += 250) {
      if (existsSync(done)) return out;
      if (existsSync(failed)) throw new Error(`the site build failed: ${readFileSync(failed, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('waited 5 minutes for another test file to build the site');
  })();
  return built;
}

export async function startSite(extra: Record<string, string> = {}, headers?: (path: string) => Record<string, string>): Promise<Site> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set PODSIM_CHROMIUM`);
  const out = await builtSite();
  const server = await serveStatic(out, extra, headers);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
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

/**
 * Open the page (with a query string) and wait until the simulator and its canvas are up,
 * and — unless `ready: false` — what scripts need that comes on demand (kubectl's printers).
 */
export async function openPage(site: Site, query = '', viewport = { width: 1400, height: 900 }, opts: { reducedMotion?: 'reduce' | 'no-preference'; colorScheme?: 'light' | 'dark'; ready?: boolean } = {}): Promise<Opened> {
  const ctx = await site.browser.newContext({ viewport, reducedMotion: opts.reducedMotion ?? 'no-preference', ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}) });
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
  if (opts.ready !== false) await page.evaluate(() => window.podsim.ready());
  return { page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
