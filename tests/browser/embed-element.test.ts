/**
 * <pod-sim> in Debian's chromium, on the course page public/examples/probes-article.html
 * served as the built site serves it (dist/site/examples/ next to dist/site/embed/):
 * both live embeds start and play and answer to their own controls; the element API and
 * its events work (checks once per load, however the learner seeks); a poster loads
 * nothing heavy until clicked and stays under 20 kB gzip before; `lang` and `theme`
 * reach the simulator and follow attribute changes; an embed scrolled out of view stops
 * its clock. Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from './serve-static.mjs';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT, builtSite } from './site-harness';
import type { PodSimElement } from '../../src/embed/pod-sim';
import { inlineYaml } from '../../src/embed/embed-attributes';

/** what the poster's page may download before the reader asks for more */
const POSTER_BUDGET_GZIP = 20 * 1024;

const POSTER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>poster</title>
<script type="module" src="/embed/pod-sim.js"></script></head><body>
<pod-sim id="poster" poster="click" src="/examples/scenarios/startup-probe.yaml" controls="canvas" height="300" speed="16" autoplay></pod-sim>
</body></html>`;

const LANG_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>lang</title>
<script type="module" src="/embed/pod-sim.js"></script></head><body>
<pod-sim id="ja" lang="ja" theme="light" controls="all" height="560" src="/examples/scenarios/liveness-restart.yaml"></pod-sim>
</body></html>`;

let out: string;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  // the element and the course pages as `npm run build` makes them (embed/, examples/)
  out = await builtSite();
  // the article's iframe example is the site build's embed.html (tested with the iframe page): a blank page stands in
  server = await serveStatic(out, { '/poster.html': POSTER_PAGE, '/lang.html': LANG_PAGE, '/embed.html': '<!doctype html><title>iframe</title>' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // record every podsim-* event the page hears, per element
  await page.addInitScript(() => {
    const w = window as unknown as { heard: { type: string; id: string; detail: unknown }[] };
    w.heard = [];
    for (const type of ['ready', 'error', 'event', 'pod', 'endpoints', 'check', 'play', 'pause'])
      document.addEventListener(`podsim-${type}`, (e) => w.heard.push({ type, id: (e.target as HTMLElement).id, detail: (e as CustomEvent).detail }));
  });
  await page.goto(`${server.url}${path}`);
  return { page, errors, requests };
}

const sim = (page: Page, id: string) => ({
  time: () => page.evaluate((i) => (document.getElementById(i) as PodSimElement).time, id),
  playing: () => page.evaluate((i) => (document.getElementById(i) as PodSimElement).playing, id),
  ready: () => page.evaluate((i) => (document.getElementById(i) as PodSimElement).ready, id),
});

function heard(page: Page, id: string, type: string): Promise<unknown[]> {
  return page.evaluate(([i, t]) => (window as unknown as { heard: { type: string; id: string; detail: unknown }[] }).heard.filter((h) => h.id === i && h.type === t).map((h) => h.detail), [id, type]);
}

describe('the course page', () => {
  it('runs two embeds independently, with the element API, events and checks', async () => {
    // tall enough that both live embeds are in view (one out of view would stand still anyway)
    const { page, errors } = await open('/examples/probes-article.html', { width: 1280, height: 2000 });
    const inView = (id: string) => page.evaluate((i) => {
      const r = document.getElementById(i)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, id);
    expect(await inView('readiness')).toBe(true);
    expect(await inView('liveness')).toBe(true);
    const readiness = sim(page, 'readiness');
    const liveness = sim(page, 'liveness');
    await readiness.ready();
    await liveness.ready();
    // the inline one autoplays; the src one waits at its start="20s"
    await expect.poll(readiness.time, { timeout: 10_000 }).toBeGreaterThan(0.5);
    expect(await liveness.time()).toBe(20);
    expect(await liveness.playing()).toBe(false);
    expect((await heard(page, 'readiness', 'ready'))[0]).toMatchObject({ name: 'readiness-in-an-article', title: 'Readiness takes a pod out of its Service', duration: 120 });
    expect((await heard(page, 'liveness', 'ready'))[0]).toMatchObject({ file: 'liveness-restart.yaml', name: 'liveness-restart' });
    // Kubernetes events and pod changes reach the page
    await expect.poll(async () => (await heard(page, 'readiness', 'event')).length).toBeGreaterThan(0);
    expect((await heard(page, 'readiness', 'event'))[0]).toMatchObject({ type: 'event', object: expect.stringMatching(/^pod\/web-[12]$/), reason: 'Scheduled' });
    expect((await heard(page, 'readiness', 'pod')).length).toBeGreaterThan(0);

    // each embed's own transport: pause one with its button, play the other with its button
    await page.locator('#readiness').getByRole('button', { name: /^Pause/ }).click();
    await page.locator('#liveness').getByRole('button', { name: /^Play/ }).click();
    expect(await inView('readiness')).toBe(true);
    const r0 = await readiness.time();
    const l0 = await liveness.time();
    await page.waitForTimeout(700);
    expect(await readiness.time()).toBe(r0);
    expect(await liveness.time()).toBeGreaterThan(l0);
    expect(await heard(page, 'readiness', 'pause')).toHaveLength(1);
    expect(await heard(page, 'liveness', 'play')).toHaveLength(1);
    await page.evaluate(() => (document.getElementById('liveness') as PodSimElement).pause());

    // run() prints kubectl's output, in this embed's console only
    const out = await page.evaluate(() => (document.getElementById('readiness') as PodSimElement).run('kubectl get pods'));
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-1 .*\nweb-2 /);
    await expect.poll(() => page.locator('#readiness .ps-console-out').textContent()).toContain('web-2');
    expect(await page.locator('#liveness .ps-console-out').textContent()).not.toContain('kubectl get pods');

    // a speed attribute takes effect after upgrade; the check passes once and the page ticks its goal
    await page.evaluate(() => {
      const el = document.getElementById('readiness') as PodSimElement;
      el.setAttribute('speed', '64');
      el.play();
    });
    await expect.poll(() => heard(page, 'readiness', 'check'), { timeout: 15_000 }).toHaveLength(1);
    const check = (await heard(page, 'readiness', 'check'))[0] as { name: string; title: string; t: number };
    expect(check).toMatchObject({ name: 'web-2-out', title: 'web-2 leaves the Service; web-1 takes every request' });
    // /ready answers 503 from 20 s; three failures 5 s apart take it out
    expect(check.t).toBeGreaterThan(30);
    expect(check.t).toBeLessThan(40);
    await expect.poll(() => page.locator('.progress[data-for="readiness"]').textContent()).toContain('✓ web-2 leaves the Service');
    await page.screenshot({ path: join(ARTIFACTS, 'embed-article.png'), fullPage: true });
    // seeking back and forth tells nothing twice
    const seen = async () => ({ events: (await heard(page, 'readiness', 'event')).length, checks: (await heard(page, 'readiness', 'check')).length });
    await page.evaluate(() => (document.getElementById('readiness') as PodSimElement).pause());
    await page.evaluate(() => (document.getElementById('readiness') as PodSimElement).seek('50s'));
    const before = await seen();
    await page.evaluate(() => {
      const el = document.getElementById('readiness') as PodSimElement;
      el.seek(5);
      el.seek('50s');
    });
    expect(await seen()).toEqual(before);
    // a command after seeking back changes what follows: that is told
    await page.evaluate(() => {
      const el = document.getElementById('readiness') as PodSimElement;
      el.seek(45);
      el.run('kubectl delete pod web-1');
      el.seek(50);
    });
    const killing = (await heard(page, 'readiness', 'event')) as { reason: string; object: string }[];
    expect(killing.filter((e) => e.reason === 'Killing' && e.object === 'pod/web-1')).toHaveLength(1);

    // load() replaces the scenario: ready again, and its checks may pass again
    const text = inlineYaml(await page.evaluate(() => document.querySelector('#readiness pre')!.textContent!));
    const r = await page.evaluate((t) => (document.getElementById('readiness') as PodSimElement).load(t.replace('rps: 2', 'rps: 3')), text);
    expect(r).toEqual({ ok: true, problems: [] });
    expect(await heard(page, 'readiness', 'ready')).toHaveLength(2);
    const bad = await page.evaluate(() => (document.getElementById('readiness') as PodSimElement).load('kind: Nonsense\n'));
    expect(bad.ok).toBe(false);
    expect((await heard(page, 'readiness', 'error'))[0]).toMatchObject({ problems: bad.problems });

    // the liveness embed heard none of the readiness embed's events
    expect((await heard(page, 'liveness', 'event')).every((e) => !(e as { object: string }).object.includes('web'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('stops the clock of an embed scrolled out of view, and starts the poster when it scrolls in', async () => {
    const { page, errors, requests } = await open('/examples/probes-article.html', { width: 1100, height: 700 });
    const liveness = sim(page, 'liveness');
    await liveness.ready();
    // the poster is far below: only its placeholder so far
    expect(await page.locator('#startup .ph').count()).toBe(1);
    expect(await page.evaluate(() => (document.getElementById('startup') as PodSimElement).duration)).toBe(0);
    await page.locator('#liveness').scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const el = document.getElementById('liveness') as PodSimElement;
      el.setAttribute('speed', '8');
      el.play();
    });
    await expect.poll(liveness.time).toBeGreaterThan(21);
    // out of view: the loop stops, time stands still, it is still "playing"
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const t0 = await liveness.time();
    await page.waitForTimeout(800);
    expect(await liveness.time()).toBe(t0);
    expect(await liveness.playing()).toBe(true);
    // back in view: it goes on from where it stood, without a jump
    await page.locator('#liveness').scrollIntoViewIfNeeded();
    await expect.poll(liveness.time).toBeGreaterThan(t0);
    expect((await liveness.time()) - t0).toBeLessThan(8 * 2);
    await page.evaluate(() => (document.getElementById('liveness') as PodSimElement).pause());
    // the poster starts when scrolled into view, and autoplays
    await page.locator('#startup').scrollIntoViewIfNeeded();
    await page.evaluate(() => (document.getElementById('startup') as PodSimElement).ready);
    await expect.poll(() => page.evaluate(() => (document.getElementById('startup') as PodSimElement).time)).toBeGreaterThan(0);
    expect(requests.filter((p) => p.endsWith('startup-probe.yaml'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 40_000);
});

describe('a poster', () => {
  it('downloads under 20 kB gzip and nothing heavy until clicked, then loads and plays', async () => {
    const { page, errors, requests } = await open('/poster.html', { width: 900, height: 500 });
    await page.locator('#poster .ph-title').filter({ hasText: 'A startup probe protects a slow legacy app' }).waitFor();
    await page.waitForTimeout(400);
    const before = requests.filter((p) => p !== '/poster.html');
    expect(before.sort()).toEqual(['/embed/pod-sim.js', '/examples/scenarios/startup-probe.yaml']);
    const gz = before.reduce((n, p) => n + gzipSync(readFileSync(join(out, p))).length, 0);
    expect(gz).toBeLessThan(POSTER_BUDGET_GZIP);
    await page.screenshot({ path: join(ARTIFACTS, 'embed-poster.png') });
    await page.locator('#poster').getByRole('button', { name: /^Load the simulator: A startup probe/ }).click();
    await page.evaluate(() => (document.getElementById('poster') as PodSimElement).ready);
    await expect.poll(() => page.evaluate(() => (document.getElementById('poster') as PodSimElement).time)).toBeGreaterThan(1);
    expect(requests.some((p) => /^\/embed\/chunks\/embedded-simulator-.*\.js$/.test(p))).toBe(true);
    // the canvas chunk follows, and draws
    await expect.poll(() => page.locator('#poster canvas').count(), { timeout: 10_000 }).toBe(1);
    // the scenario was fetched once, for the title and the simulator both
    expect(requests.filter((p) => p.endsWith('startup-probe.yaml'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);
});

describe('lang and theme', () => {
  it('shows the Japanese UI for lang="ja", and follows lang and theme changes', async () => {
    const { page, errors } = await open('/lang.html', { width: 1100, height: 700 });
    await sim(page, 'ja').ready();
    const app = page.locator('#ja .ps-app');
    expect(await app.getAttribute('lang')).toBe('ja');
    expect(await page.locator('#ja .ps-embed-root').getAttribute('data-theme')).toBe('light');
    await expect.poll(() => page.locator('#ja').getByRole('tab', { name: '概要' }).count()).toBe(1);
    expect(await page.locator('#ja').getByRole('button', { name: /^再生/ }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'embed-ja.png') });
    await page.evaluate(() => {
      const el = document.getElementById('ja')!;
      el.setAttribute('lang', 'en');
      el.setAttribute('theme', 'dark');
      el.setAttribute('controls', 'canvas console');
    });
    await expect.poll(() => app.getAttribute('lang')).toBe('en');
    expect(await page.locator('#ja').getByRole('button', { name: /^Play/ }).count()).toBe(1);
    expect(await page.locator('#ja .ps-embed-root').getAttribute('data-theme')).toBe('dark');
    // controls: the side panels and the header went away, the console stayed
    expect(await page.locator('#ja .ps-side').count()).toBe(0);
    expect(await page.locator('#ja .ps-header').count()).toBe(0);
    expect(await page.locator('#ja .ps-console').count()).toBe(1);
    // keys reach the embed that has focus: Space on its canvas plays it
    await page.locator('#ja .ps-canvas').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Space');
    await expect.poll(() => sim(page, 'ja').playing()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);
});
