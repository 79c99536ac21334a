/**
 * The scenario picker's list. Each entry names a file and its titles; its YAML is either
 * at hand (`text`) or fetched when picked (`fetchFile` or `fetchText`: on the site each
 * bundled file is a chunk of its own, with its description already rendered to HTML, and
 * only the default scenario comes with the page). The list itself is made at build time by
 * describeBundled (bundled-scenarios-plugin.ts), so the page neither downloads nor parses
 * every file to show the picker.
 */
import { loadScenario } from '../scenario/scenario-loader';
import type { LocalizedText, Scenario } from '../scenario/model';
import { localized, type Lang } from './i18n/i18n';
import { textFingerprint } from './text-fingerprint';
import type { PodsimController } from './podsim-controller';
import { rememberPrepared } from './prepared-scenarios';

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

/** a bundled file's own chunk (a `?podsim-scenario` import, bundled-scenarios-plugin.ts) */
export interface BundledFile {
  text: string;
  /** the Scenario's description rendered at build time (render-markdown.ts renderDescription),
   * keyed by language as the description is; absent when the description is not text */
  descriptionHtml?: LocalizedText;
  /** what the loader makes of `text` under the file's name, made at build time (prepared-scenarios.ts) */
  scenario?: Scenario;
}

export interface BundledScenario extends BundledMeta {
  /** the YAML, when already at hand */
  text?: string;
  /** the description of `text` as HTML, rendered at build time (comes with `text`) */
  descriptionHtml?: LocalizedText;
  /** the model of `text`, made at build time (comes with `text`) */
  scenario?: Scenario;
  /** fetch the YAML with its rendered description (when not at hand) */
  fetchFile?: () => Promise<BundledFile>;
  /** fetch the YAML alone (when not at hand) */
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

/** the YAML of a bundled scenario: at hand, or fetched once and kept (with its rendered description) */
export async function bundledText(b: BundledScenario): Promise<string> {
  if (b.text !== undefined) return b.text;
  if (b.fetchFile) {
    const f = await b.fetchFile();
    if (f.descriptionHtml !== undefined) b.descriptionHtml = f.descriptionHtml;
    if (f.scenario) {
      b.scenario = f.scenario;
      rememberPrepared(f.text, f.scenario);
    }
    b.text = f.text;
    return f.text;
  }
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

/**
 * The description of a loaded `text` in `lang` as HTML rendered at build time, when `text`
 * is a bundled file's, unedited (whatever file name it was loaded under: the HTML depends
 * on the text alone); undefined otherwise (the page renders it: Description.tsx). The
 * whole text is compared, not its fingerprint: an entry has the HTML only with its text.
 */
export function bundledDescriptionHtml(list: readonly BundledScenario[], text: string, lang: Lang): string | undefined {
  const b = list.find((e) => e.descriptionHtml !== undefined && e.text === text) ?? fetchedFiles.find((e) => e.descriptionHtml !== undefined && e.text === text);
  return b ? localized(b.descriptionHtml, lang) : undefined;
}

/** bundled files fetched outside a picker's list (the iframe page loads one by name) */
const fetchedFiles: BundledFile[] = [];

/** remember a bundled file fetched outside a picker's list, so its built description is used too */
export function rememberBundledFile(f: BundledFile): void {
  if (!fetchedFiles.some((e) => e.text === f.text)) fetchedFiles.push(f);
  if (f.scenario) rememberPrepared(f.text, f.scenario);
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
  return ctl.loadPrepared(text, b.file);
}
