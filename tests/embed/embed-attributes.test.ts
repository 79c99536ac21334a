/**
 * The <pod-sim> attributes and the poster's cheap title reader, in node: the title
 * read without a YAML parser agrees with the real loader on every bundled scenario and
 * on the course page's; the course page's inline and src scenarios load.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultHeight, inlineYaml, parseControls, parseHeight, parsePoster, parseSpeed, parseTheme, parseTime } from '../../src/embed/embed-attributes';
import { scenarioTitle } from '../../src/embed/scenario-title';
import { loadScenario } from '../../src/scenario/load-scenario';
import { localized } from '../../src/ui/i18n/i18n';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = join(ROOT, 'public', 'examples');

describe('controls', () => {
  it('defaults to everything, and `all` means everything', () => {
    const all = { header: true, panels: true, editor: true, console: true };
    expect(parseControls(null).controls).toEqual(all);
    expect(parseControls('').controls).toEqual(all);
    expect(parseControls('canvas all').controls).toEqual(all);
  });
  it('shows only the parts listed (the canvas always)', () => {
    expect(parseControls('canvas').controls).toEqual({ header: false, panels: false, editor: false, console: false });
    expect(parseControls('canvas console').controls).toEqual({ header: false, panels: false, editor: false, console: true });
    expect(parseControls('Canvas, Console, Editor').controls).toEqual({ header: false, panels: false, editor: true, console: true });
    expect(parseControls('panels header').controls).toEqual({ header: true, panels: true, editor: false, console: false });
  });
  it('reports words it does not know', () => {
    expect(parseControls('canvas konsole').unknown).toEqual(['konsole']);
    expect(parseControls('canvas console').unknown).toEqual([]);
  });
  it('gives a picture alone less height than the whole simulator', () => {
    const h = (c: string) => parseInt(defaultHeight(parseControls(c).controls), 10);
    expect(h('canvas')).toBeLessThan(h('canvas console'));
    expect(h('canvas console')).toBeLessThan(h('all'));
  });
});

describe('times, speeds, heights, themes, posters', () => {
  it('reads durations as scenarios write them, bare seconds and clocks', () => {
    expect(parseTime('30s')).toBe(30);
    expect(parseTime('1m30s')).toBe(90);
    expect(parseTime('1h')).toBe(3600);
    expect(parseTime('500ms')).toBe(0.5);
    expect(parseTime('45')).toBe(45);
    expect(parseTime('2.5')).toBe(2.5);
    expect(parseTime('1:30')).toBe(90);
    expect(parseTime('1:02:03')).toBe(3723);
    expect(parseTime(12)).toBe(12);
    for (const bad of ['', 'soon', '30 s', '-5s', '1m30', 'NaN']) expect(parseTime(bad), bad).toBeNull();
    expect(parseTime(-1)).toBeNull();
    expect(parseTime(null)).toBeNull();
  });
  it('clamps speed to the transport range and accepts a trailing x', () => {
    expect(parseSpeed('4')).toBe(4);
    expect(parseSpeed('8x')).toBe(8);
    expect(parseSpeed('1000')).toBe(64);
    expect(parseSpeed('0.1')).toBe(0.25);
    expect(parseSpeed('fast')).toBeNull();
    expect(parseSpeed('0')).toBeNull();
  });
  it('takes pixels or a CSS length for height, and nothing else', () => {
    expect(parseHeight('480')).toBe('480px');
    expect(parseHeight('30rem')).toBe('30rem');
    expect(parseHeight('60vh')).toBe('60vh');
    expect(parseHeight('100px;background:red')).toBeNull();
    expect(parseHeight('calc(1px)')).toBeNull();
    expect(parseHeight(null)).toBeNull();
  });
  it('knows three themes and two poster modes', () => {
    expect(parseTheme('Light')).toBe('light');
    expect(parseTheme('auto')).toBe('auto');
    expect(parseTheme('blue')).toBeNull();
    expect(parsePoster(null)).toBe('none');
    expect(parsePoster('')).toBe('visible');
    expect(parsePoster('click')).toBe('click');
  });
});

describe('inline YAML', () => {
  it('drops the indentation the page added and the blank lines around it', () => {
    const html = '\n        apiVersion: v1\n        kind: Pod\n        metadata:\n          name: x\n      ';
    expect(inlineYaml(html)).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n');
    expect(inlineYaml('   \n  ')).toBe('');
  });
});

describe('the poster title', () => {
  it('agrees with the scenario loader on every bundled scenario, in English and Japanese', () => {
    const dir = join(ROOT, 'scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const r = loadScenario(text, f);
      if (!r.ok) continue;
      for (const lang of ['en', 'ja'] as const) expect(scenarioTitle(text, lang), `${f} ${lang}`).toBe(localized(r.scenario.title, lang) || r.scenario.name);
    }
  });
  it('reads quoted, flow-map and block-map titles and falls back to the name', () => {
    expect(scenarioTitle('metadata:\n  name: a\n  title: "Say \\"hi\\""\n')).toBe('Say "hi"');
    expect(scenarioTitle("metadata:\n  title: 'it''s'\n  name: a\n")).toBe("it's");
    expect(scenarioTitle('metadata:\n  name: a\n  title: {en: "One, two", ja: 一二}\n', 'ja')).toBe('一二');
    expect(scenarioTitle('metadata:\n  name: a\n  title: {en: "One, two", ja: 一二}\n', 'en')).toBe('One, two');
    expect(scenarioTitle('metadata:\n  name: a\n  title:\n    en: Plain # note\n', 'ja')).toBe('Plain');
    expect(scenarioTitle('kind: Scenario\nmetadata:\n  name: only-name\nspec:\n  title: not this\n')).toBe('only-name');
    expect(scenarioTitle('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n')).toBeNull();
    // a title is text, whatever it contains
    expect(scenarioTitle('metadata:\n  title: <img src=x onerror=alert(1)>\n')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('the course page', () => {
  const html = readFileSync(join(EXAMPLES, 'probes-article.html'), 'utf8');
  const embeds = [...html.matchAll(/<pod-sim\b([^>]*)>([\s\S]*?)<\/pod-sim>/g)];

  it('has two live embeds (one inline, one from a file) and a poster, loaded by an external module script only', () => {
    expect(embeds.length).toBe(3);
    expect(embeds.filter((m) => /\bsrc=/.test(m[1])).length).toBe(2);
    expect(embeds.filter((m) => /\bposter\b/.test(m[1])).length).toBe(1);
    expect(html).toContain('<script type="module" src="../embed/pod-sim.js"></script>');
    // strict CSP: no inline script, no inline event handler, no inline style
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=|<style/i);
    expect(html).toContain('podsim:iframe-embed');
  });

  it('every scenario on it loads, with the title its poster shows', () => {
    for (const [, attrs, body] of embeds) {
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
      // as the browser reads it: a <pre>'s text, without the newline right after <pre>
      const pre = /<pre>\n?([\s\S]*?)<\/pre>/.exec(body);
      const text = src ? readFileSync(join(EXAMPLES, src), 'utf8') : inlineYaml(pre ? pre[1] : body);
      const r = loadScenario(text, src ?? 'inline.yaml');
      expect(r.ok ? [] : r.problems.map((p) => p.message), src ?? 'inline').toEqual([]);
      if (r.ok) expect(scenarioTitle(text, 'en')).toBe(localized(r.scenario.title, 'en'));
    }
  });
});
