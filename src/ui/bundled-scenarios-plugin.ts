/**
 * Build-time code (vite.config.ts): `import.meta.glob('/scenarios/*.yaml', { query:
 * '?podsim-meta', eager: true })` gives, for each bundled scenario, what the picker shows
 * of it (file, name, English and Japanese titles, fingerprint) instead of its YAML. The
 * page lists every scenario without downloading or parsing them; the YAML of the one
 * picked is fetched then (a `?raw` import of its own).
 *
 * The fields are read from the Scenario document with js-yaml alone: the config must not
 * import the scenario loader (vite bundles the config and warns on its extensionless
 * imports). tests/ui/bundled-scenarios.test.ts checks that this gives what
 * describeBundled (bundled-scenarios.ts, the full loader) gives for every bundled file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadAll } from 'js-yaml';
import type { Plugin } from 'vite';
import type { BundledMeta } from './bundled-scenarios';
import { localized } from './i18n/i18n.js';
import { textFingerprint } from './text-fingerprint.js';

export const META_QUERY = 'podsim-meta';

/** the picker's entry for a bundled file; throws when it has no Scenario document with a name */
export function describeBundledFile(file: string, text: string): BundledMeta {
  const doc = (loadAll(text) as { kind?: unknown; metadata?: { name?: unknown; title?: unknown } }[]).find((d) => d?.kind === 'Scenario');
  const name = doc?.metadata?.name;
  if (typeof name !== 'string' || !name) throw new Error(`${file}: a bundled scenario needs a Scenario document with metadata.name`);
  const t = doc?.metadata?.title;
  const raw = typeof t === 'string' || (t && typeof t === 'object') ? (t as string | Record<string, string>) : undefined;
  const title = localized(raw, 'en') || name;
  const ja = localized(raw, 'ja');
  return { file, name, title, ...(ja && ja !== title ? { titles: { ja } } : {}), fingerprint: textFingerprint(text) };
}

export function bundledScenarioMeta(): Plugin {
  return {
    name: 'podsim-bundled-scenario-meta',
    enforce: 'pre',
    load(id) {
      const q = id.indexOf('?');
      if (q < 0 || !new URLSearchParams(id.slice(q + 1)).has(META_QUERY)) return null;
      const file = id.slice(0, q);
      // the dev server reloads the list when the file changes
      this.addWatchFile(file);
      return `export default ${JSON.stringify(describeBundledFile(basename(file), readFileSync(file, 'utf8')))};\n`;
    },
  };
}
