/**
 * The catalogue is complete: every key the UI asks for exists in English and in
 * Japanese, Japanese has no key English lacks, placeholders match, and no English
 * sentence is left written into a component instead of the catalogue.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './fixtures';

const I18N = join(ROOT, 'src/ui/i18n');

interface Loaded {
  file: string;
  en: Record<string, string>;
  ja: Record<string, string>;
}

/** every catalogue module in src/ui/i18n (messages-*.ts and the others' *-messages.ts), with its Japanese (X.ja.ts) */
async function catalogues(): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for (const f of readdirSync(I18N).filter((f) => /messages/.test(f) && f.endsWith('.ts') && !f.endsWith('.ja.ts')).sort()) {
    const mod = (await import(join(I18N, f))) as { en?: Record<string, string> };
    const jaFile = f.replace(/\.ts$/, '.ja.ts');
    const ja = readdirSync(I18N).includes(jaFile) ? ((await import(join(I18N, jaFile))) as { ja?: Record<string, string> }).ja : undefined;
    if (mod.en && ja) out.push({ file: f, en: mod.en, ja });
  }
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name) && !/messages/.test(name)) out.push(p);
  }
  return out;
}

const SCANNED = [join(ROOT, 'src/ui'), join(ROOT, 'src/embed')].filter((d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
});

/** catalogue keys the code uses: t('k'), translate(lang, 'k'), and 'area.key' literals of a known area */
function usedKeys(areas: Set<string>): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of SCANNED.flatMap(sources)) {
    const src = readFileSync(file, 'utf8');
    const rel = relative(ROOT, file);
    for (const m of src.matchAll(/\bt\(\s*'([^']+)'/g)) used.set(m[1], rel);
    for (const m of src.matchAll(/\btranslate\([^,()]+,\s*'([^']+)'/g)) used.set(m[1], rel);
    for (const m of src.matchAll(/'([a-zA-Z]+)\.([\w.]+)'/g)) if (areas.has(m[1])) used.set(`${m[1]}.${m[2]}`, rel);
  }
  return used;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has the app catalogue files, each with Japanese for every English key and no more', async () => {
    const all = await catalogues();
    expect(all.map((c) => c.file)).toEqual(expect.arrayContaining(['messages-app.ts', 'messages-console.ts', 'messages-panels.ts', 'messages-announcer.ts']));
    for (const c of all) {
      const en = Object.keys(c.en);
      const ja = Object.keys(c.ja);
      expect(en.filter((k) => !ja.includes(k)), `${c.file}: English keys without Japanese`).toEqual([]);
      expect(ja.filter((k) => !en.includes(k)), `${c.file}: Japanese keys English lacks`).toEqual([]);
      for (const k of en) {
        expect(c.ja[k].trim(), `${c.file} ${k}: empty Japanese`).not.toBe('');
        expect(placeholders(c.ja[k]), `${c.file} ${k}: placeholders`).toEqual(placeholders(c.en[k]));
      }
    }
  });

  it('every catalogue with English has its Japanese file, and ja.ts registers each of them', async () => {
    const withEn = readdirSync(I18N).filter((f) => /messages/.test(f) && f.endsWith('.ts') && !f.endsWith('.ja.ts') && /export const en\b/.test(readFileSync(join(I18N, f), 'utf8')));
    expect(withEn.length).toBeGreaterThanOrEqual(6);
    expect((await catalogues()).map((c) => c.file).sort()).toEqual(withEn.sort());
    const jaIndex = readFileSync(join(I18N, 'ja.ts'), 'utf8');
    for (const f of withEn) expect(jaIndex, `ja.ts imports ${f.replace(/\.ts$/, '.ja')}`).toContain(`'./${f.replace(/\.ts$/, '.ja')}'`);
  });

  it('no key is defined by two catalogue files (the later would silently win)', async () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const c of await catalogues()) {
      for (const k of Object.keys(c.en)) {
        if (seen.has(k)) twice.push(`${k} in ${seen.get(k)} and ${c.file}`);
        seen.set(k, c.file);
      }
    }
    expect(twice).toEqual([]);
  });

  it('every key used in src/ui exists in English and in Japanese', async () => {
    const all = await catalogues();
    const en = Object.assign({}, ...all.map((c) => c.en)) as Record<string, string>;
    const ja = Object.assign({}, ...all.map((c) => c.ja)) as Record<string, string>;
    const areas = new Set(Object.keys(en).map((k) => k.split('.')[0]));
    const used = usedKeys(areas);
    // the scan finds what the components use (a broken scan would find nothing)
    for (const k of ['tab.inspector', 'transport.playKey', 'console.loaded', 'announce.probeFailed', 'about.legend.probes', 'probe.mode.fail', 'lang.label']) expect(used.has(k), k).toBe(true);
    const missingEn = [...used].filter(([k]) => !(k in en)).map(([k, f]) => `${k} (${f})`);
    const missingJa = [...used].filter(([k]) => !(k in ja)).map(([k, f]) => `${k} (${f})`);
    expect(missingEn).toEqual([]);
    expect(missingJa).toEqual([]);
  });

  it('Japanese text is Japanese: no English sentence copied over untranslated', async () => {
    // a few keys are the same in both on purpose (a Kubernetes word, a label like YAML)
    const same = new Set(['tab.yaml', 'container.ready']);
    for (const c of await catalogues()) {
      if (!c.file.startsWith('messages-')) continue;
      for (const [k, v] of Object.entries(c.en)) {
        if (same.has(k) || !/[a-z]{3,} [a-z]{3,}/i.test(v)) continue;
        expect(c.ja[k], `${c.file} ${k}`).not.toBe(v);
        expect(c.ja[k], `${c.file} ${k}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
  });

  it('no English words are written into the components instead of the catalogue', () => {
    // what stays English in every language: kubectl's column names, commands, Kubernetes words, examples
    const allowed = new Set([
      'NAME', 'READY', 'STATUS', 'RESTARTS', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE', 'IP', 'Pod', 'ready', 'serving', 'terminating',
      'kubectl describe', 'kubectl delete pod', 'kubectl get endpoints', 'kubectl describe service', 'kubectl describe node', 'kubectl top node', 'rm', 'touch',
      'kubectl get pods', 'pod/web', 'https://example.com/scenario.yaml', 'podsim',
    ]);
    const found: string[] = [];
    const components = ['App', 'CanvasView', 'ConsolePanel', 'Description', 'EditorPanel', 'EventsPanel', 'Inspector', 'LangSwitch', 'ScenarioPicker', 'Statechart', 'Transport'];
    for (const name of components) {
      const file = `${name}.tsx`;
      {
        const src = readFileSync(join(ROOT, 'src/ui', file), 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '');
        // JSX text: after a tag's closing > (which follows a name, a quote or a brace) up to the next tag
        for (const m of src.matchAll(/(?<=[\w"'}])>([^<>{}=;]*[A-Za-z]{2,}[^<>{}=;]*)<(?=\/?[A-Za-z])/g)) {
          const text = m[1].trim();
          if (text && !allowed.has(text)) found.push(`${file}: >${text}<`);
        }
        for (const m of src.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{2,}[^"]*)"/g)) {
          if (!allowed.has(m[2])) found.push(`${file}: ${m[1]}="${m[2]}"`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
