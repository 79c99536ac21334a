/**
 * A bundled scenario's title in the UI language, for the picker. mount() lists the
 * bundled files with their English title; another language's title is read from the
 * file's Scenario document (`metadata.title: {en: ..., ja: ...}`) once per file.
 */
import { loadAll } from 'js-yaml';
import type { BundledScenario } from './podsim-controller';
import type { LocalizedText } from '../scenario/model';
import { localized, type Lang } from './i18n/i18n';

const titles = new Map<string, LocalizedText | undefined>();

function titleOf(text: string): LocalizedText | undefined {
  if (titles.has(text)) return titles.get(text);
  let found: LocalizedText | undefined;
  try {
    for (const doc of loadAll(text)) {
      const d = doc as { kind?: unknown; metadata?: { title?: unknown } } | null;
      if (d?.kind !== 'Scenario') continue;
      const t = d.metadata?.title;
      if (typeof t === 'string' || (t && typeof t === 'object')) found = t as LocalizedText;
      break;
    }
  } catch {
    // a file with problems keeps the title mount() gave it
  }
  titles.set(text, found);
  return found;
}

export function bundledTitle(b: BundledScenario, lang: Lang): string {
  if (lang === 'en') return b.title;
  const t = titleOf(b.text);
  const s: unknown = t === undefined ? '' : localized(t, lang);
  return typeof s === 'string' && s ? s : b.title;
}
