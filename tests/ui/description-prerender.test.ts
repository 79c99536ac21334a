import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTMLStrict as realDecode } from 'entities';
import { bundledDescriptionHtml, bundledText, describeBundled, loadBundled, type BundledScenario } from '../../src/ui/bundled-scenarios';
import { bundledFile, bundledScenarioMeta } from '../../src/ui/bundled-scenarios-plugin';
import { renderDescription, renderMarkdown } from '../../src/ui/markdown/render-markdown';
import { loadRenderMarkdown, loadedRenderMarkdown } from '../../src/ui/markdown/markdown-on-demand';
import { decodeHTMLStrict as liteDecode } from '../../src/ui/entities-lite';
import { loadScenario } from '../../src/scenario/load-scenario';
import { LANGS, localized } from '../../src/ui/i18n/i18n';
import { PodsimController } from '../../src/ui/podsim-controller';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');
const DEFAULT = 'readiness-moves-traffic.yaml';

/** what the page renders for a text when nothing was rendered beforehand */
function runtimeHtml(yaml: string, file: string, lang: (typeof LANGS)[number]): string {
  const r = loadScenario(yaml, file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return renderMarkdown(localized(r.scenario.description, lang));
}

describe('descriptions rendered at build time', () => {
  it('are, for every bundled scenario and UI language, what the page would render from the loaded text', () => {
    expect(FILES.length).toBeGreaterThan(10);
    let bilingual = 0;
    for (const f of FILES) {
      const built = bundledFile(text(f));
      expect(built.text, f).toBe(text(f));
      expect(built.descriptionHtml, f).toBeDefined();
      for (const lang of LANGS) expect(localized(built.descriptionHtml, lang), `${f} ${lang}`).toBe(runtimeHtml(text(f), f, lang));
      const d = (loadScenario(text(f), f) as { ok: true; scenario: { description?: string | Record<string, string> } }).scenario.description;
      if (d && typeof d === 'object') {
        // every language the file has, not only the UI's (the keys localized picks among)
        expect(Object.keys(built.descriptionHtml as Record<string, string>), f).toEqual(Object.keys(d));
        for (const [lang, md] of Object.entries(d)) expect((built.descriptionHtml as Record<string, string>)[lang], `${f} ${lang}`).toBe(renderMarkdown(md));
        if (d.ja && d.en) bilingual++;
      }
    }
    expect(bilingual).toBeGreaterThan(0);
  });

  it("keep the default scenario's formatting (bold, code, a list) and its links opening beside the simulator", () => {
    const html = bundledFile(text(DEFAULT)).descriptionHtml as Record<string, string>;
    for (const lang of ['en', 'ja']) {
      expect(html[lang]).toContain('<strong>');
      expect(html[lang]).toContain('<code>sim probe web-3 readiness fail</code>');
      expect(html[lang]).toMatch(/<ul>\s*<li>/);
    }
    expect(renderMarkdown('see https://kubernetes.io/docs')).toBe('<p>see <a href="https://kubernetes.io/docs" target="_blank" rel="noopener noreferrer">https://kubernetes.io/docs</a></p>\n');
  });

  it('render a description in one language, an absent one and a map the same way as the page', () => {
    expect(renderDescription(undefined)).toBe('');
    expect(renderDescription('**a**')).toBe('<p><strong>a</strong></p>\n');
    expect(renderDescription({ en: '*e*', de: '`d`' })).toEqual({ en: '<p><em>e</em></p>\n', de: '<p><code>d</code></p>\n' });
    // the fallback of a missing UI language picks the same text as the page would
    const yaml = text(DEFAULT).replace(/^ {4}ja: \|\n(?: {6}.*\n|\n)*/m, '');
    expect(yaml).not.toContain('約 30 秒後');
    expect(localized(bundledFile(yaml).descriptionHtml, 'ja')).toBe(runtimeHtml(yaml, DEFAULT, 'ja'));
    expect(localized(bundledFile(yaml).descriptionHtml, 'ja')).toContain('About 30 seconds in');
  });

  it('leave a description that is not text to the page (no HTML travels with it)', () => {
    expect(bundledFile('kind: Scenario\nmetadata:\n  name: x\n  description: [a, b]\n')).toEqual({ text: 'kind: Scenario\nmetadata:\n  name: x\n  description: [a, b]\n' });
    expect(bundledFile('kind: Scenario\nmetadata:\n  name: x\n  description: {en: 1}\n').descriptionHtml).toBeUndefined();
  });

  it('decode every character reference in the bundled descriptions as the page does (its entities-lite)', () => {
    // the build renders in Node with the `entities` package, the page with src/ui/entities-lite.ts
    for (const f of FILES) {
      const d = (loadScenario(text(f), f) as { ok: true; scenario: { description?: string | Record<string, string> } }).scenario.description;
      const all = typeof d === 'string' ? [d] : Object.values(d ?? {});
      for (const ref of all.join('\n').match(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g) ?? []) expect(liteDecode(ref), `${f} ${ref}`).toBe(realDecode(ref));
    }
  });

  it('show markup of the xss fixture as text, as the page does', () => {
    const xss = readFileSync(join(ROOT, 'tests/fixtures/xss-scenario.yaml'), 'utf8');
    const html = bundledFile(xss).descriptionHtml as string;
    expect(html).toBe(runtimeHtml(xss, 'xss-scenario.yaml', 'en'));
    expect(html).not.toMatch(/<(script|img|iframe|svg|b)[\s>]/);
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://example.com/%22onmouseover=%22window.__xss=1']);
  });

  it('travel in a ?podsim-scenario module of their own (with the model the loader makes), and not in the picker list', async () => {
    const load = bundledScenarioMeta().load as (this: { addWatchFile(f: string): void }, id: string) => Promise<string | null>;
    const ctx = { addWatchFile: () => {} };
    const file = join(DIR, DEFAULT);
    const code = (await load.call(ctx, `${file}?podsim-scenario`))!;
    expect(code).toMatch(/^export default \{/);
    const loaded = loadScenario(text(DEFAULT), DEFAULT);
    if (!loaded.ok) throw new Error('the default scenario does not load');
    expect(JSON.parse(code.replace(/^export default /, '').replace(/;\s*$/, ''))).toStrictEqual({ ...bundledFile(text(DEFAULT)), scenario: loaded.scenario });
    expect(await load.call(ctx, `${file}?podsim-meta`)).not.toContain('<strong>');
  });
});

describe('which description the page renders itself', () => {
  const fetched = (f: string): BundledScenario => ({ ...describeBundled(f, text(f)), fetchFile: async () => bundledFile(text(f)) });

  it('takes the built HTML for an unedited bundled text, once its file has come', async () => {
    const b = fetched('liveness-restart.yaml');
    expect(bundledDescriptionHtml([b], text('liveness-restart.yaml'), 'en')).toBeUndefined();
    expect(await bundledText(b)).toBe(text('liveness-restart.yaml'));
    for (const lang of LANGS) expect(bundledDescriptionHtml([b], text('liveness-restart.yaml'), lang)).toBe(runtimeHtml(text('liveness-restart.yaml'), 'liveness-restart.yaml', lang));
  });

  it('renders an edited text, a pasted one and one whose bundled file came without HTML itself', async () => {
    const ctl = new PodsimController();
    const b = fetched(DEFAULT);
    const list = [b, { ...describeBundled('startup-probe.yaml', text('startup-probe.yaml')), text: text('startup-probe.yaml') }];
    expect((await loadBundled(ctl, b)).ok).toBe(true);
    expect(bundledDescriptionHtml(list, ctl.source[0]().text, 'en')).toContain('<strong>readiness probe</strong>');
    // edited in the editor: one word of the description changed
    const edited = text(DEFAULT).replace('Three pods labelled', 'Three pods **labelled**');
    expect(ctl.load(edited, DEFAULT).ok).toBe(true);
    expect(bundledDescriptionHtml(list, ctl.source[0]().text, 'en')).toBeUndefined();
    expect(ctl.load(text(DEFAULT) + '\n# a comment\n', 'pasted.yaml').ok).toBe(true);
    expect(bundledDescriptionHtml(list, ctl.source[0]().text, 'en')).toBeUndefined();
    expect(bundledDescriptionHtml(list, text('startup-probe.yaml'), 'en')).toBeUndefined();
    // the same text under another name (a URL, a share link) is the same description
    expect(ctl.load(text(DEFAULT), 'copy.yaml').ok).toBe(true);
    expect(bundledDescriptionHtml(list, ctl.source[0]().text, 'ja')).toBe(runtimeHtml(text(DEFAULT), DEFAULT, 'ja'));
    ctl.destroy();
    // what the page renders instead: the on-demand renderer, the same setup
    expect(loadedRenderMarkdown()).toBeUndefined();
    const render = await loadRenderMarkdown();
    expect(loadedRenderMarkdown()).toBe(render);
    expect(await loadRenderMarkdown()).toBe(render);
    expect(render(localized((loadScenario(edited, DEFAULT) as { ok: true; scenario: { description?: Record<string, string> } }).scenario.description, 'en'))).toContain('Three pods <strong>labelled</strong>');
  });
});
