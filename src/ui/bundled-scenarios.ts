/**
 * The scenario picker's list. Each entry names a file and its titles; its YAML is either
 * at hand (`text`) or fetched when picked (`fetchText`: on the site each bundled file is a
 * chunk of its own, and only the default scenario comes with the page). The list itself
 * is made at build time by describeBundled (bundled-scenarios-plugin.ts), so the page
 * neither downloads nor parses every file to show the picker.
 */
import { loadScenario } from '../scenario/load-scenario';
import { localized, type Lang } from './i18n/i18n';
import { textFingerprint } from './text-fingerprint';
import type { PodsimController } from './podsim-controller';

/** what the picker shows of a bundled file: made at build time, or from a text at hand */
export interface BundledMeta {
  file: string;
  /** metadata.name, or the file name when the file has problems */
  name: string;
  /** the English title (the picker's order), or "FILE (has problems)" */
  title: string;
  /** the title in another UI language, where the file has its own */
  titles?: Partial<Record<Lang, string>>;
  /** textFingerprint of the YAML: an unedited copy is this scenario */
  fingerprint: string;
}

export interface BundledScenario extends BundledMeta {
  /** the YAML, when already at hand */
  text?: string;
  /** fetch the YAML (when not at hand) */
  fetchText?: () => Promise<string>;
}

export function describeBundled(file: string, text: string): BundledMeta {
  const r = loadScenario(text, file);
  const fingerprint = textFingerprint(text);
  if (!r.ok) return { file, name: file, title: `${file} (has problems)`, fingerprint };
  const title = localized(r.scenario.title, 'en') || r.scenario.name;
  const ja = localized(r.scenario.title, 'ja');
  return { file, name: r.scenario.name, title, ...(ja && ja !== title ? { titles: { ja } } : {}), fingerprint };
}

/** the picker's title in the UI language */
export function bundledTitle(b: BundledMeta, lang: Lang): string {
  return b.titles?.[lang] || b.title;
}

/** the YAML of a bundled scenario: at hand, or fetched once and kept */
export async function bundledText(b: BundledScenario): Promise<string> {
  if (b.text !== undefined) return b.text;
  if (!b.fetchText) throw new Error(`${b.file} has no text`);
  const text = await b.fetchText();
  b.text = text;
  return text;
}

/** the bundled scenario `text` is an unedited copy of (file names must match too), if any */
export function bundledMatching(list: readonly BundledMeta[], file: string, text: string): BundledMeta | undefined {
  const candidates = list.filter((b) => b.file === file);
  if (!candidates.length) return undefined;
  const fp = textFingerprint(text);
  return candidates.find((b) => b.fingerprint === fp);
}

const picks = new WeakMap<PodsimController, number>();

/**
 * Load a bundled scenario, fetching its YAML first if need be; a failed fetch is a problem
 * shown like a load's. A fetch overtaken by another pick or load meanwhile is dropped.
 */
export async function loadBundled(ctl: PodsimController, b: BundledScenario): Promise<{ ok: boolean; problems: string[] }> {
  const pick = (picks.get(ctl) ?? 0) + 1;
  picks.set(ctl, pick);
  const source = ctl.source[0]();
  let text: string;
  try {
    text = await bundledText(b);
    if (picks.get(ctl) !== pick || ctl.source[0]() !== source) return { ok: false, problems: [] };
  } catch (e) {
    const line = `${b.file}:1:1: could not fetch ${b.file}: ${e instanceof Error ? e.message : String(e)}`;
    ctl.problems[1]({ file: b.file, lines: [line], problems: [{ file: b.file, line: 1, column: 1, message: line }] });
    return { ok: false, problems: [line] };
  }
  return ctl.load(text, b.file);
}
