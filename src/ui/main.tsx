/// <reference types="vite/client" />
/**
 * The page `npm start` opens: the simulator mounted full-window, with every scenario
 * in scenarios/ bundled, `?scenario=URL` (or a bundled file name) to choose what loads,
 * `?play` to start playing, `?lang=ja` for the Japanese UI, `?theme=light|dark|auto`, and
 * the handle exposed as `window.podsim` for scripting.
 */
import { mount, type PodsimHandle, type Theme } from './mount';
import { followShareLinks, sharedFromLocation } from './share/share-from-location';
import { pickLang } from './i18n/i18n';
import { loadLang } from './i18n/lang-loading';
import { codeForCommand, codeForText } from './code-for-load';
import type { BundledFile, BundledMeta, BundledScenario } from './bundled-scenarios';

function themeParam(v: string | null): Theme | undefined {
  return v === 'light' || v === 'dark' || v === 'auto' ? v : undefined;
}

declare global {
  interface Window {
    podsim: PodsimHandle;
  }
}

/** the scenario a newcomer learns most from in the first minute */
export const DEFAULT_SCENARIO = 'readiness-moves-traffic.yaml';

// the picker's list, made at build time (bundled-scenarios-plugin.ts); each file's YAML, with its
// description rendered, a chunk of its own. The default scenario (DEFAULT_SCENARIO: glob patterns
// must be literals) comes with the page; every other one is fetched when picked
const metas = import.meta.glob('/scenarios/*.yaml', { query: '?podsim-meta', import: 'default', eager: true }) as Record<string, BundledMeta>;
const files = import.meta.glob(['/scenarios/*.yaml', '!/scenarios/readiness-moves-traffic.yaml'], { query: '?podsim-scenario', import: 'default' }) as Record<string, () => Promise<BundledFile>>;
const withPage = import.meta.glob('/scenarios/readiness-moves-traffic.yaml', { query: '?podsim-scenario', import: 'default', eager: true }) as Record<string, BundledFile>;
const bundled: BundledScenario[] = Object.entries(metas).map(([path, meta]) => (files[path] ? { ...meta, fetchFile: files[path] } : { ...meta, ...withPage[path] }));

const params = new URLSearchParams(location.search);
const wanted = params.get('scenario');
const speed = Number(params.get('speed') ?? '1') || 1;
const fold = params.get('fold');
const initial = wanted
  ? bundled.some((s) => s.file === wanted)
    ? { bundled: wanted }
    : { url: wanted }
  : { bundled: DEFAULT_SCENARIO };

// #share=...: the scenario, commands and time someone shared (src/ui/share); never sent to a server.
// Meanwhile the UI language's texts, if not English, so the page shows in it from the start
const [shared] = await Promise.all([sharedFromLocation(), loadLang(pickLang(params.get('lang'))).catch(() => undefined)]);
// a shared scenario: the loader (and the shell, if it or its commands run scripts) first, so it loads and its commands replay as the page mounts
if (shared?.ok) {
  const p = shared.payload;
  await Promise.all([codeForText(p.text, p.file), ...p.commands.map((c) => codeForCommand(c.run))].map((f) => f?.catch(() => undefined)));
}

const root = document.getElementById('app')!;
window.podsim = mount(root, {
  bundled,
  initial: shared?.ok ? { text: shared.payload.text, file: shared.payload.file } : initial,
  autoplay: params.has('play'),
  speed,
  // ?lang=ja or ?lang=en; without it, the browser's languages choose
  lang: params.get('lang') ?? undefined,
  // ?theme=light|dark|auto (auto: the reader's prefers-color-scheme); without it, dark
  theme: themeParam(params.get('theme')),
  ...(fold !== null ? { foldAbove: Number(fold) || Infinity } : {}),
});
followShareLinks(window.podsim, root, shared);
