/**
 * Light and dark themes in the built site: `?theme=` (mount's `theme`, `data-theme` on the
 * mounted element) switches the page's colours and the canvas palette, at load and at run
 * time; `auto` follows prefers-color-scheme; axe finds no serious or critical violations
 * (colour contrast included) in the light theme. Screenshots go to test-results/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startSite, openPage, closePages, shot, type Site } from './site-harness';

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterEach(async () => {
  await closePages();
});

afterAll(async () => {
  await site?.close();
});

function open(query: string, colorScheme: 'light' | 'dark'): Promise<{ page: Page; errors: string[] }> {
  return openPage(site, query, { width: 1400, height: 900 }, { colorScheme, ready: false });
}

/** the colour the screen shows near the canvas's bottom-left corner (the canvas background) */
async function canvasCorner(page: Page): Promise<number[]> {
  await page.waitForTimeout(300);
  const box = (await page.locator('.ps-canvas canvas').boundingBox())!;
  const png = await page.screenshot({ clip: { x: box.x + 4, y: box.y + box.height - 6, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data].slice(0, 3);
  }, png.toString('base64'));
}

const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.querySelector('.podsim')!).backgroundColor);
const canvasTheme = (page: Page) => page.evaluate(() => window.podsim.stats().renderer?.theme);
const isLight = (rgb: number[]) => rgb.every((v) => v > 220);
const isDark = (rgb: number[]) => rgb.every((v) => v < 40);

describe('themes', () => {
  it('?theme=light draws the page and the canvas light, and axe finds no contrast problems', async () => {
    const { page, errors } = await open('?theme=light&scenario=readiness-moves-traffic.yaml', 'dark');
    expect(await page.evaluate(() => document.querySelector('.podsim')!.getAttribute('data-theme'))).toBe('light');
    expect(await pageBackground(page)).toBe('rgb(255, 255, 255)');
    expect(await canvasTheme(page)).toBe('light');
    await page.evaluate(() => window.podsim.seek(50));
    expect(isLight(await canvasCorner(page))).toBe(true);
    const serious = async (view: string) => {
      const r = await new AxeBuilder({ page }).analyze();
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${view}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    };
    const found: string[] = [];
    found.push(...(await serious('about')));
    await shot(page, 'theme-light');
    await page.evaluate(() => window.podsim.run('kubectl get pods'));
    await page.evaluate(() => window.podsim.run('kubectl get nosuchkind'));
    await page.evaluate(() => window.podsim.select('web-2'));
    await page.getByRole('tab', { name: 'Inspector' }).click();
    found.push(...(await serious('inspector')));
    await shot(page, 'theme-light-inspector');
    await page.getByRole('tab', { name: 'Events' }).click();
    found.push(...(await serious('events')));
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.locator('.cm-content').waitFor();
    found.push(...(await serious('yaml')));
    await shot(page, 'theme-light-yaml');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('switches at run time: the canvas redraws every pod with the other palette', async () => {
    const { page, errors } = await open('?scenario=readiness-moves-traffic.yaml', 'dark');
    await page.evaluate(() => window.podsim.seek(50));
    expect(await canvasTheme(page)).toBe('dark');
    expect(isDark(await canvasCorner(page))).toBe(true);
    await shot(page, 'theme-dark');
    // zoomed out by the learner: the corner stays canvas background
    await page.locator('.ps-zoom button').nth(1).click();
    const before = await page.evaluate(() => window.podsim.stats().renderer?.cards);
    await page.evaluate(() => window.podsim.setTheme('light'));
    await page.waitForFunction(() => window.podsim.stats().renderer?.theme === 'light');
    expect(isLight(await canvasCorner(page))).toBe(true);
    expect(await pageBackground(page)).toBe('rgb(255, 255, 255)');
    // every pod drawn again, none lost
    expect(await page.evaluate(() => window.podsim.stats().renderer?.cards)).toBe(before);
    await shot(page, 'theme-switched-light');
    // auto in a browser that prefers dark: dark again
    await page.evaluate(() => window.podsim.setTheme('auto'));
    await page.waitForFunction(() => window.podsim.stats().renderer?.theme === 'dark');
    expect(isDark(await canvasCorner(page))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('?theme=auto follows prefers-color-scheme, also when it changes', async () => {
    const { page, errors } = await open('?theme=auto', 'light');
    expect(await canvasTheme(page)).toBe('light');
    expect(await pageBackground(page)).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => window.podsim.stats().renderer?.theme === 'dark');
    expect(await pageBackground(page)).toBe('rgb(13, 17, 23)');
    expect(errors).toEqual([]);
  });
});
