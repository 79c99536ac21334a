/// <reference types="vite/client" />
/**
 * embed.html: the simulator filling an iframe, for course sites that allow no scripts
 * of their own. Reads its address (embed-params.ts), mounts the simulator with only
 * the parts asked for, loads the scenario (a URL, a bundled scenario's name, or a share
 * link), and talks to the parent page over postMessage (parent-bridge.ts).
 *
 * Bad parameters show what is wrong, in the frame, instead of the simulator; a
 * scenario that cannot be fetched or has problems shows them in the simulator's
 * problem box. Either way the parent hears an `error` event.
 */
import { mount, type PodsimHandle } from '../../ui/mount';
import { pickLang, translate, type Lang } from '../../ui/i18n/i18n';
import { loadLang } from '../../ui/i18n/lang-loading';
import '../../ui/i18n/share-messages';
import { sharedFromLocation, followShareLinks, showPageProblem } from '../../ui/share/share-from-location';
import { goDuration } from '../../ui/share/embed-snippets';
import { readEmbedParams } from './embed-params';
import { rememberBundledFile, type BundledFile } from '../../ui/bundled-scenarios';
import { connectParent, parentOrigin } from './parent-bridge';
import '../embed.css';
import './embed-page.css';

declare global {
  interface Window {
    podsim: PodsimHandle;
  }
}

// bundled scenarios by file name, each its own small chunk fetched only when named: its YAML and
// its description rendered at build time (bundled-scenarios-plugin.ts), so no Markdown renderer is fetched
const bundled = import.meta.glob('/scenarios/*.yaml', { query: '?podsim-scenario', import: 'default' }) as Record<string, () => Promise<BundledFile>>;

async function bundledText(key: string): Promise<string> {
  const f = await bundled[key]();
  rememberBundledFile(f);
  return f.text;
}

const root = document.getElementById('app')!;
const framed = window.parent !== window;

/** the whole frame: what is wrong, nothing else */
function showFatal(lang: Lang, lines: string[]): void {
  root.replaceChildren();
  root.className = 'podsim ps-embed-page-root';
  const box = document.createElement('div');
  box.className = 'ps-embed-message';
  box.setAttribute('role', 'alert');
  const title = document.createElement('p');
  const b = document.createElement('b');
  b.textContent = translate(lang, 'embedPage.badParams');
  title.append(b);
  const list = document.createElement('ul');
  for (const l of lines) {
    const li = document.createElement('li');
    li.textContent = l;
    list.append(li);
  }
  box.append(title, list);
  root.append(box);
}

async function start(): Promise<void> {
  const { params, problems } = readEmbedParams(location.search, location.hash);
  const lang = pickLang(params.lang);
  // the page's own words (title, problems) in that language: its texts first, unless English
  await loadLang(lang).catch(() => undefined);
  document.documentElement.lang = lang;
  document.title = translate(lang, 'embedPage.title');
  const origin = framed ? parentOrigin(params.origin, document.referrer) : null;
  const postError = (lines: string[]) => {
    if (origin) window.parent.postMessage({ source: 'podsim', type: 'error', detail: { file: 'embed.html', problems: lines } }, origin);
  };

  if (problems.length) {
    const lines = problems.map((p) => translate(lang, p.key, p.params));
    showFatal(lang, lines);
    postError(lines);
    return;
  }
  const shared = params.share !== null ? await sharedFromLocation(location.hash) : null;
  if (shared && !shared.ok) {
    showFatal(lang, [shared.message]);
    postError([shared.message]);
    return;
  }

  root.classList.add('ps-embed-root', 'ps-embed-page-root');
  const handle = mount(root, {
    ...(params.speed !== null ? { speed: params.speed } : {}),
    lang,
    ...(params.theme ? { theme: params.theme } : {}),
    show: params.controls,
    globalKeys: true,
    pauseOffscreen: true,
  });
  window.podsim = handle;
  // connected before the first load, so the parent hears `ready` (or `error`)
  if (origin) connectParent(handle, origin, window);
  // kubectl's printers are fetched on demand; the first load waits for them, so that a
  // parent may run kubectl as soon as it hears `ready`
  const printers = handle.ready();

  if (shared?.ok) {
    // a share link carries its own time and speed
    await printers;
    handle.load(shared.payload.text, shared.payload.file);
    followShareLinks(handle, root, shared);
    return;
  }
  const name = params.scenario!;
  const key = `/scenarios/${name}`;
  const outcome = key in bundled ? handle.load((await Promise.all([bundledText(key), printers]))[0], name) : await printers.then(() => handle.loadUrl(name));
  if (!outcome.ok) return;
  if (params.start !== null) {
    if (params.start > handle.duration()) {
      showPageProblem(root, [translate(lang, 'embedPage.startBeyond', { value: new URLSearchParams(location.search).get('start') ?? '', duration: goDuration(handle.duration()) })]);
    } else handle.seek(params.start);
  }
  if (params.autoplay) handle.play();
}

void start();
