/**
 * Build-time code (vite.config.ts): `import.meta.glob('/scenarios/*.yaml', { query:
 * '?podsim-meta', eager: true })` gives, for each bundled scenario, what the picker shows
 * of it (file, name, English and Japanese titles, fingerprint) instead of its YAML. The
 * page lists every scenario without downloading or parsing them; the file of the one
 * picked is fetched then (a `?podsim-scenario` import of its own: its YAML and its
 * description already rendered to HTML, so the page needs no Markdown renderer for a
 * bundled scenario; see Description.tsx) and the model the loader makes of it (so the page
 * needs no loader for a bundled scenario either: prepared-scenarios.ts).
 *
 * The fields are read from the Scenario document with js-yaml alone: the config must not
 * import the scenario loader (vite bundles the config and warns on its extensionless
 * imports); the model is made by the loader itself, imported when a file is first built
 * (vite's runnerImport). tests/ui/bundled-scenarios.test.ts checks that this gives what
 * describeBundled (bundled-scenarios.ts, the full loader) gives for every bundled file,
 * tests/ui/description-prerender.test.ts that the HTML is what the page would render.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { runnerImport, type Plugin } from 'vite';
import type { BundledFile, BundledMeta } from './bundled-scenarios';
import type { LocalizedText, Scenario } from '../scenario/model';
import { localized } from './i18n/i18n.js';
import { renderDescription } from './markdown/render-markdown.js';
import { textFingerprint } from './text-fingerprint.js';

export const META_QUERY = 'podsim-meta';
export const FILE_QUERY = 'podsim-scenario';

type ScenarioMetadata = { name?: unknown; title?: unknown; description?: unknown };

function scenarioMetadata(text: string): ScenarioMetadata | undefined {
  return (loadAll(text) as { kind?: unknown; metadata?: ScenarioMetadata }[]).find((d) => d?.kind === 'Scenario')?.metadata;
}

/** the picker's entry for a bundled file; throws when it has no Scenario document with a name */
export function describeBundledFile(file: string, text: string): BundledMeta {
  const meta = scenarioMetadata(text);
  const name = meta?.name;
  if (typeof name !== 'string' || !name) throw new Error(`${file}: a bundled scenario needs a Scenario document with metadata.name`);
  const t = meta?.title;
  const raw = typeof t === 'string' || (t && typeof t === 'object') ? (t as string | Record<string, string>) : undefined;
  const title = localized(raw, 'en') || name;
  const ja = localized(raw, 'ja');
  return { file, name, title, ...(ja && ja !== title ? { titles: { ja } } : {}), fingerprint: textFingerprint(text) };
}

/** metadata.description when it is text in the scenario format's shape (the loader refuses anything else) */
function descriptionText(d: unknown): LocalizedText | undefined | null {
  if (d === undefined || typeof d === 'string') return d;
  if (d === null || typeof d !== 'object' || Array.isArray(d)) return null;
  return Object.values(d).every((v) => typeof v === 'string') ? (d as Record<string, string>) : null;
}

/**
 * A bundled file's own chunk: its YAML and its description rendered for each language it
 * has. A description that is not text (the loader reports it) is left to the page.
 */
export function bundledFile(text: string): BundledFile {
  const d = descriptionText(scenarioMetadata(text)?.description);
  return d === null ? { text } : { text, descriptionHtml: renderDescription(d) };
}

type LoadScenario = (text: string, file: string) => { ok: true; scenario: Scenario } | { ok: false };

/**
 * A bundled file's own chunk with its model: what `loadScenario(text, file)` gives, when the
 * file loads (a file with problems comes without: the page's loader shows them at their lines).
 */
export function preparedBundledFile(file: string, text: string, load: LoadScenario): BundledFile {
  const r = load(text, file);
  return r.ok ? { ...bundledFile(text), scenario: r.scenario } : bundledFile(text);
}

const LOADER = fileURLToPath(new URL('../scenario/load-scenario.ts', import.meta.url));
let loader: Promise<LoadScenario> | null = null;

/** the scenario loader, imported once per config (through vite: the module has extensionless imports) */
function theLoader(): Promise<LoadScenario> {
  return (loader ??= runnerImport<{ loadScenario: LoadScenario }>(LOADER, { configFile: false, logLevel: 'error' }).then((r) => r.module.loadScenario));
}

export function bundledScenarioMeta(): Plugin {
  return {
    name: 'podsim-bundled-scenario-meta',
    enforce: 'pre',
    async load(id) {
      const q = id.indexOf('?');
      if (q < 0) return null;
      const query = new URLSearchParams(id.slice(q + 1));
      const meta = query.has(META_QUERY);
      if (!meta && !query.has(FILE_QUERY)) return null;
      const file = id.slice(0, q);
      // the dev server reloads the list (or the scenario) when the file changes
      this.addWatchFile(file);
      const text = readFileSync(file, 'utf8');
      const name = basename(file);
      return `export default ${JSON.stringify(meta ? describeBundledFile(name, text) : preparedBundledFile(name, text, await theLoader()))};\n`;
    },
  };
}
