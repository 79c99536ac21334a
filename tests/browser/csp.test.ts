/**
 * The built site under the strict Content-Security-Policy the README promises (CSP below):
 * no `securitypolicyviolation` and no console error, and the canvas really starts, on
 * - index.html: playing, the YAML editor opened (CodeMirror's styles must apply without
 *   a `<style>` element) showing a problem (lint marks without `data:` images), a
 *   console command typed; also with WebGL missing (pixi's 2D
 *   canvas renderer, which must not probe for eval either);
 * - a course page with three `<pod-sim>` elements (one with the editor, one Japanese) and
 *   an iframe of embed.html — a variant of public/examples/probes-article.html without
 *   its poster, so every embed starts;
 * - embed.html on its own.
 * Every frame records violations from its first script on (an init script), so a
 * violation inside the iframe or before the app's module ran counts too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, startSite, type Site } from './site-harness';

/** the policy README.md ("Content-Security-Policy") says podsim works under */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'self'";

const DEFAULT_YAML = readFileSync(join(ROOT, 'scenarios/readiness-moves-traffic.yaml'), 'utf8');

/** the course page with every embed live (no poster), one with the editor, one in Japanese */
const ARTICLE = readFileSync(join(ROOT, 'public/examples/probes-article.html'), 'utf8')
  .replace('<pod-sim id="startup" src="scenarios/startup-probe.yaml" poster controls="canvas console"', '<pod-sim id="startup" src="scenarios/startup-probe.yaml" lang="ja" controls="canvas console"')
  .replace('<pod-sim id="liveness" src="scenarios/liveness-restart.yaml" controls="canvas console panels"', '<pod-sim id="liveness" src="scenarios/liveness-restart.yaml" controls="canvas console editor"')
  .replace(/loading="lazy"/, '');

let site: Site;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = await startSite({ '/examples/probes-article-csp.html': ARTICLE }, () => ({ 'content-security-policy': CSP }));
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
});

afterAll(async () => {
  await site?.close();
});

interface Opened {
  page: Page;
  /** console errors, uncaught errors and failed requests, any frame */
  errors: string[];
}

async function open(path: string, opts: { noWebGL?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Opened> {
  const ctx = await site.browser.newContext({ viewport: opts.viewport ?? { width: 1300, height: 850 } });
  contexts.push(ctx);
  await ctx.addInitScript((noWebGL: boolean) => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
    if (noWebGL) {
      // a browser without WebGL: pixi falls back to its 2D-canvas renderer
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (get as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof get;
    }
  }, !!opts.noWebGL);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${site.url}${path}`);
  return { page, errors };
}

/** violations recorded in every frame of the page */
async function violations(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const f of page.frames()) out.push(...(await f.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])));
  return out;
}

describe('under a strict CSP', () => {
  it('index.html: canvas, playback, the YAML editor and the console, with no violation', async () => {
    const { page, errors } = await open('/?scenario=readiness-moves-traffic.yaml&lang=en');
    await page.waitForFunction(() => !!window.podsim);
    expect(await page.evaluate(() => window.podsim.canvasReady())).toBeNull();
    expect(await page.evaluate(() => window.podsim.stats().renderer?.renderer)).toBe('webgl');
    await page.evaluate(() => {
      window.podsim.setSpeed(8);
      window.podsim.play();
    });
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => window.podsim.time())).toBeGreaterThan(3);
    expect(await page.evaluate(() => window.podsim.stats().renderer?.cards)).toBe(await page.evaluate(() => window.podsim.snapshot()!.view.pods.length));
    // the editor, with CodeMirror's own styles applied (unstyled, .cm-editor is a plain block)
    await page.getByRole('tab', { name: 'YAML' }).click();
    const editor = page.locator('.cm-editor');
    await editor.waitFor();
    expect(await editor.evaluate((e) => getComputedStyle(e).display)).toBe('flex');
    expect(await page.locator('.cm-gutters').evaluate((e) => getComputedStyle(e).display)).toBe('flex');
    // a problem in the file: lint's wavy underline and gutter marker (data: SVG images in
    // CodeMirror; CSS in podsim) must not need img-src data:
    // pasted, as a learner would (CodeMirror takes the paste; Playwright's insertText instead
    // has chromium's own editing insert paragraphs, with style attributes CSP refuses)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.evaluate((t) => navigator.clipboard.writeText(t), DEFAULT_YAML.replace('periodSeconds: 5', 'periodSeconds: five'));
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.locator('.ps-editor-problems li').first().waitFor({ timeout: 10_000 });
    const mark = page.locator('.cm-lintRange-error').first();
    await mark.waitFor();
    expect(await mark.evaluate((e) => getComputedStyle(e).textDecorationStyle)).toBe('wavy');
    expect(await page.locator('.cm-lint-marker-error').first().evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    // a console command
    const input = page.getByRole('textbox', { name: /^Command/ });
    await input.fill('kubectl get pods');
    await input.press('Enter');
    await expect.poll(() => page.locator('.ps-out-stdout').last().textContent()).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(await page.locator('.ps-canvas-error').count()).toBe(0);
    // the favicon is a file, fetched under img-src 'self'
    expect(await page.locator('link[rel=icon]').getAttribute('href')).not.toMatch(/^data:/);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('index.html without WebGL: the 2D-canvas renderer, no eval probe either', async () => {
    const { page, errors } = await open('/?scenario=readiness-moves-traffic.yaml', { noWebGL: true });
    await page.waitForFunction(() => !!window.podsim);
    expect(await page.evaluate(() => window.podsim.canvasReady())).toBeNull();
    expect(await page.evaluate(() => window.podsim.stats().renderer?.renderer)).toBe('canvas');
    await page.evaluate(() => {
      window.podsim.setSpeed(8);
      window.podsim.play();
    });
    await expect.poll(() => page.evaluate(() => window.podsim.time())).toBeGreaterThan(4);
    expect(await page.evaluate(() => window.podsim.stats().renderer?.cards)).toBe(await page.evaluate(() => window.podsim.snapshot()!.view.pods.length));
    expect(await page.locator('.ps-canvas-error').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a course page with three <pod-sim> elements and an iframe of embed.html', async () => {
    const { page, errors } = await open('/examples/probes-article-csp.html', { viewport: { width: 1100, height: 3600 } });
    for (const id of ['readiness', 'liveness', 'startup']) {
      await page.waitForFunction((i) => (document.getElementById(i) as unknown as { duration: number } | null)?.duration, id, { timeout: 20_000 });
      // the canvas is drawing in each (a canvas element, no "could not start" message)
      await page.locator(`#${id} .ps-canvas canvas`).waitFor({ timeout: 20_000 });
      expect(await page.locator(`#${id} .ps-canvas-error`).count()).toBe(0);
    }
    await page.evaluate(() => {
      for (const id of ['liveness', 'startup']) (document.getElementById(id) as unknown as { play(): void }).play();
    });
    // the Japanese embed's UI is Japanese; the editor embed's CodeMirror is styled inside its shadow root
    await expect.poll(() => page.locator('#startup').getByRole('button', { name: /^(再生|一時停止)/ }).count()).toBeGreaterThan(0);
    const editor = page.locator('#liveness .cm-editor');
    await editor.waitFor({ timeout: 20_000 });
    expect(await editor.evaluate((e) => getComputedStyle(e).display)).toBe('flex');
    // the iframe: embed.html, its canvas drawing too
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame!.waitForFunction(() => !!window.podsim && window.podsim.duration() > 0, undefined, { timeout: 20_000 });
    expect(await frame!.evaluate(() => window.podsim.canvasReady())).toBeNull();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (document.getElementById('readiness') as unknown as { time: number }).time)).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('embed.html on its own', async () => {
    const { page, errors } = await open('/embed.html?scenario=readiness-moves-traffic.yaml&speed=8&autoplay&controls=all');
    await page.waitForFunction(() => !!window.podsim && window.podsim.duration() > 0);
    expect(await page.evaluate(() => window.podsim.canvasReady())).toBeNull();
    expect(await page.evaluate(() => window.podsim.stats().renderer?.renderer)).toBe('webgl');
    await expect.poll(() => page.evaluate(() => window.podsim.time())).toBeGreaterThan(3);
    expect(await page.locator('.ps-canvas-error').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
