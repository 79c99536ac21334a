/**
 * podsim's pixi renderers in the built site, after trimming them to the parts the scene
 * uses (src/render/webgl-renderer.ts, src/render/no-eval-pixi.ts): the WebGL renderer and,
 * where WebGL is missing, pixi's 2D-canvas renderer both start, draw the same scene (a
 * fixed moment of a scenario, motion reduced so nothing is mid-animation), and neither
 * logs an error or a pixi warning (a missing system or pipe would throw or warn on the
 * first render). Screenshots: test-results/renderer-webgl.png, renderer-canvas.png.
 * And the built pixi code (site and <pod-sim>) holds none of the dropped systems and pipes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, builtSite, startSite, type Site } from './site-harness';

let site: Site;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = await startSite();
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
});

afterAll(async () => {
  await site?.close();
});

interface Drawn {
  page: Page;
  renderer: string | undefined;
  /** the canvas's screenshot, base64 PNG */
  png: string;
  /** console errors, uncaught errors and pixi's warnings */
  problems: string[];
}

async function draw(opts: { noWebGL: boolean; name: string }): Promise<Drawn> {
  const ctx = await site.browser.newContext({ viewport: { width: 1300, height: 850 }, reducedMotion: 'reduce' });
  contexts.push(ctx);
  if (opts.noWebGL) {
    await ctx.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (get as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof get;
    });
  }
  const page: Page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && /pixi/i.test(m.text()))) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${site.url}/?scenario=readiness-moves-traffic.yaml&lang=en`);
  await page.waitForFunction(() => !!window.podsim);
  const ready = await page.evaluate(() => window.podsim.canvasReady());
  if (ready !== null) problems.push(`canvas: ${ready}`);
  // a moment with every pod drawn and serving, one readiness probe failing below its threshold;
  // labels drawn first at 0 s change text (the Service's "0/3 ready" becomes "3/3 ready")
  await page.evaluate(() => window.podsim.seek(40));
  await expect.poll(() => page.evaluate(() => !!window.podsim.stats().renderer?.texts.some((t) => t.startsWith('3/3 ready'))), { timeout: 10_000 }).toBe(true);
  await page.waitForTimeout(300);
  const png = await page.locator('.ps-canvas canvas').screenshot({ path: join(ARTIFACTS, `${opts.name}.png`) });
  return { page, renderer: await page.evaluate(() => window.podsim.stats().renderer?.renderer), png: png.toString('base64'), problems };
}

interface Compared {
  /** share of each image's pixels that differ from its background colour */
  inked: [number, number];
  /** distinct colours in each (quantised to 4 bits a channel) */
  colours: [number, number];
  /** share of pixels that differ strongly between the two (glyphs, shapes; antialiased edges differ less) */
  strongDiff: number;
}

function compare(page: Page, a: string, b: string): Promise<Compared> {
  return page.evaluate(async ([a64, b64]) => {
    const pixels = async (b64: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, c.width, c.height);
    };
    const dist = (d: Uint8ClampedArray, i: number, e: ArrayLike<number>, j: number) => Math.abs(d[i] - e[j]) + Math.abs(d[i + 1] - e[j + 1]) + Math.abs(d[i + 2] - e[j + 2]);
    const stats = (img: ImageData): [number, number] => {
      const d = img.data;
      // the background: the bottom-left pixel (the scene is framed away from the corners)
      const bg = Array.from(d.slice((img.height - 1) * img.width * 4, (img.height - 1) * img.width * 4 + 3));
      let inked = 0;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4) {
        if (dist(d, i, bg, 0) > 24) inked++;
        colours.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
      }
      return [inked / (d.length / 4), colours.size];
    };
    const [A, B] = [await pixels(a64), await pixels(b64)];
    if (A.width !== B.width || A.height !== B.height) throw new Error('screenshots of different sizes');
    let strong = 0;
    for (let i = 0; i < A.data.length; i += 4) if (dist(A.data, i, B.data, i) > 200) strong++;
    const [sa, sb] = [stats(A), stats(B)];
    return { inked: [sa[0], sb[0]], colours: [sa[1], sb[1]], strongDiff: strong / (A.width * A.height) };
  }, [a, b] as const);
}

describe('pixi renderers', () => {
  it('WebGL and the 2D-canvas fallback draw the same scene, without errors or pixi warnings', async () => {
    const gl = await draw({ noWebGL: false, name: 'renderer-webgl' });
    const canvas = await draw({ noWebGL: true, name: 'renderer-canvas' });
    expect(gl.renderer).toBe('webgl');
    expect(canvas.renderer).toBe('canvas');
    expect(gl.problems).toEqual([]);
    expect(canvas.problems).toEqual([]);
    const c = await compare(canvas.page, gl.png, canvas.png);
    // something is drawn: node regions, cards, labels, lines in several colours
    expect(c.inked[0]).toBeGreaterThan(0.05);
    expect(c.colours[0]).toBeGreaterThan(40);
    expect(c.colours[1]).toBeGreaterThan(40);
    // the same amount of it by both renderers (antialiasing differs, the scene does not)
    expect(c.inked[1] / c.inked[0]).toBeGreaterThan(0.8);
    expect(c.inked[1] / c.inked[0]).toBeLessThan(1.25);
    // and the same labels: ~0.08% of pixels differ strongly when both draw the same (edges
    // antialiased differently), ~0.3% when the 2D canvas kept the Service's label from 0 s
    expect(c.strongDiff).toBeLessThan(0.0015);
  });

  it('the built pixi chunks hold none of the systems and pipes the renderers leave out', async () => {
    const site = await builtSite();
    const files = (readdirSync(site, { recursive: true }) as string[]).filter((f) => /(^|[\\/])(pixi|cluster-renderer|canvas-renderer)-[\w-]+\.js$/.test(f));
    // the site's chunks and the <pod-sim> element's
    expect(files.length).toBeGreaterThanOrEqual(5);
    const code = files.map((f) => readFileSync(join(site, f), 'utf8')).join('\n');
    // every pixi system and pipe declares its name as `name: "…"` in its extension metadata
    const named = (name: string) => new RegExp(`name:\\s*["'\`]${name}["'\`]`).test(code);
    expect(named('textureGenerator')).toBe(true);
    expect(named('colorMask')).toBe(true);
    for (const dropped of ['extract', 'alphaMask', 'stencilMask', 'stencil', 'customRender', 'hello', 'textureGC', 'renderableGC', 'particle']) expect(named(dropped), dropped).toBe(false);
  });
});
