/**
 * The iframe page, share links and safety, in Debian's chromium:
 * - embed.html in a page of another origin (public/examples/iframe-host.html) posts
 *   `ready` and Kubernetes `event`s to it, takes its commands and replies; a frame told
 *   another origin, and a message from anywhere but the parent, are ignored;
 * - bad parameters show a message in the frame, never a blank page;
 * - a share link (made in the Share dialog, copied) opened in a fresh browser context
 *   shows the same time, `kubectl get pods`, console and history, in index.html and
 *   embed.html;
 * - tests/fixtures/xss-scenario.yaml (markup and script in every string) shows as text
 *   and runs nothing: by ?scenario=, by share link, and in the iframe;
 * - embed.html and the host page, served with a strict Content-Security-Policy, cause
 *   no violation and no console error.
 * Screenshots: test-results/embed-iframe-host.png, embed-iframe-bad-params.png, share-dialog.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { serveStatic } from './serve-static.mjs';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT, builtSite } from './site-harness';
import { encodeShare } from '../../src/ui/share/share-link';

const XSS = readFileSync(join(ROOT, 'tests/fixtures/xss-scenario.yaml'), 'utf8');
const DEFAULT = 'readiness-moves-traffic.yaml';
const PAYLOAD = '<img src=x onerror=window.__xss=1>';

/** what embed.html and its host need, and nothing more (README: "Content-Security-Policy") */
function strictCsp(port: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    `frame-src http://127.0.0.1:${port}`,
    `frame-ancestors 'self' http://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

let out: string;
let browser: Browser;
let plain: { url: string; close(): Promise<void> };
let strict: { url: string; close(): Promise<void> };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  out = await builtSite();
  const extra = { '/remote/xss-scenario.yaml': XSS };
  plain = await serveStatic(out, extra);
  let port = '';
  strict = await serveStatic(out, extra, () => ({ 'content-security-policy': strictCsp(port) }));
  port = new URL(strict.url).port;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await plain?.close();
  await strict?.close();
});

interface Opened {
  page: Page;
  ctx: BrowserContext;
  /** console errors and uncaught errors, every frame */
  errors: string[];
  /** every script fetched, every frame */
  scripts: string[];
}

/** a fresh context; every frame records CSP violations in window.__csp and whether anything set window.__xss */
async function open(url: string, opts: { clipboard?: boolean; expect404?: boolean } = {}): Promise<Opened> {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 820 }, reducedMotion: 'reduce' });
  contexts.push(ctx);
  if (opts.clipboard) await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  // say which address a "Failed to load resource" was (expected 404s are asserted where they happen)
  page.on('response', (r) => {
    if (r.status() >= 400 && !opts.expect404) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  return { page, ctx, errors, scripts };
}

async function loaded(f: Page | Frame): Promise<void> {
  await f.waitForFunction(() => !!window.podsim && window.podsim.duration() > 0, undefined, { timeout: 20_000 });
  // kubectl's printers come on demand: scripts wait for them before running kubectl
  await f.evaluate(() => window.podsim.ready());
}

/** CSP violations and the XSS flag, over every frame of the page */
async function safety(page: Page): Promise<{ csp: string[]; xss: unknown[] }> {
  const csp: string[] = [];
  const xss: unknown[] = [];
  for (const f of page.frames()) {
    const r = await f.evaluate(() => ({ csp: (window as unknown as { __csp?: string[] }).__csp ?? [], xss: (window as unknown as { __xss?: unknown }).__xss })).catch(() => ({ csp: [], xss: undefined }));
    csp.push(...r.csp);
    if (r.xss !== undefined) xss.push(r.xss);
  }
  return { csp, xss };
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const f = await (await page.waitForSelector(`#${id}`)).contentFrame();
  if (!f) throw new Error(`no frame #${id}`);
  return f;
}

describe('embed.html in a page of another origin', () => {
  it('posts ready and Kubernetes events to the parent, takes its commands, ignores everyone else', async () => {
    const port = new URL(strict.url).port;
    const { page, errors } = await open(`http://localhost:${port}/examples/iframe-host.html?embed-base=http://127.0.0.1:${port}/`);
    const good = await frameOf(page, 'good');
    const wrong = await frameOf(page, 'wrong');
    await loaded(good);
    await loaded(wrong);
    await page.waitForFunction(() => window.podsimMessages.some((m) => m.frame === 'good' && m.type === 'event'));

    // one simulator per frame (the site's own page, main.tsx, must not run in embed.html too)
    expect(await good.evaluate(() => document.querySelectorAll('.ps-app').length)).toBe(1);
    const messages = await page.evaluate(() => window.podsimMessages);
    expect(messages.filter((m) => m.frame === 'good' && m.type === 'ready')).toHaveLength(1);
    expect(messages.find((m) => m.type === 'ready')).toMatchObject({ frame: 'good', detail: { file: DEFAULT, name: 'readiness-moves-traffic', duration: 120 } });
    expect(messages.find((m) => m.type === 'event')?.detail).toMatchObject({ type: 'event', object: 'pod/web-1', reason: 'Scheduled', eventType: 'Normal' });

    const seek = await page.evaluate(() => window.podsimCommand('good', 'seek', ['1m']));
    expect(seek).toMatchObject({ type: 'reply', ok: true, result: { t: 60, duration: 120, playing: false } });
    expect(await good.evaluate(() => window.podsim.time())).toBe(60);
    const run = await page.evaluate(() => window.podsimCommand('good', 'run', ['kubectl get pods']));
    expect(run.ok).toBe(true);
    expect((run.result as { stdout: string }).stdout).toMatch(/^NAME\s+READY\s+STATUS[\s\S]*^web-2\s+0\/1\s+Running/m);
    expect(await page.evaluate(() => window.podsimCommand('good', 'frobnicate'))).toMatchObject({ ok: false, error: expect.stringMatching(/^unknown method "frobnicate"/) });
    expect(await page.evaluate(() => window.podsimCommand('good', 'seek', ['soon']))).toMatchObject({ ok: false, error: expect.stringMatching(/^seek takes a time/) });
    // the readiness failure at ~40 s came in as an event while seeking
    await page.waitForFunction(() => window.podsimMessages.some((m) => m.type === 'event' && (m.detail as { reason?: string }).reason === 'Unhealthy'));

    // a frame told to trust another origin: tells this page nothing, obeys nothing
    expect(await page.evaluate(() => window.podsimCommand('wrong', 'seek', [30], 1500))).toEqual({ ok: false, error: 'no reply' });
    expect(await wrong.evaluate(() => window.podsim.time())).toBe(0);
    expect((await page.evaluate(() => window.podsimMessages)).filter((m) => m.frame === 'wrong')).toEqual([]);
    // a message from the frame's own origin that is not its parent: ignored
    await good.evaluate(() => window.postMessage({ source: 'podsim', method: 'seek', args: [10], id: 'self' }, '*'));
    await page.waitForTimeout(300);
    expect(await good.evaluate(() => window.podsim.time())).toBe(60);

    await page.screenshot({ path: join(ARTIFACTS, 'embed-iframe-host.png'), fullPage: false });
    expect(await safety(page)).toEqual({ csp: [], xss: [] });
    expect(errors).toEqual([]);
  });

  it('shows a bundled scenario\'s description as rendered at build time, without fetching the Markdown renderer', async () => {
    const { page, errors, scripts } = await open(`${plain.url}/embed.html?scenario=${DEFAULT}&controls=canvas,panels`);
    await loaded(page);
    await page.waitForSelector('.ps-md:not([data-pending]) code');
    expect(await page.locator('.ps-md strong').count()).toBeGreaterThan(0);
    expect(scripts.some((u) => /readiness-moves-traffic/.test(u))).toBe(true);
    expect(scripts.filter((u) => /render-markdown/.test(u))).toEqual([]);
    // a text that is not a bundled file's does need it
    await page.evaluate(() => window.podsim.load('apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {name: md, description: "**bold** and `code`"}\nspec: {duration: 1m}\n', 'md.yaml'));
    await page.waitForFunction(() => document.querySelector('.ps-md:not([data-pending]) strong')?.textContent === 'bold');
    expect(scripts.filter((u) => /render-markdown/.test(u))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('bad parameters show what is wrong in the frame, never a blank page', async () => {
    const { page } = await open(`${plain.url}/embed.html?scenario=x.yaml&start=soon&speed=fast&controls=canvas,bogus&origin=nope`, { expect404: true });
    const box = page.locator('.ps-embed-message[role=alert]');
    await expect.poll(() => box.textContent()).toContain('start=soon: not a time');
    const text = await box.textContent();
    for (const s of ['speed=fast: not a speed', 'controls=canvas,bogus: unknown part "bogus"', 'origin=nope: not an origin']) expect(text).toContain(s);
    await page.screenshot({ path: join(ARTIFACTS, 'embed-iframe-bad-params.png') });

    await page.goto(`${plain.url}/embed.html?lang=ja`);
    await expect.poll(() => box.textContent()).toContain('シナリオが指定されていません');

    await page.goto(`${plain.url}/embed.html?scenario=/no-such.yaml`);
    await expect.poll(() => page.locator('.ps-problems').textContent(), { timeout: 10_000 }).toMatch(/no-such\.yaml:1:1: could not fetch \/no-such\.yaml: HTTP 404/);

    await page.goto(`${plain.url}/embed.html?scenario=${DEFAULT}&start=10m`);
    await expect.poll(() => page.locator('.ps-share-problem').textContent(), { timeout: 10_000 }).toContain('start=10m is after the end of the scenario (2m)');

    await page.goto(`${plain.url}/embed.html#share=garbage!`);
    await expect.poll(() => box.textContent()).toContain('This share link cannot be opened');
  });
});

describe('a share link', () => {
  it('made in the Share dialog reproduces the scenario, commands, time and console in a fresh browser', async () => {
    const { page, errors } = await open(`${plain.url}/?scenario=${DEFAULT}`, { clipboard: true });
    await loaded(page);
    // the learner edits the YAML (3 minutes, more traffic), then types commands, seeking back once
    const edited = readFileSync(join(ROOT, 'scenarios', DEFAULT), 'utf8').replace('duration: 2m', 'duration: 3m').replace('rps: 4', 'rps: 6');
    expect(await page.evaluate((t) => window.podsim.load(t, 'readiness-moves-traffic.yaml').ok, edited)).toBe(true);
    const input = page.getByRole('textbox', { name: /Command/ });
    const type = async (at: number, command: string) => {
      await page.evaluate((t) => window.podsim.seek(t), at);
      await input.fill(command);
      await input.press('Enter');
    };
    await type(10, 'sim probe web-3 readiness fail');
    await type(45, 'kubectl get pods');
    await type(30, 'kubectl delete pod web-1');
    await type(40, 'kubectl get endpoints web');
    await page.evaluate(() => {
      window.podsim.seek(50);
      window.podsim.setSpeed(4);
    });
    const consoleOf = (p: Page | Frame) => p.evaluate(() => [...document.querySelectorAll('.ps-console-out .ps-cmd')].map((e) => e.textContent));
    const before = await consoleOf(page);
    expect(before).toHaveLength(4);

    // the dialog: labelled, focus inside, Copy puts the link on the clipboard, Escape closes and gives focus back
    const opener = page.getByRole('button', { name: 'Share or embed this scenario' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Share and embed' });
    const linkBox = dialog.getByRole('textbox', { name: /^Share link/ });
    await expect.poll(() => linkBox.inputValue()).toMatch(/#share=[A-Za-z0-9_-]+$/);
    const link = await linkBox.inputValue();
    expect(link.startsWith(`${plain.url}/#share=`)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    expect(await dialog.getByRole('textbox', { name: /iframe/ }).inputValue()).toMatch(new RegExp(`^<iframe src="${plain.url}/embed\\.html#share=[A-Za-z0-9_-]+" title="[^"]+ \\(podsim\\)"`));
    expect(await dialog.getByRole('textbox', { name: /pod-sim/ }).inputValue()).toMatch(/^<script type="module" src="[^"]+\/embed\/pod-sim\.js"><\/script>\n<pod-sim controls="canvas console" start="50s" speed="4"><pre>\napiVersion: podsim\/v1alpha1/);
    await page.screenshot({ path: join(ARTIFACTS, 'share-dialog.png') });
    await dialog.getByRole('button', { name: /^Copy: Share link/ }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Share or embed this scenario');

    const pods = await page.evaluate(() => window.podsim.run('kubectl get pods').stdout);
    expect(pods).not.toMatch(/^web-1 /m);
    expect(pods).toMatch(/^web-3\s+0\/1/m);
    expect(errors).toEqual([]);

    // a fresh browser context: nothing shared but the link
    const fresh = await open(link);
    await loaded(fresh.page);
    expect(await fresh.page.evaluate(() => [window.podsim.time(), window.podsim.duration()])).toEqual([50, 180]);
    expect(await consoleOf(fresh.page)).toEqual(before);
    expect(await fresh.page.evaluate(() => window.podsim.run('kubectl get pods').stdout)).toBe(pods);
    const freshInput = fresh.page.getByRole('textbox', { name: /Command/ });
    await freshInput.focus();
    await freshInput.press('ArrowUp');
    await freshInput.press('ArrowUp');
    expect(await freshInput.inputValue()).toBe('kubectl get endpoints web');
    expect(fresh.errors).toEqual([]);

    // the same link in the iframe page, served under the strict CSP
    const framed = await open(`${strict.url}/embed.html${link.slice(link.indexOf('#'))}`);
    await loaded(framed.page);
    expect(await framed.page.evaluate(() => window.podsim.time())).toBe(50);
    expect(await framed.page.evaluate(() => window.podsim.run('kubectl get pods').stdout)).toBe(pods);
    expect(await safety(framed.page)).toEqual({ csp: [], xss: [] });
    expect(framed.errors).toEqual([]);
  });
});

describe('a scenario is data', () => {
  /** nowhere in the document did a scenario string become an element with a handler or a script */
  async function assertNoMarkup(f: Page | Frame): Promise<void> {
    const r = await f.evaluate(() => ({
      handlers: document.querySelectorAll('[onerror], [onload], [onmouseover], iframe[srcdoc]').length,
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    }));
    expect(r).toEqual({ handlers: 0, inlineScripts: 0 });
  }

  /** the About panel shows every payload of the title and description as text, and none became markup */
  async function assertInert(f: Page | Frame): Promise<void> {
    // a description not bundled is rendered once markdown-it arrives (shown as text meanwhile: data-pending)
    await f.waitForSelector('.ps-md:not([data-pending])');
    const r = await f.evaluate(() => ({
      title: document.querySelector('.ps-description .ps-h2')?.textContent ?? '',
      md: document.querySelector('.ps-md')?.textContent ?? '',
      goal: document.querySelector('.ps-check-title')?.textContent ?? '',
      mdElements: [...document.querySelectorAll('.ps-md img, .ps-md iframe, .ps-md svg, .ps-md script, .ps-md b')].map((e) => e.tagName),
      hrefs: [...document.querySelectorAll('.ps-md a')].map((a) => a.getAttribute('href')),
    }));
    expect(r.title).toBe('<img src=x onerror=window.__xss=1> <script>window.__xss=1</script> title');
    expect(r.goal).toBe(`${PAYLOAD} web is ready`);
    for (const s of ['<script>window.__xss=1</script>', PAYLOAD, '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>', '<svg onload=window.__xss=1>', '<b onmouseover=window.__xss=1>bold</b>', '[a javascript link](javascript:window.__xss=1)']) expect(r.md).toContain(s);
    expect(r.mdElements).toEqual([]);
    // javascript:, vbscript: and data: links stay text; what is a link is plain https with its quote escaped
    expect(r.hrefs).toEqual(['https://example.com/%22onmouseover=%22window.__xss=1']);
    await assertNoMarkup(f);
  }

  async function consoleText(f: Page | Frame, command: string): Promise<string> {
    return f.evaluate((c) => window.podsim.run(c).stdout, command);
  }

  it('shows markup from a ?scenario= URL, a share link and the iframe as text, and runs none of it', async () => {
    // 1. ?scenario=URL on the site (no CSP: a payload that ran would set window.__xss)
    const { page, errors } = await open(`${plain.url}/?scenario=/remote/xss-scenario.yaml`);
    await loaded(page);
    await page.evaluate(() => window.podsim.seek(30));
    await assertInert(page);
    expect(await consoleText(page, 'kubectl logs web -c shell')).toBe(`${PAYLOAD}\n<script>window.__xss=1</script>\n`);
    expect(await consoleText(page, 'kubectl logs web -c web --tail=2')).toContain(PAYLOAD);
    const describe = await consoleText(page, 'kubectl describe pod web');
    for (const s of [`note: ${PAYLOAD}<script>window.__xss=1</script>`, `GREETING:  ${PAYLOAD}`, `/tmp/${PAYLOAD}`]) expect(describe).toContain(s);
    expect(await consoleText(page, 'kubectl get cm html-data -o yaml')).toContain(`page.html: <script>window.__xss=1</script>${PAYLOAD}`);
    // the console shows the output as text
    await expect.poll(() => page.locator('.ps-console-out').textContent()).toContain(`page.html: <script>window.__xss=1</script>${PAYLOAD}`);
    await page.getByRole('tab', { name: 'Events' }).click();
    await expect.poll(() => page.locator('.ps-panel').textContent()).toContain(`cat: can't open '/tmp/${PAYLOAD}'`);
    await assertNoMarkup(page);
    expect(await safety(page)).toEqual({ csp: [], xss: [] });
    expect(errors).toEqual([]);

    // 2. the same through a share link, with a command that prints the payload
    const enc = await encodeShare({ file: 'xss-scenario.yaml', text: XSS, commands: [{ at: 8, run: 'kubectl logs web -c shell' }], t: 20, speed: 1 });
    if (!enc.ok) throw new Error(enc.message);
    const shared = await open(`${plain.url}/#share=${enc.fragment}`);
    await loaded(shared.page);
    await assertInert(shared.page);
    await expect.poll(() => shared.page.locator('.ps-console-out').textContent()).toContain(`$ kubectl logs web -c shell${PAYLOAD}`);
    expect(await safety(shared.page)).toEqual({ csp: [], xss: [] });
    expect(shared.errors).toEqual([]);

    // 3. in the iframe of a page of another origin, under the strict CSP: the page hears
    //    the payloads as data (it shows them with textContent), the frame shows them as text
    const port = new URL(strict.url).port;
    const framed = await open(`http://localhost:${port}/examples/iframe-host.html?embed-base=http://127.0.0.1:${port}/&scenario=/remote/xss-scenario.yaml`);
    const frame = await frameOf(framed.page, 'good');
    await loaded(frame);
    await framed.page.waitForFunction(() => window.podsimMessages.some((m) => m.type === 'check'));
    const messages = await framed.page.evaluate(() => window.podsimMessages);
    expect(messages.find((m) => m.type === 'ready')?.detail).toMatchObject({ title: '<img src=x onerror=window.__xss=1> <script>window.__xss=1</script> title' });
    expect(messages.find((m) => m.type === 'check')?.detail).toMatchObject({ name: 'web-ready', title: `${PAYLOAD} web is ready` });
    await framed.page.evaluate(() => window.podsimCommand('good', 'seek', [10]));
    await expect.poll(() => framed.page.locator('#log').textContent()).toContain(`cat: can't open '/tmp/${PAYLOAD}'`);
    expect(await framed.page.locator('#log img').count()).toBe(0);
    expect(await consoleText(frame, 'kubectl logs web -c shell')).toContain(PAYLOAD);
    await assertNoMarkup(frame);
    expect(await safety(framed.page)).toEqual({ csp: [], xss: [] });
    expect(framed.errors).toEqual([]);
  });
});

declare global {
  interface Window {
    podsimMessages: { frame: string; type: string; detail: unknown; id?: unknown; ok?: boolean; result?: unknown; error?: string }[];
    podsimCommand(frame: string, method: string, args?: unknown[], ms?: number): Promise<{ type?: string; ok: boolean; result?: unknown; error?: string }>;
  }
}
