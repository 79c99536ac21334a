/**
 * UI languages. Every word the simulator's own interface shows comes from a message
 * catalogue here, in English and Japanese; kubectl output and Kubernetes' own words
 * (reasons, phases, condition types) stay English, as the real tools print them.
 *
 * Catalogues are plain objects `{ en: {key: text}, ja: {key: text} }`, registered by
 * the module that owns them (the app's panels, the embed, ...). English is the source:
 * a key missing in Japanese falls back to English, a key missing everywhere shows the key.
 * `{name}` placeholders are filled from `params`.
 */
import { createContext, useContext, type Accessor } from 'solid-js';
import type { LocalizedText } from '../../scenario/model';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

export interface Catalogue {
  en: Record<string, string>;
  ja: Partial<Record<string, string>>;
}

const messages: { en: Record<string, string>; ja: Record<string, string> } = { en: {}, ja: {} };

export function registerMessages(c: Catalogue): void {
  Object.assign(messages.en, c.en);
  for (const [k, v] of Object.entries(c.ja)) if (v !== undefined) messages.ja[k] = v;
}

/** `lang` as asked for (an attribute, a URL parameter), else the browser's languages, else English */
export function pickLang(wanted?: string | null, browser: readonly string[] = typeof navigator === 'object' ? navigator.languages ?? [navigator.language] : []): Lang {
  const norm = (l: string | null | undefined) => (l ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const w = norm(wanted);
  if ((LANGS as readonly string[]).includes(w)) return w as Lang;
  for (const b of browser) {
    const n = norm(b);
    if ((LANGS as readonly string[]).includes(n)) return n as Lang;
  }
  return 'en';
}

export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const raw = messages[lang][key] ?? messages.en[key] ?? key;
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** a scenario's title or description in the UI language: `{en: ..., ja: ...}` or a plain string */
export function localized(t: LocalizedText | undefined, lang: Lang): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  return t[lang] ?? t.en ?? Object.values(t)[0] ?? '';
}

export interface I18n {
  lang: Accessor<Lang>;
  t: (key: string, params?: Record<string, string | number>) => string;
}

export function makeI18n(lang: Accessor<Lang>): I18n {
  return { lang, t: (key, params) => translate(lang(), key, params) };
}

export const I18nContext = createContext<I18n>(makeI18n(() => 'en'));

/** the UI language and its `t` inside a mounted simulator */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
