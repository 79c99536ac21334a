/**
 * The Japanese UI in Debian's chromium (fonts-noto-cjk installed): `?lang=ja` shows
 * Japanese tabs, transport and the scenario's Japanese title and description while
 * `kubectl get pods` stays English; the Japanese glyphs really render (not tofu); the
 * header's switch changes the language at runtime without a reload; a ja-JP browser
 * gets Japanese without asking. Screenshots go to test-results/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, openPage, closePages, shot, type Site } from './site-harness';

const DEFAULT = 'readiness-moves-traffic.yaml';
const TITLE_JA = 'はじめに: Readiness プローブが不調な Pod からトラフィックを外す';
const TITLE_EN = 'Start here: a readiness probe moves traffic away from a sick pod';

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

/**
 * Whether each character draws a different picture in the element's font: with no
 * font for a script the browser draws the same empty box (tofu) for every character.
 */
async function distinctGlyphs(page: Page, selector: string, chars: string): Promise<{ distinct: number; blank: number }> {
  return page.evaluate(
    ({ selector, chars }) => {
      const el = document.querySelector(selector)!;
      const font = getComputedStyle(el).font;
      const c = document.createElement('canvas');
      c.width = c.height = 40;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      const seen = new Set<string>();
      let blank = 0;
      for (const ch of chars) {
        g.clearRect(0, 0, 40, 40);
        g.font = font.replace(/\d+(\.\d+)?px/, '28px');
        g.fillStyle = '#000';
        g.textBaseline = 'top';
        g.fillText(ch, 2, 2);
        const data = g.getImageData(0, 0, 40, 40).data;
        let ink = 0;
        let hash = 0;
        for (let i = 3; i < data.length; i += 4) {
          if (data[i] > 0) ink++;
          hash = (hash * 31 + data[i]) | 0;
        }
        if (ink === 0) blank++;
        seen.add(String(hash));
      }
      return { distinct: seen.size, blank };
    },
    { selector, chars },
  );
}

describe('the Japanese UI', () => {
  it('?lang=ja: Japanese labels and scenario text, kubectl output in English, glyphs that render', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}&lang=ja`);
    expect(await page.locator('.ps-app').getAttribute('lang')).toBe('ja');
    // tabs and transport
    for (const name of ['概要', 'インスペクター', 'イベント', 'YAML']) await expect.poll(() => page.getByRole('tab', { name, exact: true }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'About' }).count()).toBe(0);
    const play = page.getByRole('button', { name: '再生 (Space)' });
    expect(await play.textContent()).toBe('再生');
    expect(await page.getByRole('button', { name: '前のイベントに戻る (←キー)' }).count()).toBe(1);
    expect(await page.getByRole('slider', { name: 'タイムライン' }).getAttribute('aria-valuetext')).toBe('0:00.0（全体 2:00.0）');
    // the scenario's Japanese title and description; the picker lists it in Japanese too
    expect(await page.locator('.ps-description h2').textContent()).toBe(TITLE_JA);
    expect(await page.locator('.ps-md').textContent()).toContain('約 30 秒後、web-2 は /ready に 503 を返し始めます。');
    const picker = page.getByRole('combobox', { name: 'シナリオ' });
    expect(await picker.inputValue()).toBe(DEFAULT);
    expect(await picker.locator(`option[value="${DEFAULT}"]`).textContent()).toBe(TITLE_JA);
    expect(await page.locator('.ps-stage').getAttribute('aria-label')).toBe(`クラスター: ${TITLE_JA}`);
    expect(await page.locator('.ps-out-info').first().textContent()).toContain(`${DEFAULT} を読み込みました: ${TITLE_JA}。`);
    // Japanese glyphs render: every character a picture of its own, none blank
    expect(await distinctGlyphs(page, '.ps-tab', '概要再生一時停止読込')).toEqual({ distinct: 10, blank: 0 });
    // the live region speaks Japanese as the cluster changes (a forward seek runs the time between)
    await page.evaluate(() => window.podsim.seek(20));
    await expect.poll(() => page.locator('[data-podsim-live]').textContent()).not.toBe('');
    await page.evaluate(() => window.podsim.seek(45));
    await expect.poll(() => page.locator('[data-podsim-live]').textContent()).toContain('Pod web-2: readinessプローブが 3/3 回失敗、Ready でなくなりました 0/1');
    // the console: kubectl's output exactly as kubectl prints it
    await page.evaluate(() => window.podsim.seek(47.5));
    const input = page.getByRole('textbox', { name: /^コマンド/ });
    await input.fill('kubectl get pods');
    await input.press('Enter');
    await expect.poll(() => page.locator('.ps-out-stdout').last().textContent()).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-1\s+1\/1\s+Running\s+0\s+\S+\nweb-2\s+0\/1\s+Running/);
    // the canvas draws its own words in Japanese (stats().renderer.texts: every label it shows), Kubernetes' in English
    expect(await page.evaluate(() => window.podsim.stats().renderer?.lang)).toBe('ja');
    const drawn = await page.evaluate(() => window.podsim.stats().renderer!.texts);
    expect(drawn).toContain('フェーズ Running');
    expect(drawn.filter((t) => /^Ready 2\/3\n成功 \d+  失敗 \d+$/.test(t))).toHaveLength(1);
    expect(drawn.filter((t) => /\b(phase|ready|clients|idle)\b/.test(t))).toEqual([]);
    await shot(page, 'i18n-ja');
    // the inspector: Japanese around Kubernetes' words
    await page.evaluate(() => window.podsim.select('web-2'));
    await page.getByRole('tab', { name: 'インスペクター' }).click();
    const probe = page.locator('.ps-probe').first();
    await expect.poll(() => probe.locator('h4').textContent()).toBe('Readinessプローブ: ✗ Failure');
    expect(await probe.textContent()).toMatch(/直近: Failure、3\/3 回連続で失敗（\d:\d\d\.\d）。次回は \d:\d\d\.\d/);
    expect(await page.locator('fieldset', { hasText: 'readinessプローブの結果を強制' }).getByLabel('失敗').count()).toBe(1);
    await shot(page, 'i18n-ja-inspector');
    expect(errors).toEqual([]);
  });

  it('switches language at runtime from the header, without a reload', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}&lang=ja`);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.evaluate(() => window.podsim.seek(30));
    const sw = page.getByRole('combobox', { name: '言語' });
    expect(await sw.inputValue()).toBe('ja');
    await sw.selectOption('en');
    await expect.poll(() => page.getByRole('tab', { name: 'About', exact: true }).count()).toBe(1);
    expect(await page.locator('.ps-app').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Play (Space)' }).textContent()).toBe('Play');
    expect(await page.locator('.ps-description h2').textContent()).toBe(TITLE_EN);
    // the canvas redraws its words in English
    await expect.poll(() => page.evaluate(() => window.podsim.stats().renderer?.lang)).toBe('en');
    expect(await page.evaluate(() => window.podsim.stats().renderer!.texts)).toContain('phase Running');
    expect(await page.locator('.ps-md').textContent()).toContain('About 30 seconds in, web-2 starts answering /ready with 503.');
    expect(await page.getByRole('combobox', { name: 'Scenario', exact: true }).locator(`option[value="${DEFAULT}"]`).textContent()).toBe(TITLE_EN);
    // nothing was reloaded: the page, the time and the language switch's own label are as they were
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.evaluate(() => window.podsim.time())).toBe(30);
    const back = page.getByRole('combobox', { name: 'Language' });
    await back.selectOption('ja');
    await expect.poll(() => page.getByRole('tab', { name: '概要' }).count()).toBe(1);
    expect(await page.locator('.ps-description h2').textContent()).toBe(TITLE_JA);
    expect(errors).toEqual([]);
  });

  it('a ja-JP browser gets the Japanese UI without ?lang', async () => {
    const ctx = await site.browser.newContext({ locale: 'ja-JP', viewport: { width: 1200, height: 800 } });
    try {
      const page = await ctx.newPage();
      await page.goto(`${site.url}/?scenario=${DEFAULT}`);
      await page.waitForFunction(() => !!window.podsim);
      await expect.poll(() => page.getByRole('tab', { name: '概要' }).count()).toBe(1);
      expect(await page.locator('.ps-description h2').textContent()).toBe(TITLE_JA);
    } finally {
      await ctx.close();
    }
  });
});
