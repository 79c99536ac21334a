/**
 * UI languages other than English are fetched when first wanted: the catalogues
 * register English on import, and a language's own texts (./ja.ts) arrive as a chunk
 * of their own. The UI switches language only once its texts are in, so it never shows
 * a half-translated page; until then it stays in the language it was in.
 */
import type { Lang } from './i18n';
import { fetchedOnce, type FetchedOnce } from '../fetched-once';

/** each language's texts but English (which every catalogue registers on import) */
const TEXTS: Record<Exclude<Lang, 'en'>, FetchedOnce<unknown>> = {
  ja: fetchedOnce(() => import('./ja')),
};

export function langLoaded(lang: Lang): boolean {
  return lang === 'en' || TEXTS[lang].value() !== null;
}

/** fetch a language's texts (once; again after a failed fetch) */
export function loadLang(lang: Lang): Promise<void> {
  return lang === 'en' ? Promise.resolve() : TEXTS[lang].fetch();
}

/**
 * A switcher for one mounted simulator: switch to `lang` once its texts are in, at once
 * when they are, else after the fetch, unless another switch was asked for meanwhile (the
 * last one asked wins). A failed fetch leaves the language as it was.
 */
export function langSwitcher(set: (lang: Lang) => void): (lang: Lang) => Promise<void> {
  let asked = 0;
  return (lang) => {
    const ticket = ++asked;
    if (langLoaded(lang)) {
      set(lang);
      return Promise.resolve();
    }
    return loadLang(lang).then(
      () => {
        if (ticket === asked) set(lang);
      },
      () => undefined,
    );
  };
}
